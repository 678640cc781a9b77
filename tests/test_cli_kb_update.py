"""`privacy-bot kb update NEW_POLICY.txt` and `kb review`, run as subprocesses on a `kb init` copy with the revised
copies of the published policy in tests/data/revisions/ (issue 14, item 1): each reports exactly its changes and
the entries to review, writes a version `kb check` passes, and refuses what it must with one line and nothing
written."""
from __future__ import annotations

import json
import subprocess
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from gaps import GapStore, migrate
from intake.db import open_db
from knowledge.check import BUNDLED_DIR
from knowledge.versions import read_revision
from tests.cli_run import run

REVISIONS = Path(__file__).parent / "data" / "revisions"
EFFECTIVE = "2099-12-01"
SECTION_8_MOVES = [{"from": f"8.{n}", "to": f"8.{n + 1}"} for n in range(1, 7)]
PURPOSES = [f"3.{n}" for n in range(1, 6)]

#: What each revised copy changes, and what must be reviewed because of it.
EXPECTED: dict[str, dict[str, list[Any]]] = {
    "purposes-added": {
        "changed": [], "added": PURPOSES, "removed": [], "moved": [],
        "review": ["policy:3", *(f"policy:{i}" for i in PURPOSES), "summary:3", "faq:purpose-notice",
                   "faq:purposes-list-empty", "faq:purpose-limit-exceptions", "faq:ai-training"],
    },
    "disclosure-item-reworded": {
        "changed": ["10.3"], "added": [], "removed": [], "moved": [],
        "review": ["policy:10.3", "summary:10", "summary:10.3", "faq:disclosure-request",
                   "faq:disclosure-refusal-grounds", "faq:disclosure-deadline", "faq:correction-deletion-deadline",
                   "faq:no-data-held", "faq:third-party-records", "faq:request-fee", "faq:agent-request",
                   "faq:minor-guardian-request", "faq:legal-threat", "reply:refusal/policy_ground"],
    },
    "third-party-items-renumbered": {
        "changed": [], "added": ["8.1"], "removed": [], "moved": SECTION_8_MOVES,
        "review": ["policy:8.1", "summary:8", "faq:third-party-records", "faq:third-party-stop", "faq:sell-data",
                   "faq:police-request", "faq:court-agency-request", "faq:third-party-provision-overview",
                   "faq:payment-sharing", "faq:delivery-sharing", "faq:contractors", "faq:statistics"],
    },
    "section-added": {
        "changed": [], "added": ["17"], "removed": [], "moved": [], "review": ["policy:17"],
    },
    "section-removed": {
        "changed": [], "added": [], "removed": ["13"], "moved": [],
        "review": ["faq:advertiser-analysis", "faq:statistics"],
    },
    "recipient-added": {
        "changed": [], "added": ["14.4.6"], "removed": [], "moved": [],
        "review": ["policy:14.4.6", "summary:14", "summary:14.4", "faq:subprocessor-list", "faq:cookie-optout",
                   "faq:cookie-optout-links", "faq:cookie-vendors-list", "faq:google-analytics", "faq:google-ads",
                   "faq:yahoo-ads", "faq:microsoft-ads", "faq:facebook-ads", "faq:cookie-data-collected",
                   "faq:sell-data", "reply:result/guided_to_vendor_optout"],
    },
}




@pytest.fixture
def kb(tmp_path: Path) -> Path:
    result = run("kb", "init", str(tmp_path / "kb"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    return tmp_path / "kb"


def update(kb: Path, name: str, *extra: str, **env: str) -> subprocess.CompletedProcess[str]:
    return run("kb", "update", str(REVISIONS / f"{name}.txt"), str(kb), "--effective", EFFECTIVE, *extra,
               cwd=kb.parent, **env)


def snapshot(directory: Path) -> dict[str, bytes]:
    return {str(p.relative_to(directory)): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("name", EXPECTED)
def test_each_revision_reports_exactly_its_changes_and_what_to_review(kb: Path, name: str) -> None:
    result = update(kb, name, "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"version": EFFECTIVE, "effective": EFFECTIVE, **EXPECTED[name]}
    version = kb / "versions" / EFFECTIVE
    check = run("kb", "check", str(kb), cwd=kb.parent)  # every version held, the new one's review items as warnings
    assert check.returncode == 0, check.stdout
    left = len(EXPECTED[name]["review"])
    assert f"version {EFFECTIVE} (upcoming: in force from {EFFECTIVE}): ok, " in check.stdout
    assert f"; {left} review item{'s' if left > 1 else ''} left, due before {EFFECTIVE}" in check.stdout
    record, problems = read_revision(version / "revision.yaml")
    assert record is not None and not problems and record.source == f"{name}.txt"
    assert [item.id for item in record.review] == EXPECTED[name]["review"]
    assert (version / "callconnect-privacy-policy.txt").read_bytes() == (REVISIONS / f"{name}.txt").read_bytes()


def test_all_changes_at_once(kb: Path) -> None:
    result = update(kb, "all-changes", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["changed"] == ["10.3"]
    assert report["added"] == [*PURPOSES, "8.1", "14.4.6", "17"]
    assert report["removed"] == ["13"] and report["moved"] == SECTION_8_MOVES
    assert sorted(report["review"]) == sorted({i for change in EXPECTED.values() for i in change["review"]})
    assert run("kb", "check", str(kb), cwd=kb.parent).returncode == 0


def test_the_readable_report_shows_the_word_diff(kb: Path) -> None:
    result = update(kb, "disclosure-item-reworded")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"2099年12月1日改定版を書き込みました: {kb / 'versions' / EFFECTIVE} (wrote the version")
    assert "変更 / changed (1)" in lines
    assert "  10.3  他の法令に違反することとなる場合" in lines
    assert "      他の法令に違反[-するおそれがある-]{+することとなる+}場合" in lines
    assert "要確認 / to review (14)" in lines[lines.index("変更なし / unchanged: 48") + 2]
    assert "  reply:refusal/policy_ground  cites 10: 10.3 changed" in lines


def test_a_version_in_force_already_is_said_so(kb: Path) -> None:
    result = run("kb", "update", str(REVISIONS / "section-added.txt"), str(kb), "--effective", "2020-04-01",
                 cwd=kb.parent)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1].startswith("注意: 施行日 2020-04-01 は今日（")
    assert "this version is in force already" in result.stdout.splitlines()[1]
    assert "注意" not in update(kb, "recipient-added", "--force").stdout  # 2099: not yet


def test_the_page_around_the_policy_alone_is_no_change(kb: Path) -> None:
    before = snapshot(kb)
    result = update(kb, "navigation-only", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"version": None, "effective": EFFECTIVE, "changed": [], "added": [],
                                         "removed": [], "moved": [], "review": []}
    readable = update(kb, "navigation-only")
    assert readable.stdout.startswith("変更はありません") and "no change" in readable.stdout
    assert snapshot(kb) == before


class TestRefused:
    def test_a_text_without_numbered_sections(self, kb: Path) -> None:
        before = snapshot(kb)
        result = update(kb, "no-numbered-sections")
        assert result.returncode == 2 and result.stdout == ""
        assert result.stderr.splitlines() == [f"privacy-bot: {REVISIONS / 'no-numbered-sections.txt'}: no numbered "
                                              "sections (a line like '1.適用範囲'): is this the published policy text?"]
        assert snapshot(kb) == before

    def test_a_text_out_of_shape_names_its_line(self, kb: Path) -> None:
        text = (BUNDLED_DIR / "callconnect-privacy-policy.txt").read_text(encoding="utf-8")
        bad = kb.parent / "bad.txt"
        bad.write_text(text.replace("\n9.個人情報の管理者の設置", "\n7.個人情報の管理者の設置"), encoding="utf-8")
        line = bad.read_text(encoding="utf-8").splitlines().index("7.個人情報の管理者の設置") + 1
        result = run("kb", "update", str(bad), str(kb), "--effective", EFFECTIVE, cwd=kb.parent)
        assert result.returncode == 2
        assert result.stderr.splitlines() == [f"privacy-bot: {bad}:{line}: section 7 comes after section 8: sections "
                                              "are numbered in order"]
        assert not (kb / "versions").exists()

    def test_the_bundled_copy(self, tmp_path: Path) -> None:
        for env in ({}, {"PRIVACY_BOT_KB": str(BUNDLED_DIR)}):
            result = run("kb", "update", str(REVISIONS / "section-added.txt"), "--effective", EFFECTIVE, cwd=tmp_path,
                         **env)
            assert result.returncode == 2
            [line] = result.stderr.splitlines()
            assert "the bundled knowledge base is never written" in line and "kb init" in line
        assert not (BUNDLED_DIR / "versions").exists()

    def test_dates_not_after_the_latest_version_and_a_version_held(self, kb: Path) -> None:
        assert update(kb, "section-added").returncode == 0
        held = snapshot(kb)
        earlier = run("kb", "update", str(REVISIONS / "recipient-added.txt"), str(kb), "--effective", "2099-11-30",
                      cwd=kb.parent)
        assert earlier.returncode == 2
        assert earlier.stderr.splitlines() == ["privacy-bot: 施行日 2099-11-30 が最新の版（2099-12-01）より後ではありません "
                                               "(the effective date 2099-11-30 is not after the latest version held, "
                                               "2099-12-01: a revision takes effect after the one it revises)"]
        again = update(kb, "recipient-added")
        assert again.returncode == 2 and "add --force to replace it" in again.stderr
        assert len(again.stderr.splitlines()) == 1
        bad_date = run("kb", "update", str(REVISIONS / "recipient-added.txt"), str(kb), "--effective", "2026-13-01",
                       cwd=kb.parent)
        assert bad_date.returncode == 2 and "YYYY-MM-DD" in bad_date.stderr
        missing = run("kb", "update", str(kb.parent / "nope.txt"), str(kb), "--effective", "2100-01-01", cwd=kb.parent)
        assert missing.returncode == 2 and "nope.txt: 読み込めません (cannot read" in missing.stderr
        assert snapshot(kb) == held
        forced = update(kb, "recipient-added", "--force", "--json")
        assert forced.returncode == 0, forced.stderr
        assert json.loads(forced.stdout)["added"] == ["14.4.6"]  # set against the base again, not the replaced one
        record, _ = read_revision(kb / "versions" / EFFECTIVE / "revision.yaml")
        assert record is not None and record.source == "recipient-added.txt"
        assert sorted(p.name for p in kb.iterdir()) == sorted([*(p.name for p in BUNDLED_DIR.glob("*.txt")),
                                                               "faq.yaml", "policy.yaml", "replies.yaml",
                                                               "summaries.yaml", "versions"])

    def test_the_knowledge_base_in_use_is_written_when_no_dir_is_given(self, kb: Path) -> None:
        result = run("kb", "update", str(REVISIONS / "section-added.txt"), "--effective", EFFECTIVE, "--json",
                     cwd=kb.parent, PRIVACY_BOT_KB=str(kb))
        assert result.returncode == 0, result.stderr
        assert (kb / "versions" / EFFECTIVE / "policy.yaml").is_file()


def test_manager_answers_in_the_database_that_cite_a_moved_item_are_listed(kb: Path) -> None:
    db = open_db(kb.parent / "bot.db")
    migrate(db)
    store = GapStore(db)
    now = datetime(2026, 11, 2, 1, 0, tzinfo=timezone.utc)
    payment = store.record("決済代行会社はどこ？", user_id="U1", channel_id="D1", source="partial", outcome="partial",
                           now=now)
    store.approve(payment, answer_ja="決済は委託先の決済システム会社が行います。", answer_en=None, cites=["8.4"],
                  all_staff=True, actor="U0MANAGER", now=now)
    office = store.record("会社の住所は？", user_id="U2", channel_id="D2", source="not_covered", outcome="not_covered",
                          now=now)
    store.approve(office, answer_ja="本社は東京です。", answer_en=None, cites=[], all_staff=True, actor="U0MANAGER",
                  now=now)
    db.conn.close()
    result = update(kb, "third-party-items-renumbered", "--json")
    assert result.returncode == 0, result.stderr
    review = json.loads(result.stdout)["review"]
    assert review == [*EXPECTED["third-party-items-renumbered"]["review"], f"answer:{payment}"]
    record, _ = read_revision(kb / "versions" / EFFECTIVE / "revision.yaml")
    assert record is not None and record.review[-1].why == "cites 8.4: 8.4→8.5 moved"


class TestReview:
    def test_lists_marks_done_and_refuses_an_unknown_id(self, kb: Path) -> None:
        assert run("kb", "review", str(kb), cwd=kb.parent).stdout == "見直しの残りはありません (nothing left to review)\n"
        assert update(kb, "disclosure-item-reworded").returncode == 0
        listed = run("kb", "review", str(kb), cwd=kb.parent)
        assert listed.returncode == 0
        lines = listed.stdout.splitlines()
        assert lines[0].startswith("2099年12月1日改定版 (2099-12-01, ") and lines[0].endswith("): 14 件 / items")
        assert lines[1] == ("  policy:10.3  10.3 changed: write its English rendering (the old one is in a comment "
                            "above it) and check its title and keywords")
        revision = kb / "versions" / EFFECTIVE / "revision.yaml"
        before = revision.read_bytes()
        unknown = run("kb", "review", str(kb), "--done", "policy:10.3", "faq:nope", cwd=kb.parent)
        assert unknown.returncode == 2
        assert unknown.stderr.splitlines() == ["privacy-bot: faq:nope は見直しリストにありません (no review item faq:nope "
                                               "left in any version: see privacy-bot kb review)"]
        assert revision.read_bytes() == before
        not_yet = run("kb", "review", str(kb), "--done", "policy:10.3", cwd=kb.parent)  # its English is still empty
        assert not_yet.returncode == 2 and "entry 10.3: 'ja' and 'en' must both be given" in not_yet.stderr
        assert revision.read_bytes() == before
        done = run("kb", "review", str(kb), "--done", "faq:disclosure-request", "reply:refusal/policy_ground",
                   cwd=kb.parent)
        assert done.returncode == 0, done.stderr
        assert done.stdout == "2099-12-01: 済 / done faq:disclosure-request, reply:refusal/policy_ground; 残り / left 12\n"
        listed = json.loads(run("kb", "review", str(kb), "--json", cwd=kb.parent).stdout)
        assert [v["version"] for v in listed] == [EFFECTIVE]
        expected = EXPECTED["disclosure-item-reworded"]["review"]
        assert [i["id"] for i in listed[0]["review"]] == expected[:3] + expected[4:-1]
        assert run("kb", "check", str(kb), cwd=kb.parent).returncode == 0

    def test_an_added_entry_is_not_done_while_its_english_is_missing(self, kb: Path) -> None:
        assert update(kb, "section-added").returncode == 0
        revision = kb / "versions" / EFFECTIVE / "revision.yaml"
        before = revision.read_bytes()
        early = run("kb", "review", str(kb), "--done", "policy:17", cwd=kb.parent)
        assert early.returncode == 2
        [line] = early.stderr.splitlines()
        assert "policy:17" in line and "entry 17: 'ja' and 'en' must both be given" in line
        assert revision.read_bytes() == before
        policy = kb / "versions" / EFFECTIVE / "policy.yaml"
        policy.write_text(policy.read_text(encoding="utf-8").replace(
            '    en: ""\n    keywords:\n      ja: []',
            '    en: "When the Company provides users\' personal data to a third party in a foreign country, it '
            'obtains in advance the user\'s consent to the provision to a third party in a foreign country."\n'
            '    keywords:\n      ja: []'), encoding="utf-8")
        summaries = kb / "versions" / EFFECTIVE / "summaries.yaml"
        summaries.write_text(summaries.read_text(encoding="utf-8") + '  - cites: "17"\n'
                             '    ja: "外国にある第三者に個人データを提供する場合は、あらかじめ本人の同意を得ます。"\n'
                             '    en: "When the Company provides personal data to a third party in a foreign '
                             'country, it obtains the user\'s consent in advance."\n', encoding="utf-8")
        done = run("kb", "review", str(kb), "--done", "policy:17", cwd=kb.parent)
        assert done.returncode == 0, done.stderr
        assert run("kb", "check", str(kb), cwd=kb.parent).returncode == 0
