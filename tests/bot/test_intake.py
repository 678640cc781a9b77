"""Intake and routing over the real HTTP endpoint: an agent logs a request in the modal, the manager is pinged and
acts with the buttons, urgent cases escalate, App Home shows the queue, and nothing personal reaches a channel or
a log. Everything Slack sends is signed; everything the app calls lands on the fake Slack."""
from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest

from intake import REQUEST_TYPE_IDS, classify
from tests.bot.conftest import (
    AGENT,
    DEPUTY,
    ESCALATION_CHANNEL,
    MANAGER,
    STRANGER,
    TEAM_MEMBER,
    RunningBot,
    wait_until,
)
from tests.bot.intake_helpers import MONDAY_10, REQUESTER, menu_options, press, submit, valid_answers
from tests.fake_slack import Call

TEAM = {"deputy": DEPUTY, "privacy_team": (TEAM_MEMBER,), "escalation_channel": ESCALATION_CHANNEL}


@pytest.fixture
def team_bot(start_bot: Callable[..., RunningBot]) -> RunningBot:
    return start_bot(**TEAM)


def open_modal(bot: RunningBot) -> dict[str, Any]:
    before = len(bot.fake.calls_to("views.open"))
    reply = bot.slack.command("intake", response_url=bot.fake.response_url("cmd"), user_id=AGENT)
    assert reply.status == 200
    return bot.fake.wait_for("views.open", count=before + 1)[-1].json_param("view")


def log_case(bot: RunningBot, **answers: Any) -> str:
    reply = submit(bot.slack, open_modal(bot), valid_answers(**answers), user=AGENT)
    assert reply.status == 200, reply.body
    done = reply.json()
    assert done["response_action"] == "update", done
    case_ids = [row["id"] for row in bot.db().query("SELECT id FROM cases ORDER BY id")]
    assert case_ids[-1] in json.dumps(done["view"], ensure_ascii=False)
    return case_ids[-1]


def dms_to(bot: RunningBot, user: str) -> list[Call]:
    return [call for call in bot.fake.calls_to("chat.postMessage") if call.params["channel"] == f"D{user}"]


def wait_dm(bot: RunningBot, user: str, count: int = 1, timeout: float = 5.0) -> list[Call]:
    deadline = time.monotonic() + timeout
    while len(dms_to(bot, user)) < count and time.monotonic() < deadline:
        time.sleep(0.01)
    calls = dms_to(bot, user)
    assert len(calls) >= count, f"expected {count} DM(s) to {user}, got {len(calls)}: {bot.fake.methods()}"
    return calls


def cases_show(bot: RunningBot, case_id: str) -> dict[str, Any]:
    """`privacy-bot cases show ID --json`, as an operator would check the database."""
    out = subprocess.run([sys.executable, "-m", "privacy_bot", "cases", "show", case_id, "--json"],
                         env={**os.environ, "PRIVACY_BOT_DB": str(bot.db_path)}, capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout)


def personal_data_in(text: str) -> list[str]:
    return [value for value in (REQUESTER["name"], REQUESTER["email"], "090-1234-5678", "+819012345678",
                                REQUESTER["description"][:12]) if value in text]


class TestModal:
    def test_privacy_intake_opens_the_modal_with_every_type_labelled_in_japanese_first(self, bot: RunningBot) -> None:
        view = open_modal(bot)
        assert view["callback_id"] == "privacy_intake_modal"
        assert len(view["title"]["text"]) <= 24 and len(view["blocks"]) <= 100
        assert len(view["private_metadata"]) <= 3000
        [type_block] = [b for b in view["blocks"] if b.get("block_id") == "type"]
        options = type_block["element"]["options"]
        assert [o["value"] for o in options] == list(REQUEST_TYPE_IDS)
        assert options[0]["text"]["text"] == "開示請求 / Disclosure request"
        assert type_block["label"]["text"].startswith("依頼の種別")
        for block in view["blocks"]:
            if block["type"] == "input" and block["element"]["type"] == "plain_text_input":
                assert 1 <= block["element"]["max_length"] <= 3000

    def test_a_message_shortcut_prefills_the_description_and_suggests_the_type(self, bot: RunningBot) -> None:
        text = "お客様から電話: 退会したので録音も含めて個人情報を削除してほしいとのこと"
        payload = {"type": "message_action", "callback_id": "privacy_intake_from_message", "trigger_id": "1.2.3",
                   "user": {"id": AGENT}, "team": {"id": "T0FAKE"}, "channel": {"id": "C0SUPPORT"},
                   "message": {"type": "message", "text": text, "ts": "1700000001.000100"},
                   "response_url": bot.fake.response_url()}
        assert bot.slack.interaction(payload).status == 200
        view = bot.fake.wait_for("views.open")[0].json_param("view")
        blocks = {b.get("block_id"): b for b in view["blocks"]}
        assert blocks["description"]["element"]["initial_value"] == text
        suggestion = classify(text)
        assert blocks["type"]["element"]["initial_option"]["value"] == suggestion.type == "deletion"
        assert f"{suggestion.confidence:.0%}" in json.dumps(view, ensure_ascii=False)
        assert text not in view["private_metadata"]

    def test_the_global_shortcut_opens_an_empty_modal(self, bot: RunningBot) -> None:
        payload = {"type": "shortcut", "callback_id": "privacy_intake", "trigger_id": "1.2.3",
                   "user": {"id": AGENT}, "team": {"id": "T0FAKE"}}
        assert bot.slack.interaction(payload).status == 200
        view = bot.fake.wait_for("views.open")[0].json_param("view")
        assert "initial_option" not in {b.get("block_id"): b for b in view["blocks"]}["type"]["element"]


class TestSubmission:
    def test_a_case_is_created_the_manager_pinged_and_the_agent_told_the_id_and_due_date(self, bot: RunningBot) -> None:
        case_id = log_case(bot)
        case = cases_show(bot, case_id)
        assert case["type"] == "deletion" and case["status"] == "new"
        assert case["requester"] == {"name": "山田太郎", "email": "taro.yamada@example.com", "phone": "+819012345678"}
        assert case["history"][0]["actor"] == AGENT

        [card] = wait_dm(bot, MANAGER)
        text = card.all_text()
        assert case_id in text and "消去" in text and "山田太郎" in text and "taro.yamada@example.com" in text
        assert "第11条" in text  # the policy section of a deletion request
        due = case["due_at"]  # JST, e.g. 2026-05-12T18:00:00+09:00
        assert f"{due[:10]}" in text and due[11:16] in text
        assert set(card.buttons()) == {"case_acknowledge", "case_assign", "case_note", "case_draft_reply", "case_more"}
        assert set(menu_options(card)) == {"case_extend", "case_withdraw", "case_edit"}
        assert card.buttons()["case_acknowledge"]["text"]["text"].startswith("受付")

        [confirmation] = wait_dm(bot, AGENT)
        assert case_id in confirmation.all_text() and due[:10] in confirmation.all_text()
        assert personal_data_in(confirmation.all_text()) == []
        assert bot.fake.calls_to("response_url") == []  # nothing in the channel the command came from

    def test_an_invalid_email_comes_back_next_to_its_field_and_nothing_is_stored(self, bot: RunningBot) -> None:
        reply = submit(bot.slack, open_modal(bot), valid_answers(**{"requester.email": "taro@@example"}), user=AGENT)
        assert reply.status == 200
        body = reply.json()
        assert body["response_action"] == "errors"
        assert set(body["errors"]) == {"requester.email"} and "メールアドレス" in body["errors"]["requester.email"]
        assert list(bot.db().query("SELECT id FROM cases")) == [] and bot.outbox() == []

    def test_every_bad_field_is_reported_at_once(self, bot: RunningBot) -> None:
        answers = valid_answers(**{"type": "gossip", "requester.phone": "12", "description": ""})
        body = submit(bot.slack, open_modal(bot), answers, user=AGENT, forge=True).json()
        assert set(body["errors"]) == {"type", "requester.phone", "description"}
        assert list(bot.db().query("SELECT id FROM cases")) == []


class TestWithoutAManager:
    """No `manager` in privacy-bot.yaml: the case is still stored, and nobody pretends the manager was told."""

    def submit_case(self, bot: RunningBot, **answers: Any) -> tuple[str, str]:
        reply = submit(bot.slack, open_modal(bot), valid_answers(**answers), user=AGENT)
        assert reply.status == 200 and reply.json()["response_action"] == "update", reply.body
        [case_id] = [row["id"] for row in bot.db().query("SELECT id FROM cases")]
        return case_id, json.dumps(reply.json()["view"], ensure_ascii=False)

    def test_the_agent_is_told_nobody_was_notified_and_why(self, start_bot: Callable[..., RunningBot]) -> None:
        bot = start_bot(manager=None)
        case_id, modal = self.submit_case(bot)
        [confirmation] = wait_dm(bot, AGENT)
        for text in (modal, confirmation.all_text()):
            assert case_id in text
            assert "通知済み" not in text and "通知します" not in text
            assert "The privacy manager has been notified" not in text and "is notified by DM" not in text
            assert "まだ誰にも通知されていません" in text and "Nobody has been notified" in text
            assert "`manager`" in text and "privacy-bot.yaml" in text and "保存されています" in text
        assert cases_show(bot, case_id)["status"] == "new"
        assert [row["kind"] for row in bot.outbox()] == ["intake_confirmation"]

    def test_an_urgent_case_still_reaches_the_deputy_and_says_so(self, start_bot: Callable[..., RunningBot]) -> None:
        bot = start_bot(manager=None, deputy=DEPUTY)
        case_id, modal = self.submit_case(bot, type="leak_report")
        assert "責任者には通知されていません" in modal and "副責任者にはすぐ通知します" in modal
        assert "The privacy manager has not been notified" in modal and "`manager`" in modal
        [card] = wait_dm(bot, DEPUTY)
        assert case_id in card.all_text()


class TestManagerButtons:
    def test_a_strangers_press_is_refused_and_changes_nothing(self, bot: RunningBot) -> None:
        case_id = log_case(bot)
        [card] = wait_dm(bot, MANAGER)
        press(bot.slack, card, "case_acknowledge", user=STRANGER, response_url=bot.fake.response_url("stranger"))
        [refusal] = bot.fake.wait_for("response_url")
        assert "許可されていません" in refusal.all_text() and refusal.params["response_type"] == "ephemeral"
        case = cases_show(bot, case_id)
        assert case["status"] == "new" and [e["action"] for e in case["history"]] == ["created"]
        assert bot.fake.calls_to("chat.update") == []

    def test_acknowledge_by_the_manager_updates_the_case_and_the_dm_in_place(self, bot: RunningBot) -> None:
        case_id = log_case(bot)
        [card] = wait_dm(bot, MANAGER)
        # The sender records the card's ts just after Slack answers: wait for it, not only for the post.
        posted = wait_until(lambda: next((row for row in bot.outbox() if row["kind"] == "case_card" and row["ts"]),
                                         None))
        press(bot.slack, card, "case_acknowledge", user=MANAGER, response_url=bot.fake.response_url())
        [update] = bot.fake.wait_for("chat.update")
        assert (update.params["channel"], update.params["ts"]) == (posted["channel"], posted["ts"])
        assert "受付済み" in update.all_text() and f"<@{MANAGER}>" in update.all_text()
        assert "case_acknowledge" not in update.buttons() and "case_resolve" in update.buttons()
        case = cases_show(bot, case_id)
        assert case["status"] == "acknowledged"
        assert case["history"][-1]["actor"] == MANAGER and case["history"][-1]["to_status"] == "acknowledged"

    def test_refuse_needs_a_ground_and_a_reason_then_closes_the_case(self, bot: RunningBot) -> None:
        case_id = log_case(bot, type="disclosure")
        [card] = wait_dm(bot, MANAGER)
        press(bot.slack, card, "case_acknowledge", user=MANAGER, response_url=bot.fake.response_url())
        [update] = bot.fake.wait_for("chat.update")
        press(bot.slack, update, "case_refuse", user=MANAGER, response_url=bot.fake.response_url())
        view = bot.fake.wait_for("views.open", count=2)[-1].json_param("view")
        grounds = [o["value"] for o in {b.get("block_id"): b for b in view["blocks"]}["ground"]["element"]["options"]]
        assert grounds == ["life_or_rights", "business_hindrance", "other_law"]  # §10's three, nothing else
        body = submit(bot.slack, view, {"ground": "other_law", "reason": ""}, user=MANAGER).json()
        assert body["response_action"] == "errors" and set(body["errors"]) == {"reason"}
        assert submit(bot.slack, view, {"ground": "other_law", "reason": "法令により開示できないため"},
                      user=MANAGER).status == 200
        updates = bot.fake.wait_for("chat.update", count=2)
        assert "拒否" in updates[-1].all_text() and updates[-1].buttons().keys() == {"case_draft_reply"}
        case = cases_show(bot, case_id)
        assert (case["status"], case["refusal_ground"], case["outcome"]) == ("refused", "other_law",
                                                                              "refused_with_ground")
        assert [e["to_status"] for e in case["history"]] == ["new", "acknowledged", "in_progress", "refused"]

    def test_assign_gives_the_case_to_a_team_member_who_gets_the_card(self, team_bot: RunningBot) -> None:
        bot = team_bot
        case_id = log_case(bot)
        [card] = wait_dm(bot, MANAGER)
        press(bot.slack, card, "case_assign", user=MANAGER, response_url=bot.fake.response_url())
        view = bot.fake.wait_for("views.open", count=2)[-1].json_param("view")
        body = submit(bot.slack, view, {"assignee": STRANGER}, user=MANAGER).json()
        assert set(body["errors"]) == {"assignee"}
        assert submit(bot.slack, view, {"assignee": TEAM_MEMBER}, user=MANAGER).status == 200
        [team_card] = wait_dm(bot, TEAM_MEMBER)
        assert case_id in team_card.all_text() and f"<@{TEAM_MEMBER}>" in team_card.all_text()
        assert cases_show(bot, case_id)["assignee"] == TEAM_MEMBER
        assert f"<@{TEAM_MEMBER}>" in bot.fake.wait_for("chat.update")[0].all_text()


class TestEscalation:
    def test_an_urgent_leak_reaches_manager_and_deputy_and_the_channel_sees_no_personal_data(
            self, team_bot: RunningBot) -> None:
        bot = team_bot
        case_id = log_case(bot, type="leak_report",
                           description="別のお客様の通話録音が私のアカウントで再生できました。山田太郎")
        [manager_card] = wait_dm(bot, MANAGER)
        [deputy_card] = wait_dm(bot, DEPUTY)
        for card in (manager_card, deputy_card):
            assert case_id in card.all_text() and "緊急" in card.all_text() and "山田太郎" in card.all_text()
        [post] = [c for c in bot.fake.wait_for("chat.postMessage", count=4) if c.params["channel"] == ESCALATION_CHANNEL]
        text = post.all_text()
        due = cases_show(bot, case_id)["due_at"]
        assert case_id in text and "漏えい" in text and due[:10] in text
        assert personal_data_in(text) == [] and "録音" not in text and post.buttons() == {}

    def test_nobody_acknowledges_within_the_hour_so_the_team_is_pinged_once(self, start_bot) -> None:
        bot = start_bot(now=MONDAY_10, **TEAM)
        case_id = log_case(bot, type="authority_request", description="警察から通話記録の照会がありました")
        wait_dm(bot, MANAGER)
        wait_dm(bot, DEPUTY)
        assert bot.tick(MONDAY_10 + timedelta(minutes=59)) == 1  # the manager's daily digest, no re-ping yet
        assert bot.tick(MONDAY_10 + timedelta(minutes=61)) == 3  # manager, deputy and the privacy team
        for user, count in ((MANAGER, 3), (DEPUTY, 2), (TEAM_MEMBER, 1)):  # the manager also has the digest
            repeat = [c for c in wait_dm(bot, user, count=count) if "再通知" in c.all_text()]
            assert len(repeat) == 1 and case_id in repeat[0].all_text()
        assert bot.tick(MONDAY_10 + timedelta(minutes=90)) == 0


class TestAppHome:
    def test_the_manager_sees_the_open_queue_and_a_stranger_the_guide(self, bot: RunningBot) -> None:
        case_id = log_case(bot)
        wait_dm(bot, MANAGER)
        bot.slack.event({"type": "app_home_opened", "user": MANAGER, "channel": "DHOME", "tab": "home"})
        [published] = bot.fake.wait_for("views.publish")
        view = published.json_param("view")
        assert published.params["user_id"] == MANAGER and view["type"] == "home"
        text = json.dumps(view, ensure_ascii=False)
        assert case_id in text and "消去" in text and "新規" in text and personal_data_in(text) == []
        assert any(b.get("accessory", {}).get("action_id") == "case_open" for b in view["blocks"])

        bot.slack.event({"type": "app_home_opened", "user": STRANGER, "channel": "DHOME2", "tab": "home"})
        guide = bot.fake.wait_for("views.publish", count=2)[1].json_param("view")
        guide_text = json.dumps(guide, ensure_ascii=False)
        assert case_id not in guide_text and "/privacy intake" in guide_text

    def test_open_shows_details_and_history_to_the_team_only(self, bot: RunningBot) -> None:
        case_id = log_case(bot)
        wait_dm(bot, MANAGER)
        home_press = {"type": "block_actions", "user": {"id": MANAGER}, "team": {"id": "T0FAKE"},
                      "container": {"type": "view", "view_id": "V0HOME"}, "trigger_id": "9.9.9",
                      "actions": [{"type": "button", "action_id": "case_open", "value": case_id}]}
        bot.slack.interaction(home_press)
        modal = bot.fake.wait_for("views.open", count=2)[-1].json_param("view")
        text = json.dumps(modal, ensure_ascii=False)
        assert case_id in text and "山田太郎" in text and "履歴" in text
        bot.slack.interaction({**home_press, "user": {"id": STRANGER}})
        time.sleep(0.2)
        assert len(bot.fake.calls_to("views.open")) == 2


class TestSlackOutage:
    def test_500s_during_a_submission_lose_nothing_and_the_ping_arrives_once_slack_is_back(
            self, bot: RunningBot) -> None:
        bot.fake.fail_next(None, status=500, times=10_000)
        case_id = log_case(bot)  # the ack is the HTTP reply itself: the agent is answered while Slack is down
        bot.fake.wait_for("conversations.open", count=2)  # tried, and tried again
        assert cases_show(bot, case_id)["status"] == "new"
        bot.fake.heal()
        [card] = wait_dm(bot, MANAGER)
        time.sleep(0.2)
        assert len(dms_to(bot, MANAGER)) == 1 and case_id in card.all_text()
        assert {row["status"] for row in bot.outbox()} == {"sent"}

    def test_a_429_waits_for_retry_after(self, bot: RunningBot) -> None:
        bot.fake.fail_next("chat.postMessage", status=429, retry_after=1)
        log_case(bot)
        first, second = wait_dm(bot, MANAGER, count=2)
        assert second.at - first.at >= 0.9


class TestPrivacyOfLogs:
    def test_a_full_run_logs_case_and_slack_ids_but_no_personal_data(self, team_bot: RunningBot,
                                                                       caplog: pytest.LogCaptureFixture) -> None:
        caplog.set_level(logging.INFO)
        for name in ("bot", "intake"):
            caplog.set_level(logging.DEBUG, logger=name)
        bot = team_bot
        bot.fake.fail_next("chat.postMessage", status=500)
        submit(bot.slack, open_modal(bot), valid_answers(**{"requester.email": "bad@"}), user=AGENT)
        case_id = log_case(bot, type="leak_report")
        [card] = wait_dm(bot, MANAGER)
        press(bot.slack, card, "case_acknowledge", user=MANAGER, response_url=bot.fake.response_url())
        press(bot.slack, card, "case_acknowledge", user=STRANGER, response_url=bot.fake.response_url())
        bot.fake.wait_for("chat.update")
        bot.slack.event({"type": "app_home_opened", "user": MANAGER, "tab": "home"})
        bot.fake.wait_for("views.publish")
        time.sleep(0.2)
        messages = "\n".join(record.getMessage() for record in caplog.records)
        assert f"case={case_id}" in messages and f"user={MANAGER}" in messages
        assert personal_data_in(messages) == []
        assert "taro" not in messages and "1234" not in messages

