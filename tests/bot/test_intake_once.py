"""One modal, one case: the same submission sent again (a double click, a retry, a resubmission after an error)
and the same Slack message logged twice each make one case, one manager ping and one confirmation; the later
submissions are shown the case already logged."""
from __future__ import annotations

import json
import threading
import time
from typing import Any

from bot.models import IntakeMetadata
from bot.views.intake_modal import intake_modal
from intake import load_request_types
from tests.bot.conftest import AGENT, MANAGER, RunningBot, wait_until
from tests.bot.intake_helpers import submit, valid_answers
from tests.fake_slack import Call


def dms(bot: RunningBot, user: str) -> list[Call]:
    return [call for call in bot.fake.calls_to("chat.postMessage") if call.params["channel"] == f"D{user}"]


def one_case_and_one_of_each_message(bot: RunningBot) -> str:
    [case] = list(bot.db().query("SELECT id FROM cases"))
    wait_until(lambda: dms(bot, MANAGER) and dms(bot, AGENT))
    time.sleep(0.3)
    assert len(dms(bot, MANAGER)) == 1 and len(dms(bot, AGENT)) == 1
    created = list(bot.db().query("SELECT id FROM audit WHERE action = 'created'"))
    assert len(created) == 1
    return str(case["id"])


def open_from_message(bot: RunningBot, *, ts: str) -> dict[str, Any]:
    before = len(bot.fake.calls_to("views.open"))
    payload = {"type": "message_action", "callback_id": "privacy_intake_from_message", "trigger_id": "1.2.3",
               "user": {"id": AGENT}, "team": {"id": "T0FAKE"}, "channel": {"id": "C0SUPPORT"},
               "message": {"type": "message", "text": "退会したので個人情報を削除してほしい", "ts": ts},
               "response_url": bot.fake.response_url()}
    assert bot.slack.interaction(payload).status == 200
    return bot.fake.wait_for("views.open", count=before + 1)[-1].json_param("view")


class TestOneModalOneCase:
    def test_the_same_submission_three_times_is_one_case_and_one_ping(self, bot: RunningBot) -> None:
        view = intake_modal(IntakeMetadata("shortcut"), request_types=load_request_types())
        replies = [submit(bot.slack, view, valid_answers(), user=AGENT, view_id="V0TWICE").json() for _ in range(3)]
        case_id = one_case_and_one_of_each_message(bot)
        assert [reply["response_action"] for reply in replies] == ["update"] * 3
        assert all(case_id in json.dumps(reply["view"], ensure_ascii=False) for reply in replies)
        assert "登録済み" not in json.dumps(replies[0], ensure_ascii=False)
        assert all("登録済み" in json.dumps(reply, ensure_ascii=False) and "Already logged" in json.dumps(reply)
                   for reply in replies[1:])

    def test_a_triple_click_arriving_at_once_is_one_case(self, bot: RunningBot) -> None:
        view = intake_modal(IntakeMetadata("shortcut"), request_types=load_request_types())
        replies: list[Any] = []
        clicks = [threading.Thread(target=lambda: replies.append(
            submit(bot.slack, view, valid_answers(), user=AGENT, view_id="V0CLICKS"))) for _ in range(3)]
        for click in clicks:
            click.start()
        for click in clicks:
            click.join()
        case_id = one_case_and_one_of_each_message(bot)
        assert all(reply.status == 200 and case_id in reply.body for reply in replies)

    def test_a_message_logged_twice_from_its_shortcut_is_one_case(self, bot: RunningBot) -> None:
        first = submit(bot.slack, open_from_message(bot, ts="1700500000.000100"), valid_answers(), user=AGENT).json()
        second = submit(bot.slack, open_from_message(bot, ts="1700500000.000100"), valid_answers(), user=AGENT).json()
        case_id = one_case_and_one_of_each_message(bot)
        assert case_id in json.dumps(first["view"]) and case_id in json.dumps(second["view"])
        other = submit(bot.slack, open_from_message(bot, ts="1700500099.000100"), valid_answers(), user=AGENT).json()
        assert other["response_action"] == "update" and case_id not in json.dumps(other["view"])
        assert len(list(bot.db().query("SELECT id FROM cases"))) == 2
