"""Reminders and the digest on a fake clock: T-3 and T-1 business days at opening time, overdue once, only in
business hours, each exactly once whatever the number of ticks or restarts; the manager's daily digest.

A deletion request logged on Monday 11 May 2026 at 10:00 is due on Monday 25 May at 18:00 (10 business days), so
T-3 falls on Wednesday 20 May at 10:00, T-1 on Friday 22 May at 10:00 and "overdue" on Tuesday 26 May at 10:00.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime

import pytest

from intake import JST, Router
from tests.bot.conftest import MANAGER, TEAM_MEMBER, RunningBot
from tests.bot.intake_helpers import MONDAY_10, press, submit, valid_answers
from tests.bot.test_intake import cases_show, open_modal, wait_dm


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 5, day, hour, minute, tzinfo=JST)


@pytest.fixture
def logged(start_bot: Callable[..., RunningBot]) -> tuple[RunningBot, str]:
    bot = start_bot(now=MONDAY_10, privacy_team=(TEAM_MEMBER,))
    assert submit(bot.slack, open_modal(bot), valid_answers(), user="U0AGENT").status == 200
    [case_id] = [row["id"] for row in bot.db().query("SELECT id FROM cases")]
    assert cases_show(bot, case_id)["due_at"] == "2026-05-25T18:00:00+09:00"
    wait_dm(bot, MANAGER)
    return bot, case_id


def reminders(bot: RunningBot) -> list[tuple[str, str]]:
    return [(row["recipient"], row["data"]) for row in bot.outbox() if row["kind"] == "reminder"]


def reminder_dms(bot: RunningBot, count: int) -> list[str]:
    deadline = time.monotonic() + 5
    while True:
        texts = [c.all_text() for c in bot.fake.calls_to("chat.postMessage") if "営業日" in c.all_text()
                 or "期限を過ぎています" in c.all_text()]
        if len(texts) >= count or time.monotonic() > deadline:
            return texts
        time.sleep(0.01)


class TestReminders:
    def test_each_reminder_fires_once_at_opening_time_on_its_business_day(self, logged) -> None:
        bot, case_id = logged
        bot.tick(at(19, 17))  # the day before: nothing yet
        bot.tick(at(20, 9, 59))  # T-3 day, before opening
        assert reminders(bot) == []
        bot.tick(at(20, 10))
        bot.tick(at(20, 10, 1))
        bot.tick(at(20, 15))
        assert reminders(bot) == [(MANAGER, '{"key": "T-3"}')]
        [dm] = reminder_dms(bot, 1)
        assert case_id in dm and "あと3営業日" in dm and "2026-05-25(月) 18:00" in dm

        bot.tick(at(23, 10))  # Saturday
        bot.tick(at(22, 9, 30))
        assert len(reminders(bot)) == 1
        bot.tick(at(22, 10))
        assert reminders(bot)[-1] == (MANAGER, '{"key": "T-1"}')

        bot.tick(at(25, 18, 30))  # due at 18:00, but the desk is closed: the overdue reminder waits
        assert len(reminders(bot)) == 2
        bot.tick(at(26, 10))
        assert reminders(bot)[-1] == (MANAGER, '{"key": "overdue"}')
        assert "期限を過ぎています" in reminder_dms(bot, 3)[-1]

        # A restart: a new router over the same database owes nothing already owed.
        assert Router(bot.db(), config=bot.config).tick(now=at(26, 11)) == 0
        bot.tick(at(27, 10))
        assert len(reminders(bot)) == 3

    def test_a_reminder_goes_to_the_assignee_when_there_is_one(self, logged) -> None:
        bot, case_id = logged
        [card] = wait_dm(bot, MANAGER)
        press(bot.slack, card, "case_assign", user=MANAGER, response_url=bot.fake.response_url())
        view = bot.fake.wait_for("views.open", count=2)[-1].json_param("view")
        assert submit(bot.slack, view, {"assignee": TEAM_MEMBER}, user=MANAGER).status == 200
        bot.tick(at(20, 10))
        assert reminders(bot) == [(TEAM_MEMBER, '{"key": "T-3"}')]

    def test_reminders_missed_while_the_server_was_down_are_not_sent_late(self, logged) -> None:
        bot, _ = logged
        bot.tick(at(22, 11))  # first tick after a week down: T-1 only, T-3 is recorded as past
        assert reminders(bot) == [(MANAGER, '{"key": "T-1"}')]

    def test_an_extension_rearms_the_ladder_for_the_new_date(self, logged) -> None:
        bot, case_id = logged
        bot.tick(at(20, 10))
        [card] = wait_dm(bot, MANAGER)
        press(bot.slack, card, "case_extend", user=MANAGER, response_url=bot.fake.response_url())
        view = bot.fake.wait_for("views.open", count=2)[-1].json_param("view")
        assert submit(bot.slack, view, {"due": "2026-06-05", "reason": "資料の確認に時間がかかるため"},
                      user=MANAGER).status == 200
        assert cases_show(bot, case_id)["due_at"] == "2026-06-05T18:00:00+09:00"
        bot.tick(at(22, 10))  # the old T-1: no longer owed
        bot.tick(datetime(2026, 6, 2, 10, tzinfo=JST))  # the new T-3: three business days before 5 June
        assert [data for _, data in reminders(bot)] == ['{"key": "T-3"}', '{"key": "T-3"}']


class TestDigest:
    def test_the_manager_gets_one_digest_per_business_day_with_overdue_cases_marked(self, logged) -> None:
        bot, case_id = logged
        bot.tick(at(26, 10))
        bot.tick(at(26, 16))
        bot.tick(at(30, 10))  # Saturday
        digests = [row for row in bot.outbox() if row["kind"] == "digest"]
        assert [(row["recipient"], row["data"]) for row in digests] == [(MANAGER, '{"date": "2026-05-26"}')]
        deadline = time.monotonic() + 5
        while not [c for c in bot.fake.calls_to("chat.postMessage") if "未完了のプライバシー依頼" in c.all_text()]:
            assert time.monotonic() < deadline
            time.sleep(0.01)
        [digest] = [c for c in bot.fake.calls_to("chat.postMessage") if "未完了のプライバシー依頼" in c.all_text()]
        assert case_id in digest.all_text() and "期限超過" in digest.all_text()
