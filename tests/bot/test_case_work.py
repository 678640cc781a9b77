"""Notes, edits and identity before action over the real HTTP endpoint with the fake Slack (issue 13 items 1, 3):
each change is reflected on the manager's card in place and in the audit, and no note or personal value reaches
the audit or a channel."""
from __future__ import annotations

import json
from typing import Any

import pytest

from tests.bot.conftest import MANAGER, STRANGER, RunningBot, wait_until
from tests.bot.intake_helpers import menu_options, press, submit
from tests.bot.test_intake import cases_show, log_case, wait_dm
from tests.fake_slack import Call

NOTE = "本人から折り返しあり。運転免許証で確認予定。"


def open_form(bot: RunningBot, card: Call, action_id: str, *, user: str = MANAGER) -> dict[str, Any]:
    before = len(bot.fake.calls_to("views.open"))
    press(bot.slack, card, action_id, user=user, response_url=bot.fake.response_url())
    return bot.fake.wait_for("views.open", count=before + 1)[-1].json_param("view")


def updates(bot: RunningBot, count: int) -> list[Call]:
    return bot.fake.wait_for("chat.update", count=count)


def blocks_by_id(view: dict[str, Any]) -> dict[str, Any]:
    return {block.get("block_id"): block for block in view["blocks"]}


def test_a_note_from_the_card_shows_its_count_on_the_card_and_its_text_in_the_details(bot: RunningBot) -> None:
    case_id = log_case(bot)
    [card] = wait_dm(bot, MANAGER)
    assert "⚠️ *本人確認 / Identity: 未確認" in card.all_text()  # prominent, near the top
    assert "case_note" in card.buttons() and "case_edit" in menu_options(card)
    view = open_form(bot, card, "case_note")
    body = submit(bot.slack, view, {"text": "   "}, user=MANAGER).json()
    assert body["response_action"] == "errors" and body["errors"] == {"text": "メモを入力してください (note required)"}
    assert submit(bot.slack, view, {"text": NOTE}, user=MANAGER).status == 200
    [update] = updates(bot, 1)
    text = update.all_text()
    assert "📝 メモ 1件" in text and NOTE not in text and "メモを追加" in text
    case = cases_show(bot, case_id)
    assert case["notes"][0]["text"] == NOTE and case["history"][-1]["action"] == "note_added"
    assert NOTE not in json.dumps(case["history"], ensure_ascii=False)
    posted = [c.all_text() for c in bot.fake.calls_to("chat.postMessage") if not c.params["channel"].startswith("D")]
    assert all(NOTE not in text for text in posted)

    bot.slack.interaction({"type": "block_actions", "user": {"id": MANAGER}, "team": {"id": "T0FAKE"},
                           "container": {"type": "view", "view_id": "V0HOME"}, "trigger_id": "9.9.9",
                           "actions": [{"type": "button", "action_id": "case_open", "value": case_id}]})
    detail = bot.fake.wait_for("views.open", count=2)[-1].json_param("view")
    assert NOTE in json.dumps(detail, ensure_ascii=False)


def test_app_home_rows_have_a_note_button_that_opens_the_note_form(bot: RunningBot,
                                                                    caplog: pytest.LogCaptureFixture) -> None:
    case_id = log_case(bot)
    wait_dm(bot, MANAGER)
    bot.slack.event({"type": "app_home_opened", "user": MANAGER, "channel": "DHOME", "tab": "home"})
    home = bot.fake.wait_for("views.publish")[0].json_param("view")
    [row_button] = [element for block in home["blocks"] if block["type"] == "actions"
                    for element in block["elements"] if element["action_id"] == "case_note"]
    assert row_button["value"] == case_id
    press_from_home = {"type": "block_actions", "user": {"id": MANAGER}, "team": {"id": "T0FAKE"},
                       "container": {"type": "view", "view_id": "V0HOME"}, "trigger_id": "9.9.9",
                       "actions": [{"type": "button", "action_id": "case_note", "value": case_id}]}
    bot.slack.interaction(press_from_home)
    view = bot.fake.wait_for("views.open", count=2)[-1].json_param("view")  # after the intake modal
    assert view["callback_id"] == "case_note_modal"
    assert submit(bot.slack, view, {"text": NOTE}, user=MANAGER).status == 200
    wait_until(lambda: cases_show(bot, case_id)["notes"])
    bot.slack.interaction({**press_from_home, "user": {"id": STRANGER}})
    wait_until(lambda: any("note" in r.getMessage() for r in caplog.records if r.levelname == "WARNING"))
    assert len(bot.fake.calls_to("views.open")) == 2  # nobody outside the team gets the form


def test_edit_is_prefilled_checked_like_intake_and_audited_without_values(bot: RunningBot) -> None:
    case_id = log_case(bot)
    [card] = wait_dm(bot, MANAGER)
    view = open_form(bot, card, "case_edit")
    fields = blocks_by_id(view)
    assert fields["requester.email"]["element"]["initial_value"] == "taro.yamada@example.com"
    assert fields["channel"]["element"]["initial_option"]["value"] == "phone"
    assert fields["identity.status"]["element"]["initial_option"]["value"] == "unverified"
    body = submit(bot.slack, view, {"requester.email": "taro@", "identity.status": "verified"}, user=MANAGER).json()
    assert body["response_action"] == "errors" and set(body["errors"]) == {"requester.email", "identity.method"}
    assert "メールアドレスの形式" in body["errors"]["requester.email"]
    reply = submit(bot.slack, view, {"requester.email": "t.yamada@example.com", "identity.status": "verified",
                                     "identity.method": "registered_email"}, user=MANAGER)
    assert reply.status == 200 and reply.body == ""
    [update] = updates(bot, 1)
    text = update.all_text()
    assert "t.yamada@example.com" in text and "🪪 *本人確認 / Identity: 確認済み" in text and f"<@{MANAGER}>" in text
    case = cases_show(bot, case_id)
    assert case["requester"]["email"] == "t.yamada@example.com"
    assert case["identity"]["verified_by"] == MANAGER and case["identity"]["verified_at"]
    last = case["history"][-1]
    assert last["action"] == "details_edited"
    assert last["details"] == {"fields": ["requester.email", "identity.status", "identity.method"]}
    history = json.dumps(case["history"], ensure_ascii=False)
    assert "yamada" not in history and "registered_email" not in history


def test_an_unverified_deletion_cannot_be_fulfilled_without_a_recorded_reason(bot: RunningBot) -> None:
    case_id = log_case(bot)  # a deletion, identity not checked
    [card] = wait_dm(bot, MANAGER)
    press(bot.slack, card, "case_acknowledge", user=MANAGER, response_url=bot.fake.response_url())
    [acknowledged] = updates(bot, 1)
    view = open_form(bot, acknowledged, "case_resolve")
    assert "identity_override" in blocks_by_id(view)
    body = submit(bot.slack, view, {"outcome": "fulfilled"}, user=MANAGER).json()
    assert body["response_action"] == "errors" and list(body["errors"]) == ["identity_override"]
    assert body["errors"]["identity_override"].startswith("本人確認が済んでいないため")
    assert cases_show(bot, case_id)["status"] == "acknowledged"
    assert submit(bot.slack, view, {"outcome": "fulfilled", "identity_override": "退会済みで本人確認の手段がなく、"
                                    "削除は本人の不利益にならないため"}, user=MANAGER).status == 200
    closed = updates(bot, 2)[-1]
    assert "完了" in closed.all_text() and set(closed.buttons()) == {"case_draft_reply"}  # the reply is still owed
    case = cases_show(bot, case_id)
    assert (case["status"], case["outcome"]) == ("resolved", "fulfilled")
    assert case["history"][-1]["details"]["identity_override"].startswith("退会済みで")


def test_once_identity_is_verified_the_resolve_form_asks_nothing_more(bot: RunningBot) -> None:
    case_id = log_case(bot, **{"identity.status": "verified", "identity.method": "phone_callback"})
    [card] = wait_dm(bot, MANAGER)
    assert "🪪 *本人確認 / Identity: 確認済み" in card.all_text()
    press(bot.slack, card, "case_acknowledge", user=MANAGER, response_url=bot.fake.response_url())
    [acknowledged] = updates(bot, 1)
    view = open_form(bot, acknowledged, "case_resolve")
    assert "identity_override" not in blocks_by_id(view)
    assert submit(bot.slack, view, {"outcome": "fulfilled"}, user=MANAGER).status == 200
    wait_until(lambda: cases_show(bot, case_id)["status"] == "resolved")
