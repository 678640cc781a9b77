"""The manager's DM about a policy revision and its reminders, through the outbox to the fake Slack on the bot's
clock: the change summary once per version (at whatever hour the bot first holds it, and never again after a
restart), then a reminder at opening time on each Japanese business day while revision.yaml's review list is not
empty (none on a weekend or a national holiday, none on the day of the DM), sharper once the version is in force,
and nothing once the list is emptied.

The revision (tests/policy_versions.py) takes effect on Tuesday 1 December 2026; Saturday 21 and Sunday 22
November are a weekend, Monday 23 November is 勤労感謝の日.
"""
from __future__ import annotations

import json
import shutil
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from bot.revision_notices import RevisionNotices, RevisionSummary, Titled
from bot.views.revision import REVIEW_SHOWN, revision_notice_message
from intake import JST
from knowledge import LiveKnowledgeBase
from knowledge.versions import REVISION_FILE, ReviewItem, read_revision, without_items, write_revision
from tests.bot.conftest import DEPUTY, MANAGER, TEAM_MEMBER, RunningBot
from tests.bot.raw_ids import raw_ids
from tests.policy_versions import REVIEW, write_two_versions

NOTICE, REMINDER = "policy_revision", "policy_revision_reminder"


def at(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=JST)


@pytest.fixture
def kb_dir(tmp_path: Path) -> Path:
    write_two_versions(tmp_path / "kb")
    return tmp_path / "kb"


@pytest.fixture
def knowledge_base(kb_dir: Path) -> LiveKnowledgeBase:
    """The knowledge base `start_bot` builds the bot on (this module's, instead of the bundled one)."""
    return LiveKnowledgeBase.unread(kb_dir)


@pytest.fixture
def start(start_bot: Callable[..., RunningBot]) -> Callable[..., RunningBot]:
    """The bot on this module's versioned knowledge base, switching versions on its own clock from `now`."""
    def run(now: datetime, **config: Any) -> RunningBot:
        return start_bot(now=now, **config)

    return run


def rows(bot: RunningBot, kind: str) -> list[dict[str, Any]]:
    return [{**row, "data": json.loads(row["data"])} for row in bot.outbox() if row["kind"] == kind]


def dms(bot: RunningBot, phrase: str, count: int) -> list[str]:
    """The texts of the DMs to the manager containing `phrase`, once `count` have arrived (5 s at most)."""
    deadline = time.monotonic() + 5
    while True:
        texts = [c.all_text() for c in bot.fake.calls_to("chat.postMessage")
                 if c.params.get("channel") == f"D{MANAGER}" and phrase in c.all_text()]
        if len(texts) >= count or time.monotonic() > deadline:
            return texts
        time.sleep(0.01)


def review_done(kb_dir: Path, *ids: str) -> None:
    """What a person does once an item is reviewed: remove it from revision.yaml's list."""
    path = kb_dir / "versions" / "2026-12-01" / REVISION_FILE
    record, problems = read_revision(path)
    assert record is not None and not problems
    write_revision(path, without_items(record, ids))


def test_the_dm_once_then_reminders_on_business_days_until_the_list_is_empty(
        start: Callable[..., RunningBot], kb_dir: Path, knowledge_base: LiveKnowledgeBase) -> None:
    bot = start(at(11, 20, 8))  # Friday, before opening: the DM does not wait for business hours
    bot.tick(at(11, 20, 8))
    assert [(row["recipient"], row["data"]["version"]) for row in rows(bot, NOTICE)] == [(MANAGER, "2026-12-01")]
    [dm] = dms(bot, "改定版を読み込みました", 1)
    assert "施行日 / Takes effect: *2026年12月1日*" in dm and "from 00:00 Japan time on December 1, 2026" in dm
    assert "*変更 / Changed*\n• `10.1`（第10条 ユーザー情報の開示 / Disclosure of user information to the user）" in dm
    assert "*追加 / Added*\n• `10.4`（第10条 ユーザー情報の開示 / Disclosure of user information to the user）" in dm
    assert "*見直しが必要な項目（5件） / To review (5)*" in dm
    assert "• `reply:refusal/policy_ground` — quotes 10.1 through {refusal_ground_quote}" in dm
    assert str(kb_dir / "versions" / "2026-12-01" / REVISION_FILE) in dm

    for moment in (at(11, 20, 10), at(11, 20, 15),  # the DM's own day
                   at(11, 21, 10), at(11, 22, 10),  # the weekend
                   at(11, 23, 10), at(11, 23, 15),  # 勤労感謝の日
                   at(11, 24, 9, 59)):  # Tuesday, before opening
        bot.tick(moment)
    assert rows(bot, REMINDER) == [] and len(rows(bot, NOTICE)) == 1

    review_done(kb_dir, "summary:10.1")  # read at each tick: 4 left
    bot.tick(at(11, 24, 10))
    bot.tick(at(11, 24, 14))
    [reminder] = rows(bot, REMINDER)
    assert (reminder["recipient"], reminder["data"]["business_days_left"]) == (MANAGER, 5)  # 24, 25, 26, 27, 30
    [text] = dms(bot, "見直しが必要な項目が、あと", 1)
    assert "⏰ ポリシー改定（2026年12月1日施行）で見直しが必要な項目が、あと4件残っています。施行まであと5営業日です（本日を含む）。" \
        in text
    assert "4 review item(s) left for the policy revision taking effect on December 1, 2026: 5 business day(s) to " \
           "go, today included." in text
    assert "summary:10.1" not in text and "`policy:10.4` — 10.4 added" in text

    # A restart: the same database owes nothing again today.
    assert RevisionNotices(knowledge_base, config=bot.config).due(bot.db(), now=at(11, 24, 15)) == []

    review_done(kb_dir, *(item.id for item in REVIEW))
    for moment in (at(11, 25, 10), at(11, 26, 10), at(12, 1, 10), at(12, 2, 10)):
        bot.tick(moment)
    assert len(rows(bot, REMINDER)) == 1 and len(rows(bot, NOTICE)) == 1


def test_the_day_before_and_once_in_force(start: Callable[..., RunningBot]) -> None:
    bot = start(at(11, 27, 18, 30))
    bot.tick(at(11, 27, 18, 30))  # Friday after hours: the DM
    bot.tick(at(11, 30, 10))  # Monday, the last business day before
    bot.tick(at(12, 1, 10))  # Tuesday, in force
    assert [row["data"]["business_days_left"] for row in rows(bot, REMINDER)] == [1, None]
    before, in_force = dms(bot, "2026年12月1日", 3)[1:]
    assert "施行まであと1営業日です（本日を含む）" in before
    assert "⚠️ 2026年12月1日から施行中のポリシー改定版に、見直していない項目が5件あります。ボットはこの版で回答しています。" in in_force
    assert "The policy version in force since December 1, 2026 has 5 item(s) unreviewed" in in_force
    assert "kb check" in in_force


def test_a_version_added_while_running_is_announced_after_the_reload(
        start: Callable[..., RunningBot], kb_dir: Path, knowledge_base: LiveKnowledgeBase, tmp_path: Path) -> None:
    bot = start(at(11, 20, 10))
    shutil.move(kb_dir / "versions", tmp_path / "aside")
    assert knowledge_base.reload() is not None  # the bot holds the base alone
    bot.tick(at(11, 20, 10))
    assert rows(bot, NOTICE) == []
    shutil.move(tmp_path / "aside", kb_dir / "versions")  # what `kb update` writes
    bot.tick(at(11, 20, 10, 1))
    assert rows(bot, NOTICE) == []  # not held until the reload has checked it
    reload = knowledge_base.reload()  # the running bot's reloader, which polls the directory
    assert reload is not None and reload.outcome.value == "loaded"
    bot.tick(at(11, 20, 10, 2))
    assert len(rows(bot, NOTICE)) == 1
    assert rows(bot, REMINDER) == []  # not on the day of the DM


def test_without_a_manager_the_deputy_and_the_team_are_told(start: Callable[..., RunningBot]) -> None:
    bot = start(at(11, 20, 10), manager=None, deputy=DEPUTY, privacy_team=(TEAM_MEMBER,))
    bot.tick(at(11, 20, 10))
    assert sorted(row["recipient"] for row in rows(bot, NOTICE)) == sorted([DEPUTY, TEAM_MEMBER])


def test_removed_and_moved_entries_and_a_long_review_list() -> None:
    summary = RevisionSummary(
        version="2027-04-01", effective=date(2027, 4, 1), in_force=False, changed=(), added=(),
        removed=(Titled("12", "免責", "Disclaimer"),), moved=(("8.4", Titled("8.5", "個人情報の第三者への提供", "")),),
        review=tuple(ReviewItem(f"faq:entry-{n}", "cites 8.4") for n in range(REVIEW_SHOWN + 3)),
        revision_file="/srv/kb/versions/2027-04-01/revision.yaml")
    assert RevisionSummary.from_data(json.loads(json.dumps(summary.data()))) == summary
    text = json.dumps(revision_notice_message(summary), ensure_ascii=False)
    assert "*削除 / Removed*\\n• `12`（第12条 免責 / Disclaimer）" in text
    assert "*移動（番号の変更） / Moved (renumbered)*\\n• `8.4` → `8.5`（第8条 個人情報の第三者への提供）" in text
    assert f"`faq:entry-{REVIEW_SHOWN - 1}`" in text and f"`faq:entry-{REVIEW_SHOWN}`" not in text
    assert "…ほか 3 件 / 3 more: `privacy-bot kb check`" in text
    assert raw_ids(text) == []
