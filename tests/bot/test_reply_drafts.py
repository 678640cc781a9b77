"""The reply draft over the real HTTP endpoint: 返信文案 on the manager's card opens the draft in a modal, a
different language redraws it, 送信済みにする records `reply_sent` in the audit and the card shows it; nobody
outside the team sees a draft, and the bot itself sends the requester nothing."""
from __future__ import annotations

import json
from typing import Any

from tests.bot.conftest import MANAGER, STRANGER, RunningBot
from tests.bot.intake_helpers import press, submit
from tests.bot.test_intake import cases_show, log_case, wait_dm
from tests.fake_slack import TEAM_ID, Call


def draft_text(view: dict[str, Any]) -> str:
    """The copy-ready text: every preformatted block of the modal, joined."""
    return "".join(element["text"] for block in view["blocks"] if block["type"] == "rich_text"
                   for section in block["elements"] if section["type"] == "rich_text_preformatted"
                   for element in section["elements"])


def selected(view: dict[str, Any], block_id: str) -> str:
    return {b.get("block_id"): b for b in view["blocks"]}[block_id]["element"]["initial_option"]["value"]


def pick(bot: RunningBot, view: dict[str, Any], *, user: str, **choices: str) -> None:
    """Change the modal's stage or language select the way Slack reports it (`dispatch_action` → block_actions)."""
    values = {block_id: {action: {"type": "static_select", "selected_option": {"value": value}}}
              for block_id, action, value in (("stage", "draft_stage", choices.get("stage", selected(view, "stage"))),
                                              ("language", "draft_language",
                                               choices.get("language", selected(view, "language"))))}
    action_id = "draft_language" if "language" in choices else "draft_stage"
    block_id = "language" if "language" in choices else "stage"
    payload = {
        "type": "block_actions", "user": {"id": user, "team_id": TEAM_ID}, "team": {"id": TEAM_ID},
        "api_app_id": "A0PRIVACY", "trigger_id": "1337.42.trigger", "container": {"type": "view", "view_id": "V0DRAFT"},
        "view": {"id": "V0DRAFT", "hash": "h1", "type": "modal", "callback_id": view["callback_id"],
                 "private_metadata": view["private_metadata"], "state": {"values": values}},
        "actions": [{"type": "static_select", "action_id": action_id, "block_id": block_id,
                     "selected_option": {"value": values[block_id][action_id]["selected_option"]["value"]},
                     "action_ts": "1700000600.000100"}],
    }
    assert bot.slack.interaction(payload).status == 200


def open_draft(bot: RunningBot, card: Call, *, user: str = MANAGER) -> dict[str, Any]:
    before = len(bot.fake.calls_to("views.open"))
    press(bot.slack, card, "case_draft_reply", user=user, response_url=bot.fake.response_url("draft"))
    return bot.fake.wait_for("views.open", count=before + 1)[-1].json_param("view")


def test_draft_shown_redrawn_in_english_marked_sent_audited_and_on_the_card(bot: RunningBot) -> None:
    case_id = log_case(bot, type="disclosure")
    [card] = wait_dm(bot, MANAGER)
    assert "case_draft_reply" in card.buttons()
    view = open_draft(bot, card)
    assert view["callback_id"] == "case_draft_reply_modal" and view["submit"]["text"] == "送信済みにする / Mark as sent"
    assert (selected(view, "stage"), selected(view, "language")) == ("receipt", "ja")
    assert [o["value"] for o in {b.get("block_id"): b for b in view["blocks"]}["stage"]["element"]["options"]] == \
        ["receipt", "identity"]  # only what fits a new, unverified case
    text = draft_text(view)
    assert text.startswith(f"件名: 【受付番号：{case_id}】") and "\n\n山田太郎 様\n\n" in text

    pick(bot, view, user=MANAGER, language="en")
    [update] = bot.fake.wait_for("views.update")
    assert update.params["view_id"] == "V0DRAFT" and update.params["hash"] == "h1"
    english = update.json_param("view")
    assert draft_text(english).startswith(f"Subject: Your request about your personal information has been received "
                                          f"(ref. {case_id})") and selected(english, "language") == "en"

    assert submit(bot.slack, english, {}, user=MANAGER).status == 200
    [card_update] = bot.fake.wait_for("chat.update")
    assert "最後に送った返信 / Last reply sent: 受付のご連絡 / Receipt（英語 / English）" in card_update.all_text()
    assert f"<@{MANAGER}>" in card_update.all_text()
    entry = cases_show(bot, case_id)["history"][-1]
    assert (entry["action"], entry["actor"], entry["details"]) == ("reply_sent", MANAGER,
                                                                  {"stage": "receipt", "language": "en"})
    sent = [call.params.get("text", "") + json.dumps(call.params.get("blocks", ""), ensure_ascii=False)
            for call in bot.fake.calls_to("chat.postMessage")]
    assert not any("平素より" in message or "Dear " in message for message in sent)  # the bot sends no draft


def test_a_closed_case_still_offers_its_draft_and_the_refusal_is_preset(bot: RunningBot) -> None:
    case_id = log_case(bot, type="disclosure")
    [card] = wait_dm(bot, MANAGER)
    press(bot.slack, card, "case_acknowledge", user=MANAGER, response_url=bot.fake.response_url())
    [update] = bot.fake.wait_for("chat.update")
    press(bot.slack, update, "case_refuse", user=MANAGER, response_url=bot.fake.response_url())
    form = bot.fake.wait_for("views.open")[-1].json_param("view")
    submit(bot.slack, form, {"ground": "life_or_rights", "reason": "第三者の通話内容が含まれるため"}, user=MANAGER)
    closed = bot.fake.wait_for("chat.update", count=2)[-1]
    assert closed.buttons().keys() == {"case_draft_reply"}
    view = open_draft(bot, closed)
    assert selected(view, "stage") == "refusal"
    assert "「ユーザー本人または第三者の生命、身体、財産その他の権利利益を害するおそれがある場合」" in draft_text(view)
    assert cases_show(bot, case_id)["status"] == "refused"


def test_a_stale_stage_is_refused_in_the_form_and_nothing_is_recorded(bot: RunningBot) -> None:
    case_id = log_case(bot)
    [card] = wait_dm(bot, MANAGER)
    view = open_draft(bot, card)
    body = submit(bot.slack, view, {"stage": "refusal"}, user=MANAGER, forge=True).json()
    assert body["response_action"] == "errors" and "当てはまりません" in body["errors"]["stage"]
    assert [e["action"] for e in cases_show(bot, case_id)["history"]] == ["created"]


def test_someone_outside_the_team_sees_no_draft(bot: RunningBot) -> None:
    log_case(bot)
    [card] = wait_dm(bot, MANAGER)
    press(bot.slack, card, "case_draft_reply", user=STRANGER, response_url=bot.fake.response_url("stranger"))
    [refusal] = bot.fake.wait_for("response_url")
    assert "許可されていません" in refusal.all_text() and bot.fake.calls_to("views.open")[1:] == []
