"""`privacy-bot cases`: the operator's command line over a real database file, as a person would run it."""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from intake import JST

MANAGER = "U0123MANAGER"
AGENT = "U0789AGENT"

CASE = {
    "type": "deletion",
    "channel": "phone",
    "description": "退会済み。録音も含めて個人情報を消してほしいとのこと。",
    "requester": {"name": "高橋花子", "email": "hanako@example.com", "phone": "090-1234-5678"},
}


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    config = tmp_path / "privacy-bot.yaml"
    config.write_text(f"manager: {MANAGER}\nprivacy_team: [{AGENT}]\n", encoding="utf-8")
    return {**os.environ, "PRIVACY_BOT_DB": str(tmp_path / "cases.db"), "PRIVACY_BOT_CONFIG": str(config)}


def cli(env: dict[str, str], *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "privacy_bot", "cases", *args], input=stdin, capture_output=True,
                          text=True, encoding="utf-8", env=env, timeout=60)


def in_days(days: int) -> str:
    """The date `days` from today in Japan, as a bare ISO date."""
    return (datetime.now(JST) + timedelta(days=days)).date().isoformat()


def new(env: dict[str, str], **overrides: object) -> str:
    result = cli(env, "new", "--json", "-", stdin=json.dumps({**CASE, **overrides}, ensure_ascii=False))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["id"]


class TestNew:
    """Logging a case from options or JSON; bad fields are each named and nothing is written."""

    def test_from_options(self, env: dict[str, str]) -> None:
        result = cli(env, "new", "--type", "disclosure", "--channel", "email", "--name", "山田太郎",
                     "--email", "taro@example.com", "--description", "保有している私の情報を開示してください",
                     "--agent-kind", "appointed", "--agent-name", "代理 一郎", "--agent-evidence", "委任状")
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith("PRV-") and "期限" in result.stdout
        shown = json.loads(cli(env, "show", result.stdout.split()[0], "--json").stdout)
        assert shown["agent"]["evidence"] == "委任状" and shown["history"][0]["actor"] == "operator"

    def test_field_errors_write_nothing(self, env: dict[str, str]) -> None:
        result = cli(env, "new", "--type", "erasure", "--channel", "email", "--name", "山田",
                     "--email", "taro@@example", "--phone", "12345", "--description", "消して")
        assert result.returncode == 2
        fields = [line.split(": ")[1] for line in result.stderr.splitlines()]
        assert fields == ["type", "requester.email", "requester.phone"]
        assert not Path(env["PRIVACY_BOT_DB"]).exists()

    def test_json_errors_write_nothing(self, env: dict[str, str]) -> None:
        new(env)
        bad = {**CASE, "requester": {"name": "高橋", "email": "not-an-email"}}
        result = cli(env, "new", "--json", "-", stdin=json.dumps(bad))
        assert result.returncode == 2 and "requester.email" in result.stderr
        assert len(json.loads(cli(env, "list", "--status", "all", "--json").stdout)) == 1

    def test_not_json(self, env: dict[str, str]) -> None:
        result = cli(env, "new", "--json", "-", stdin="{oops")
        assert result.returncode == 2 and len(result.stderr.splitlines()) == 1


class TestReading:
    """list, show and export read the store; show --json carries design.md's fields and the history."""

    def test_show_json_shape(self, env: dict[str, str]) -> None:
        case_id = new(env)
        shown = json.loads(cli(env, "show", case_id, "--json").stdout)
        assert {"id", "type", "status", "urgent", "received_at", "due_at", "requester", "channel", "description",
                "assignee", "history"} <= set(shown)
        assert shown["requester"] == {"name": "高橋花子", "email": "hanako@example.com", "phone": "+819012345678"}
        assert shown["received_at"].endswith("+09:00") and shown["status"] == "new"
        assert [h["actor"] for h in shown["history"]] == ["operator"]

    def test_show_text_and_missing(self, env: dict[str, str]) -> None:
        case_id = new(env)
        text = cli(env, "show", case_id).stdout
        assert case_id in text and "高橋花子" in text and "履歴" in text
        missing = cli(env, "show", "PRV-2000-0001")
        assert missing.returncode == 1 and "見つかりません" in missing.stderr

    def test_list_filters(self, env: dict[str, str]) -> None:
        first, leak = new(env), new(env, type="leak_report", description="他の会社の通話履歴が見えます")
        table = cli(env, "list").stdout
        assert first in table and leak in table and "高橋" not in table
        leaks = json.loads(cli(env, "list", "--type", "leak_report", "--json").stdout)
        assert [c["id"] for c in leaks] == [leak] and leaks[0]["urgent"] is True
        assert json.loads(cli(env, "list", "--overdue", "--json").stdout) == []
        assert cli(env, "list", "--status", "closed").returncode == 2
        assert cli(env, "list", "--type", "erasure").returncode == 2

    def test_export_round_trip(self, env: dict[str, str]) -> None:
        ids = [new(env), new(env, type="complaint", description="対応が不誠実で不快です。\n改善を求めます。")]
        cli(env, "transition", ids[0], "acknowledged", "--actor", MANAGER)
        as_json = json.loads(cli(env, "export", "--format", "json").stdout)
        assert [c["id"] for c in as_json] == ids
        assert [h["to_status"] for h in as_json[0]["history"]] == ["new", "acknowledged"]
        raw = subprocess.run([sys.executable, "-m", "privacy_bot", "cases", "export", "--format", "csv"],
                             capture_output=True, env=env, timeout=60).stdout
        assert raw.startswith(b"\xef\xbb\xbf")
        rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
        assert [row["id"] for row in rows] == ids
        for row, obj in zip(rows, as_json, strict=True):
            assert row["requester_name"] == obj["requester"]["name"]
            assert row["requester_phone"] == "'" + obj["requester"]["phone"]  # +81…: a formula to Excel
            assert row["description"] == obj["description"]
            assert row["due_at"] == obj["due_at"] and row["urgent"] == str(obj["urgent"]).lower()
            assert json.loads(row["history"]) == obj["history"]

    def test_export_since(self, env: dict[str, str]) -> None:
        new(env, received_at="2026-01-05T10:00")
        recent = new(env)
        assert [c["id"] for c in json.loads(cli(env, "export", "--format", "json", "--since", "2026-02-01").stdout)] == [
            recent]
        assert cli(env, "export", "--format", "json", "--since", "soon").returncode == 2


class TestChanges:
    """transition, extend and assign name an authorised actor and land in the history."""

    def test_lifecycle(self, env: dict[str, str]) -> None:
        case_id = new(env)
        assert cli(env, "transition", case_id, "acknowledged", "--actor", MANAGER).returncode == 0
        assert cli(env, "transition", case_id, "in_progress", "--actor", AGENT).returncode == 0
        assert cli(env, "assign", case_id, AGENT, "--actor", MANAGER).returncode == 0
        later = in_days(200)
        assert cli(env, "extend", case_id, "--due", later, "--reason", "確認中", "--actor", MANAGER).returncode == 0
        refused = cli(env, "transition", case_id, "refused", "--actor", MANAGER, "--ground", "requirements_not_met",
                      "--reason", "法令上の要件を満たしていないため")
        assert refused.returncode == 0, refused.stderr
        shown = json.loads(cli(env, "show", case_id, "--json").stdout)
        assert shown["status"] == "refused" and shown["assignee"] == AGENT
        assert shown["due_at"] == f"{later}T18:00:00+09:00"
        assert [(h["action"], h["actor"]) for h in shown["history"]] == [
            ("created", "operator"), ("transition", MANAGER), ("transition", AGENT), ("assigned", MANAGER),
            ("extended", MANAGER), ("transition", MANAGER)]

    def test_stranger_is_refused(self, env: dict[str, str]) -> None:
        case_id = new(env)
        result = cli(env, "transition", case_id, "acknowledged", "--actor", "U0999STRANGER")
        assert result.returncode == 2 and "U0999STRANGER" in result.stderr and len(result.stderr.splitlines()) == 1
        assert json.loads(cli(env, "show", case_id, "--json").stdout)["status"] == "new"

    def test_forbidden_move_and_missing_details(self, env: dict[str, str]) -> None:
        case_id = new(env)
        result = cli(env, "transition", case_id, "resolved", "--actor", MANAGER)
        assert result.returncode == 2 and "acknowledged" in result.stderr
        cli(env, "transition", case_id, "acknowledged", "--actor", MANAGER)
        cli(env, "transition", case_id, "in_progress", "--actor", MANAGER)
        result = cli(env, "transition", case_id, "transferred", "--actor", MANAGER)
        assert result.returncode == 2 and "client" in result.stderr
        assert cli(env, "extend", case_id, "--due", "2000-01-01", "--reason", "x", "--actor", MANAGER).returncode == 2
        assert cli(env, "transition", "PRV-2000-0009", "acknowledged", "--actor", MANAGER).returncode == 1

    def test_bad_configuration_stops_with_its_line(self, env: dict[str, str]) -> None:
        Path(env["PRIVACY_BOT_CONFIG"]).write_text("manager: U0123MANAGER\ndeputy: nobody\n", encoding="utf-8")
        result = cli(env, "list")
        assert result.returncode == 2 and f"{env['PRIVACY_BOT_CONFIG']}:2: deputy" in result.stderr


class TestSlackMessagesOwed:
    """A case logged or changed on the command line still reaches the manager: its Slack messages are owed in the
    outbox in the same commit, for the running bot to deliver."""

    def outbox(self, env: dict[str, str], case_id: str) -> list[tuple[str, str]]:
        from intake import open_db

        rows = open_db(env["PRIVACY_BOT_DB"]).execute(
            "select kind, recipient from outbox where case_id = ? order by id", [case_id]
        ).fetchall()
        return [tuple(row) for row in rows]

    def test_new_case_owes_the_manager_card_and_no_confirmation_to_the_operator(self, env: dict[str, str]) -> None:
        case_id = new(env)
        owed = self.outbox(env, case_id)
        assert ("case_card", MANAGER) in owed
        assert all(recipient != "operator" for _, recipient in owed)

    def test_transition_owes_an_update_of_the_card(self, env: dict[str, str]) -> None:
        case_id = new(env)
        assert cli(env, "transition", case_id, "acknowledged", "--actor", MANAGER).returncode == 0
        assert ("card_update", MANAGER) in self.outbox(env, case_id)
