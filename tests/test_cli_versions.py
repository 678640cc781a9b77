"""Versions of the policy through the real command line: `ask` answers from the version in force today and names
it, `ask --version DATE` from the one in force on DATE; `kb versions` lists them; `kb check` checks every version
held against its own policy text and holds the review a revision left to account (warnings while upcoming, errors
once in force). The dates are relative to today in Japan: these commands use the real clock."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from knowledge.versions import ReviewItem, version_label
from tests.revisions import (
    NEW_10_2,
    NEW_10_3,
    OLD_10_2,
    OLD_10_3,
    add_revision,
    base_copy,
    days_from_today,
)

QUESTION = "開示請求を断れるのはどんな場合？"
PAST = days_from_today(-3)
UPCOMING = days_from_today(10)


def run(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "PRIVACY_BOT_"))}
    return subprocess.run([sys.executable, "-m", "privacy_bot", *args], capture_output=True, text=True,
                          encoding="utf-8", cwd=cwd, env={**base, "PRIVACY_BOT_DB": str(cwd / "bot.db"), **env},
                          timeout=120)


@pytest.fixture
def kb(tmp_path: Path) -> Path:
    """The base, a revision in force since three days ago (§10 item 2 reworded) and one in force ten days from now
    (§10 item 3 reworded too: each version is complete, so it starts from the base's files here)."""
    root = base_copy(tmp_path / "kb")
    add_revision(root, PAST)
    add_revision(root, UPCOMING, entry="10.3", old=OLD_10_3, new=NEW_10_3,
                 english="Where the Company judges that disclosure is likely to violate other laws and regulations")
    return root


def ask(kb: Path, *args: str) -> dict[str, object]:
    result = run("ask", "--json", *args, QUESTION, cwd=kb.parent, PRIVACY_BOT_KB=str(kb))
    assert result.returncode == 0, result.stderr
    return dict(json.loads(result.stdout))


class TestAsk:
    def test_answers_from_the_version_in_force_today_and_names_it(self, kb: Path) -> None:
        answer = ask(kb)
        assert answer["version"] == PAST.isoformat()
        assert f"2. {NEW_10_2}" in str(answer["answer"]) and f"3. {OLD_10_3}" in str(answer["answer"])
        assert f"出典: 「{version_label(PAST, 'ja')} 第10条（ユーザー情報の開示）」" in str(answer["answer"])

    def test_the_plain_text_reply_names_the_version_once(self, kb: Path) -> None:
        result = run("ask", QUESTION, cwd=kb.parent, PRIVACY_BOT_KB=str(kb))
        assert result.returncode == 0, result.stderr
        assert result.stdout.count(version_label(PAST, "ja")) == 1 and "関連: 「第" in result.stdout

    def test_as_of_a_date_the_version_in_force_on_it(self, kb: Path) -> None:
        day_before = ask(kb, "--version", (PAST - timedelta(days=1)).isoformat())
        assert day_before["version"] == "base" and f"2. {OLD_10_2}" in str(day_before["answer"])
        assert "改定前の版 第10条" in str(day_before["answer"])
        assert ask(kb, "--version", PAST.isoformat())["version"] == PAST.isoformat()
        upcoming = ask(kb, "--version", UPCOMING.isoformat())
        assert upcoming["version"] == UPCOMING.isoformat() and f"3. {NEW_10_3}" in str(upcoming["answer"])

    def test_a_date_before_any_version_held_is_the_base(self, kb: Path) -> None:
        assert ask(kb, "--version", "2001-01-01")["version"] == "base"

    @pytest.mark.parametrize("value", ["2026-13-01", "2026-02-30", "2026/12/01", "yesterday", "20261201", ""])
    def test_a_malformed_date_is_one_line_of_usage(self, kb: Path, value: str) -> None:
        result = run("ask", "--version", value, QUESTION, cwd=kb.parent, PRIVACY_BOT_KB=str(kb))
        assert result.returncode == 2 and result.stdout == ""
        [line] = result.stderr.splitlines()
        assert line.startswith("privacy-bot: --version takes a date, YYYY-MM-DD")

    def test_an_english_answer_under_review_quotes_the_japanese_and_says_so(self, tmp_path: Path) -> None:
        root = base_copy(tmp_path / "kb")
        add_revision(root, PAST, english=None,
                     review=[ReviewItem("policy:10.2", "10.2 changed"), ReviewItem("summary:10.2", "10.2 changed")])
        result = run("ask", "When can we refuse a disclosure request?", cwd=tmp_path, PRIVACY_BOT_KB=str(root))
        assert result.returncode == 0, result.stderr
        assert f"2. {NEW_10_2}" in result.stdout
        assert f"English translation: not available yet. This text was revised in the {version_label(PAST, 'en')}" \
            in result.stdout
        assert "seriously interfere" not in result.stdout
        assert f"Source: Section 10 (Disclosure of user information to the user), {version_label(PAST, 'en')}" \
            in result.stdout

    def test_a_versions_entry_that_is_not_a_date_is_reported(self, kb: Path) -> None:
        (kb / "versions" / "next").mkdir()
        result = run("ask", QUESTION, cwd=kb.parent, PRIVACY_BOT_KB=str(kb))
        assert result.returncode == 1 and "versions/next" in result.stderr and "YYYY-MM-DD" in result.stderr
