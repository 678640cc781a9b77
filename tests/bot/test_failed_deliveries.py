"""A message Slack refuses for good reaches a person: the manager (or, when the manager's own DM is what failed, the
deputy and the privacy team) gets a DM saying which case, what, Slack's error and what to do; App Home, `cases
list` and `cases show` show it. A notice that fails itself is only logged. Over the real HTTP endpoint against a
fake Slack that answers the way Slack does for a channel that is gone or a member id that does not exist."""
from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from intake import Outbox

from tests.bot.conftest import AGENT, DEPUTY, ESCALATION_CHANNEL, MANAGER, TEAM_MEMBER, RunningBot
from tests.bot.test_intake import TEAM, dms_to, log_case, personal_data_in, wait_dm


def wait_rows(bot: RunningBot, done: Callable[[list[dict[str, Any]]], bool], timeout: float = 5.0) -> list[dict[str, Any]]:
    deadline = time.monotonic() + timeout
    while True:
        rows = bot.outbox()
        if done(rows) or time.monotonic() > deadline:
            assert done(rows), rows
            return rows
        time.sleep(0.01)


def notices(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [row for row in rows if row["kind"] == "delivery_failed"]


def settled(rows: list[dict[str, Any]]) -> bool:
    return bool(rows) and all(row["status"] in ("sent", "failed") for row in rows)


def cli(bot: RunningBot, *args: str) -> str:
    out = subprocess.run([sys.executable, "-m", "privacy_bot", *args], capture_output=True, text=True, check=True,
                         env={**os.environ, "PRIVACY_BOT_DB": str(bot.db_path)})
    return out.stdout


class TestTheManagerIsTold:
    @pytest.mark.parametrize("error", ["channel_not_found", "not_in_channel"])
    def test_an_escalation_post_slack_refuses_reaches_the_manager_by_dm(
            self, start_bot: Callable[..., RunningBot], error: str) -> None:
        bot = start_bot(**TEAM)
        bot.fake.refuse(ESCALATION_CHANNEL, error)
        case_id = log_case(bot, type="leak_report")
        card, notice = wait_dm(bot, MANAGER, count=2)
        text = notice.all_text()
        assert case_id in text and error in text and "緊急チャンネルへの投稿" in text and f"<#{ESCALATION_CHANNEL}>" in text
        assert ("/invite @privacy-bot" if error == "not_in_channel" else "escalation_channel") in text
        assert personal_data_in(text) == [] and notice.buttons() == {}
        rows = wait_rows(bot, settled)
        [post] = [row for row in rows if row["kind"] == "escalation_post"]
        [row] = notices(rows)
        assert (post["status"], post["last_error"]) == ("failed", error)
        assert (row["recipient"], row["status"], row["case_id"]) == (MANAGER, "sent", case_id)
        assert json.loads(row["data"]) == {"failed_id": post["id"], "failed_kind": "escalation_post",
                                           "failed_recipient": ESCALATION_CHANNEL, "error": error}
        assert [c for c in dms_to(bot, DEPUTY) if "配信できませんでした" in c.all_text()] == []

    def test_when_the_managers_own_dm_fails_the_deputy_and_the_team_are_told(
            self, start_bot: Callable[..., RunningBot]) -> None:
        bot = start_bot(**TEAM)
        bot.fake.refuse(MANAGER, "user_not_found")
        case_id = log_case(bot)  # not urgent: only the manager would have heard of it
        for user in (DEPUTY, TEAM_MEMBER):
            [notice] = wait_dm(bot, user)
            text = notice.all_text()
            assert case_id in text and "user_not_found" in text and f"<@{MANAGER}>" in text and "manager" in text
            assert personal_data_in(text) == []
        rows = wait_rows(bot, settled)
        assert sorted(row["recipient"] for row in notices(rows)) == sorted([DEPUTY, TEAM_MEMBER])
        assert dms_to(bot, MANAGER) == []

    def test_a_notice_that_fails_itself_is_only_logged(self, start_bot: Callable[..., RunningBot],
                                                       caplog: pytest.LogCaptureFixture) -> None:
        caplog.set_level(logging.INFO, logger="bot")
        bot = start_bot(deputy=DEPUTY)
        bot.fake.refuse(MANAGER, "user_not_found")
        bot.fake.refuse(DEPUTY, "user_not_found")
        case_id = log_case(bot)
        rows = wait_rows(bot, lambda rows: settled(rows) and len(notices(rows)) == 1)
        time.sleep(0.3)  # a notice about the notice would be written by now
        rows = bot.outbox()
        assert [(row["kind"], row["status"]) for row in rows] == [
            ("case_card", "failed"), ("intake_confirmation", "sent"), ("delivery_failed", "failed")]
        [notice] = notices(rows)
        assert (notice["recipient"], notice["case_id"]) == (DEPUTY, case_id)
        logged = [r.getMessage() for r in caplog.records if "outbox failed" in r.getMessage()]
        assert any(f"recipient={DEPUTY}" in line and "notified=none (a failure notice)" in line for line in logged)
        assert any(f"recipient={MANAGER}" in line and f"notified={DEPUTY}" in line for line in logged)

    def test_a_row_of_a_kind_this_version_cannot_write_fails_by_name_and_is_not_sent_as_another(
            self, start_bot: Callable[..., RunningBot], caplog: pytest.LogCaptureFixture) -> None:
        """A kind a newer version (or a mistake) wrote used to go out as a deadline reminder; now it is failed with
        `unknown_kind`, nothing is posted for it, and the manager is told what to do."""
        caplog.set_level(logging.INFO, logger="bot")
        bot = start_bot()
        case_id = log_case(bot)
        wait_rows(bot, settled)
        before = len(bot.fake.calls_to("chat.postMessage"))
        with bot.db() as db:
            row_id = Outbox(db).add(kind="case_note", recipient=AGENT, case_id=case_id, data={"key": "T-1"},
                                    now=datetime.now(UTC))
        bot.sender.wake()
        rows = wait_rows(bot, lambda rows: settled(rows) and len(notices(rows)) == 1)
        [row] = [row for row in rows if row["id"] == row_id]
        assert (row["status"], row["last_error"]) == ("failed", "unknown_kind")
        [notice] = notices(rows)
        assert (notice["recipient"], notice["case_id"], notice["status"]) == (MANAGER, case_id, "sent")
        posts = bot.fake.calls_to("chat.postMessage")[before:]
        assert [call.params["channel"] for call in posts] == [f"D{MANAGER}"]
        text = posts[0].all_text()
        assert case_id in text and "unknown_kind" in text and "update privacy-bot" in text
        logged = [r.getMessage() for r in caplog.records if "outbox failed" in r.getMessage()]
        assert any(f"id={row_id} kind=case_note" in line and "error=unknown_kind" in line for line in logged)



class TestItShows:
    def test_in_the_managers_app_home(self, start_bot: Callable[..., RunningBot]) -> None:
        bot = start_bot(**TEAM)
        bot.fake.refuse(ESCALATION_CHANNEL, "channel_not_found")
        case_id = log_case(bot, type="leak_report")
        wait_rows(bot, lambda rows: len(notices(rows)) == 1 and settled(rows))
        bot.slack.event({"type": "app_home_opened", "user": MANAGER, "channel": "DHOME", "tab": "home"})
        view = bot.fake.wait_for("views.publish")[0].json_param("view")
        text = json.dumps(view, ensure_ascii=False)
        assert "配信できなかったメッセージが 1件" in text and "channel_not_found" in text and case_id in text
        assert "privacy-bot doctor" in text and personal_data_in(text) == []
        assert len(view["blocks"]) <= 100

    def test_in_cases_list_and_cases_show(self, start_bot: Callable[..., RunningBot]) -> None:
        bot = start_bot(**TEAM)
        bot.fake.refuse(ESCALATION_CHANNEL, "not_in_channel")
        failed_case = log_case(bot, type="leak_report")
        fine_case = log_case(bot)
        wait_rows(bot, lambda rows: len(notices(rows)) == 1 and settled(rows))
        listing = {line.split()[0]: line for line in cli(bot, "cases", "list").splitlines()[1:]}
        assert "delivery failed" in listing[failed_case] and "delivery failed" not in listing[fine_case]
        shown = cli(bot, "cases", "show", failed_case)
        assert f"escalation_post → {ESCALATION_CHANNEL}: not_in_channel" in shown and "privacy-bot doctor" in shown
        assert "delivery failed" not in cli(bot, "cases", "show", fine_case)
