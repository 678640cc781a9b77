"""The configuration: defaults for a trial, and every mistake reported as `file:line: message`."""
from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest

from intake import Config, ConfigError, load_config

GOOD = """\
manager: U0123MANAGER        # 個人情報管理責任者
deputy: U0456DEPUTY
privacy_team: [U0789AGENT, W0AB12CD3]
escalation_channel: C0PRIVACY
sla_days:
  disclosure: 7
  complaint: 12
reminder_ladder: [1, 3, 5]
business_hours: {start: 09:30, end: "17:30"}
company_holidays: ["12-29..01-03", 2026-08-14, "2026-08-12..2026-08-13"]
escalation_ack_minutes: 30
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "privacy-bot.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def problems(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(ConfigError) as info:
        load_config(write(tmp_path, text))
    return str(info.value).splitlines()


class TestLoading:
    """A valid file sets everything; no file gives defaults that work for a trial."""

    def test_full_file(self, tmp_path: Path) -> None:
        config = load_config(write(tmp_path, GOOD))
        assert (config.manager, config.deputy, config.escalation_channel) == ("U0123MANAGER", "U0456DEPUTY", "C0PRIVACY")
        assert config.privacy_team == ("U0789AGENT", "W0AB12CD3")
        assert config.sla_days["disclosure"] == 7 and config.sla_days["deletion"] == 10
        assert config.reminder_ladder == (5, 3, 1)
        assert (config.business_hours.start, config.business_hours.end) == (time(9, 30), time(17, 30))
        assert not config.calendar.is_business_day(date(2026, 8, 14))
        assert not config.calendar.is_business_day(date(2026, 8, 12))
        assert config.escalation_ack_minutes == 30

    def test_privileged(self, tmp_path: Path) -> None:
        config = load_config(write(tmp_path, GOOD))
        assert all(config.is_privileged(u) for u in ("U0123MANAGER", "U0456DEPUTY", "W0AB12CD3"))
        assert not config.is_privileged("U0999STRANGER") and not config.is_privileged(None)

    def test_defaults(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.chdir(tmp_path)
        monkeypatch.delenv("PRIVACY_BOT_CONFIG", raising=False)
        config = load_config()
        assert config == Config()
        assert config.manager is None and config.reminder_ladder == (3, 1) and config.escalation_ack_minutes == 60
        assert config.retention_days is None  # nothing is erased unless the company decides
        assert config.sla_days["leak_report"] == 3 and config.sla_days["general"] == 5
        assert not config.calendar.is_business_day(date(2027, 1, 3))

    def test_path_from_environment_then_working_directory(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.chdir(tmp_path)
        write(tmp_path, "manager: U0123MANAGER\n")
        monkeypatch.delenv("PRIVACY_BOT_CONFIG", raising=False)
        assert load_config().manager == "U0123MANAGER"
        other = tmp_path / "other.yaml"
        other.write_text("manager: U0456OTHER\n", encoding="utf-8")
        monkeypatch.setenv("PRIVACY_BOT_CONFIG", str(other))
        assert load_config().manager == "U0456OTHER"

    def test_empty_file_is_defaults(self, tmp_path: Path) -> None:
        assert load_config(write(tmp_path, "# nothing yet\n")).manager is None


class TestErrors:
    """Every problem is listed with its line, so the operator fixes them all in one go."""

    def test_each_problem_on_its_line(self, tmp_path: Path) -> None:
        found = problems(
            tmp_path,
            "manager: taro\n"  # 1
            "deputy: C0NOTAUSER\n"  # 2
            "privacy_team: [U0789AGENT, u0lower]\n"  # 3
            "escalation_channel: U0123MANAGER\n"  # 4
            "sla_days:\n"  # 5
            "  disclosure: ten\n"  # 6
            "  erasure: 5\n"  # 7
            "company_holidays: ['13-45', 2026-08-14]\n"  # 8
            "colour: blue\n"  # 9
            "business_hours: {start: '18:00', end: '10:00'}\n"  # 10
            "language: fr\n",  # 11
        )
        path = str(tmp_path / "privacy-bot.yaml")
        assert all(line.startswith(path + ":") for line in found)
        lines = [int(line[len(path) + 1 :].split(":")[0]) for line in found]
        assert lines == [1, 2, 3, 4, 6, 7, 8, 9, 10, 11]
        text = "\n".join(found)
        for words in ("manager must be a Slack user id", "escalation_channel must be a Slack channel id",
                      "unknown request type 'erasure'", "unknown setting 'colour'", "'13-45' is not a date",
                      "start 18:00 must be before end 10:00", "language is not a setting"):
            assert words in text

    def test_language_is_not_a_setting(self, tmp_path: Path) -> None:
        """Nothing read a `language` key (replies follow each question, case messages are bilingual): a file that
        sets one is told so rather than silently ignored."""
        assert problems(tmp_path, "manager: U0123MANAGER\nlanguage: ja\n") == [
            f"{tmp_path / 'privacy-bot.yaml'}:2: language is not a setting: each reply follows the language of its "
            "question, and case messages are in Japanese with English; remove this line"
        ]
        assert not hasattr(Config(), "language")

    def test_impossible_unquoted_date(self, tmp_path: Path) -> None:
        assert problems(tmp_path, "manager: U0123MANAGER\ncompany_holidays: [2026-02-30]\n") == [
            f"{tmp_path / 'privacy-bot.yaml'}:2: '2026-02-30' is not a valid value: day is out of range for month"
        ]

    def test_yaml_syntax(self, tmp_path: Path) -> None:
        found = problems(tmp_path, "manager: U0123MANAGER\nprivacy_team: [U0789AGENT\n")
        assert len(found) == 1 and "invalid YAML" in found[0]

    def test_not_a_mapping(self, tmp_path: Path) -> None:
        assert problems(tmp_path, "- U0123MANAGER\n")[0].endswith(":1: the configuration must be a mapping of "
                                                                  "settings (manager: U…, deputy: U…, ...)")

    @pytest.mark.parametrize(
        ("text", "words"),
        [
            ("reminder_ladder: [3, 0]\n", "reminder_ladder entry must be a positive whole number"),
            ("escalation_ack_minutes: soon\n", "escalation_ack_minutes must be a positive whole number"),
            ("privacy_team: U0789AGENT\n", "privacy_team must be a list"),
            ("business_hours: {start: '25:00'}\n", "business_hours.start must be a time"),
            ("business_hours: {open: '10:00'}\n", "business_hours: unknown key 'open'"),
            ("sla_days: 10\n", "sla_days must map request type ids"),
            ("retention_days: 0\n", "retention_days must be a positive whole number"),
            ("retention_days: 1y\n", "retention_days must be a positive whole number"),
        ],
    )
    def test_wrong_types(self, tmp_path: Path, text: str, words: str) -> None:
        found = problems(tmp_path, text)
        assert len(found) == 1 and ":1: " in found[0] and words in found[0]
