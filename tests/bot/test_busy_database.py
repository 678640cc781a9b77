"""Another process holds the case database's write lock (`BEGIN IMMEDIATE`, as the command line or a backup may):
events are still acknowledged at once and answered once the lock is gone, and an intake submission either logs
the case within Slack's 3 s or says in the modal that nothing was stored. Never a timeout with a stored case."""
from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from bot.models import IntakeMetadata
from bot.views.intake_modal import intake_modal
from intake import load_request_types
from tests.bot.conftest import AGENT, MANAGER, RunningBot, wait_until
from tests.bot.intake_helpers import submit, valid_answers
from tests.slack_helpers import mention

HOLD_LOCK = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("COMMIT")
"""


@pytest.fixture
def hold_write_lock() -> Iterator[Callable[[Path, float], subprocess.Popen[str]]]:
    """Another process takes the database's write lock and keeps it for `seconds`."""
    holders: list[subprocess.Popen[str]] = []

    def hold(db_path: Path, seconds: float) -> subprocess.Popen[str]:
        holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(db_path), str(seconds)], text=True,
                                  stdout=subprocess.PIPE)
        holders.append(holder)
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        return holder

    yield hold
    for holder in holders:
        holder.kill()
        holder.wait()


def modal() -> dict:
    return intake_modal(IntakeMetadata("shortcut"), request_types=load_request_types())


class TestEventsWhileLocked:
    def test_events_are_acked_at_once_and_answered_when_the_lock_is_released(
            self, bot: RunningBot, hold_write_lock: Callable[[Path, float], subprocess.Popen[str]]) -> None:
        holder = hold_write_lock(bot.db_path, 5)
        for n in range(5):
            reply = bot.slack.event(mention("開示請求が来たらどうする？", ts=f"1700400{n:03d}.000100"))
            assert reply.status == 200 and reply.elapsed < 1.0, reply.elapsed
        assert holder.poll() is None  # all acked while the lock was still held
        holder.wait(timeout=10)
        calls = bot.fake.wait_for("chat.postMessage", count=5, timeout=15)
        assert sorted(call.params["thread_ts"] for call in calls) == [f"1700400{n:03d}.000100" for n in range(5)]


class TestSubmissionWhileLocked:
    def test_a_lock_held_past_the_ack_window_stores_nothing_and_says_so_in_the_modal(
            self, bot: RunningBot, hold_write_lock: Callable[[Path, float], subprocess.Popen[str]]) -> None:
        view = modal()
        holder = hold_write_lock(bot.db_path, 5)
        reply = submit(bot.slack, view, valid_answers(), user=AGENT, view_id="V0LOCKED")
        assert reply.status == 200 and reply.elapsed < 3.0, (reply.status, reply.elapsed)
        body = reply.json()
        assert body["response_action"] == "errors"
        [message] = body["errors"].values()
        assert "何も保存されていません" in message and "nothing was stored" in message
        holder.wait(timeout=10)
        assert list(bot.db().query("SELECT id FROM cases")) == [] and bot.outbox() == []

        again = submit(bot.slack, view, valid_answers(), user=AGENT, view_id="V0LOCKED").json()
        assert again["response_action"] == "update"
        [case] = list(bot.db().query("SELECT id FROM cases"))
        assert case["id"] in str(again["view"])
        wait_until(lambda: [c for c in bot.fake.calls_to("chat.postMessage") if c.params["channel"] == f"D{MANAGER}"])

    def test_a_lock_released_within_the_window_logs_the_case_in_the_same_submission(
            self, bot: RunningBot, hold_write_lock: Callable[[Path, float], subprocess.Popen[str]]) -> None:
        hold_write_lock(bot.db_path, 0.5)
        reply = submit(bot.slack, modal(), valid_answers(), user=AGENT)
        assert reply.status == 200 and reply.elapsed < 3.0
        assert reply.json()["response_action"] == "update"
        assert len(list(bot.db().query("SELECT id FROM cases"))) == 1
