"""Versions of the policy through the real command line: `ask` answers from the version in force today and names
it, `ask --version DATE` from the one in force on DATE; `kb versions` lists them; `kb check` checks every version
held against its own policy text and holds the review a revision left to account (warnings while upcoming, errors
once in force). The dates are relative to today in Japan: these commands use the real clock."""
from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from knowledge.check import POLICY_FILE, SOURCE_FILE
from knowledge.versions import (
    REVISION_FILE,
    VERSIONS_DIR,
    ReviewItem,
    read_revision,
    version_label,
    write_revision,
)
from tests.cli_run import run
from tests.revisions import (
    NEW_10_2,
    NEW_10_3,
    OLD_10_2,
    OLD_10_3,
    add_revision,
    base_copy,
    days_from_today,
    today_in_japan,
)

QUESTION = "開示請求を断れるのはどんな場合？"
PAST = days_from_today(-3)
UPCOMING = days_from_today(10)




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


def leave_for_review(kb: Path, effective: date, *items: str) -> None:
    """Put `items` ("policy:10.3", …) on the review list of the revision of `effective`."""
    path = kb / VERSIONS_DIR / effective.isoformat() / REVISION_FILE
    record, problems = read_revision(path)
    assert record is not None and not problems
    write_revision(path, replace(record, review=tuple(ReviewItem(item, "10.x changed") for item in items)))


class TestVersions:
    def test_lists_the_versions_marking_the_one_in_force(self, kb: Path) -> None:
        leave_for_review(kb, UPCOMING, "policy:10.3", "summary:10.3")
        result = run("kb", "versions", str(kb), cwd=kb.parent)
        assert result.returncode == 0, result.stderr
        header, base, past, upcoming = result.stdout.splitlines()
        assert header == f"knowledge base: {kb} (today in Japan: {today_in_japan()})"
        assert base.split() == ["base", "in", "force", "until", (PAST - timedelta(days=1)).isoformat(),
                                f"{PAST.year}年{PAST.month}月{PAST.day}日改定前の版"]
        assert past.startswith(f"▶  {PAST}  in force since {PAST}") and version_label(PAST, "ja") in past
        assert past.endswith("1 changed, 0 added, 0 removed, 0 moved; review done")
        assert upcoming.startswith(f"   {UPCOMING}  upcoming, in force from {UPCOMING}")
        assert upcoming.endswith("1 changed, 0 added, 0 removed, 0 moved; 2 review items left")

    def test_json(self, kb: Path) -> None:
        leave_for_review(kb, UPCOMING, "policy:10.3")
        result = run("kb", "versions", "--json", cwd=kb.parent, PRIVACY_BOT_KB=str(kb))
        assert result.returncode == 0, result.stderr
        listing = json.loads(result.stdout)
        assert listing["in_force"] == PAST.isoformat() and listing["today"] == today_in_japan().isoformat()
        base, past, upcoming = listing["versions"]
        assert (base["key"], base["effective"], base["status"], base["revision"]) == ("base", None, "past", None)
        assert past["status"] == "in_force" and past["label"]["en"] == f"version of {PAST}"
        assert past["revision"] == {"source": "callconnect-revised.txt", "changed": 1, "added": 0, "removed": 0,
                                    "moved": 0, "review_left": 0, "review": []}
        assert upcoming["status"] == "upcoming" and upcoming["revision"]["review_left"] == 1
        assert upcoming["revision"]["review"] == [{"id": "policy:10.3", "why": "10.x changed"}]

    def test_one_version_held(self, tmp_path: Path) -> None:
        result = run("kb", "versions", str(base_copy(tmp_path / "kb")), cwd=tmp_path)
        assert result.returncode == 0 and result.stdout.splitlines()[1] == "▶  base  in force"


class TestCheck:
    def test_names_each_version_and_passes_when_nothing_is_left_to_review(self, kb: Path) -> None:
        result = run("kb", "check", str(kb), cwd=kb.parent)
        assert result.returncode == 0, result.stdout
        assert result.stdout.splitlines()[1:] == [
            f"version base (in force until {PAST - timedelta(days=1)}): ok, 49 policy entries, 68 FAQ entries",
            f"version {PAST} (in force since {PAST}): ok, 49 policy entries, 68 FAQ entries",
            f"version {UPCOMING} (upcoming: in force from {UPCOMING}): ok, 49 policy entries, 68 FAQ entries",
        ]

    def test_review_left_warns_while_upcoming_and_fails_once_in_force(self, kb: Path) -> None:
        leave_for_review(kb, UPCOMING, "policy:10.3", "faq:disclosure-refusal")
        warned = run("kb", "check", cwd=kb.parent, PRIVACY_BOT_KB=str(kb))
        assert warned.returncode == 0, warned.stdout
        revision = kb / VERSIONS_DIR / UPCOMING.isoformat() / REVISION_FILE
        warnings = [line for line in warned.stdout.splitlines() if ": warning: " in line]
        assert [line.split(": warning: ")[1].split(" (")[0] for line in warnings] == [
            "policy:10.3 awaits review: 10.x changed", "faq:disclosure-refusal awaits review: 10.x changed"]
        assert all(line.startswith(f"{revision}:") for line in warnings)
        assert f"version {UPCOMING} (upcoming: in force from {UPCOMING}): ok, 49 policy entries, 68 FAQ entries; " \
               f"2 review items left, due before {UPCOMING}" in warned.stdout

        leave_for_review(kb, PAST, "faq:disclosure-refusal")
        failed = run("kb", "check", cwd=kb.parent, PRIVACY_BOT_KB=str(kb))
        assert failed.returncode == 1
        [error] = [line for line in failed.stdout.splitlines() if "awaits review" in line and "warning" not in line]
        assert error.startswith(f"{kb / VERSIONS_DIR / PAST.isoformat() / REVISION_FILE}:")
        assert "faq:disclosure-refusal awaits review: 10.x changed, and this version is in force" in error
        assert f"version {PAST} (in force since {PAST}): 49 policy entries, 68 FAQ entries; 1 review item left, " \
               "due now" in failed.stdout

    def test_each_version_is_checked_against_its_own_policy_text(self, kb: Path) -> None:
        """The upcoming version's quote of §10 item 3 put back as the base publishes it: verbatim to the base, not
        to the text of the version that quotes it."""
        policy = kb / VERSIONS_DIR / UPCOMING.isoformat() / POLICY_FILE
        policy.write_text(policy.read_text(encoding="utf-8").replace(NEW_10_3, OLD_10_3), encoding="utf-8")
        result = run("kb", "check", str(kb), cwd=kb.parent)
        assert result.returncode == 1
        [problem] = [line for line in result.stdout.splitlines() if "not verbatim" in line]
        assert problem.startswith(f"{policy}:") and "entry 10.3: 'ja' is not verbatim policy text" in problem
        assert f"version {UPCOMING} (upcoming: in force from {UPCOMING}): 1 problem" in result.stdout
        assert f"version base (in force until {PAST - timedelta(days=1)}): ok" in result.stdout

    def test_a_revision_without_its_own_policy_text(self, kb: Path) -> None:
        """It would be checked against the bundled text, which is not the one it quotes."""
        (kb / VERSIONS_DIR / PAST.isoformat() / SOURCE_FILE).unlink()
        result = run("kb", "check", str(kb), cwd=kb.parent)
        assert result.returncode == 1
        assert f"{kb / VERSIONS_DIR / PAST.isoformat() / SOURCE_FILE}:0: missing: a version holds all of" \
            in result.stdout

    def test_a_revision_record_dated_otherwise_than_its_directory(self, kb: Path) -> None:
        folder = kb / VERSIONS_DIR / PAST.isoformat()
        folder.rename(kb / VERSIONS_DIR / "2001-01-01")
        result = run("kb", "check", str(kb), cwd=kb.parent)
        assert result.returncode == 1
        assert f"revision.yaml:1: effective {PAST} is not this version's date, 2001-01-01 (its directory's name)" \
            in result.stdout

    def test_a_broken_revision_file_is_an_error(self, kb: Path) -> None:
        (kb / VERSIONS_DIR / UPCOMING.isoformat() / REVISION_FILE).write_text("effective: soon\n", encoding="utf-8")
        result = run("kb", "check", str(kb), cwd=kb.parent)
        assert result.returncode == 1 and "revision.yaml:1: 'effective' must be the version's date" in result.stdout
        listed = run("kb", "versions", str(kb), cwd=kb.parent)
        assert listed.returncode == 1 and "revision.yaml:1: 'effective'" in listed.stderr
        assert listed.stdout.splitlines()[-1].endswith("revision.yaml does not read (below)")
