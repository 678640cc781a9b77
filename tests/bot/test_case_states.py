"""Every open status has its button on the manager's card, over the real HTTP endpoint: wait for the requester
(what for, and the due date keeps running), back to work, withdrawn (with a reason); each change edits the card in
place and lands in the audit. Secondary actions sit in the card's ⋯ menu; buttons of cards already in Slack (the
old ids) still work."""
from __future__ import annotations

from typing import Any

from tests.bot.conftest import MANAGER, STRANGER, RunningBot
from tests.bot.intake_helpers import menu_options, press, submit
from tests.bot.test_intake import cases_show, log_case, wait_dm
from tests.fake_slack import Call
from tests.slack_helpers import block_action


def press_for_form(bot: RunningBot, card: Call, action_id: str) -> dict[str, Any]:
    """Press `action_id` on `card` as the manager; the form it opened."""
    before = len(bot.fake.calls_to("views.open"))
    press(bot.slack, card, action_id, user=MANAGER, response_url=bot.fake.response_url())
    return bot.fake.wait_for("views.open", count=before + 1)[-1].json_param("view")


def next_update(bot: RunningBot, count: int) -> Call:
    return bot.fake.wait_for("chat.update", count=count)[-1]


def acknowledged(bot: RunningBot, **answers: Any) -> tuple[str, Call]:
    case_id = log_case(bot, **answers)
    [card] = wait_dm(bot, MANAGER)
    press(bot.slack, card, "case_acknowledge", user=MANAGER, response_url=bot.fake.response_url())
    return case_id, next_update(bot, 1)


class TestWaitingForTheRequester:
    def test_wait_then_back_to_work_edits_the_card_in_place_and_keeps_the_due_date(self, bot: RunningBot) -> None:
        case_id, card = acknowledged(bot)
        due = cases_show(bot, case_id)["due_at"]
        assert {"case_resolve", "case_wait_for_requester", "case_assign", "case_note", "case_draft_reply",
            "case_more"} == set(card.buttons())
        view = press_for_form(bot, card, "case_wait_for_requester")
        assert view["callback_id"] == "case_wait_modal" and "期限は止まりません" in str(view)

        body = submit(bot.slack, view, {"waiting_for": "other", "reason": ""}, user=MANAGER).json()
        assert body["response_action"] == "errors" and set(body["errors"]) == {"reason"}
        assert cases_show(bot, case_id)["status"] == "acknowledged"
        assert submit(bot.slack, view, {"waiting_for": "identity_documents", "reason": "運転免許証の写しを依頼"},
                      user=MANAGER).status == 200

        waiting = next_update(bot, 2)
        assert (waiting.params["channel"], waiting.params["ts"]) == (card.params["channel"], card.params["ts"])
        text = waiting.all_text()
        assert "待機中 / Waiting for: 本人確認書類" in text and "運転免許証の写しを依頼" in text
        assert "期限は止まりません" in text and "依頼者の返答待ち" in text
        assert set(waiting.buttons()) == {"case_back_to_work", "case_resolve", "case_assign", "case_note",
                                           "case_draft_reply", "case_more"}
        shown = cases_show(bot, case_id)
        assert shown["status"] == "waiting_requester" and shown["due_at"] == due
        assert shown["waiting"]["for"] == "identity_documents"
        assert [(e["to_status"], e["actor"]) for e in shown["history"][-2:]] == [
            ("in_progress", MANAGER), ("waiting_requester", MANAGER)]
        assert shown["history"][-1]["details"] == {"waiting_for": "identity_documents"}
        assert shown["history"][-1]["note"] == "運転免許証の写しを依頼"
        bot.slack.interaction(block_action("case_open", case_id, user=MANAGER, channel="DHOME", thread_ts=None,
                                           response_url=bot.fake.response_url()))
        details = bot.fake.wait_for("views.open", count=3)[-1].json_param("view")
        assert details["callback_id"] == "case_detail_modal" and "待機中 / Waiting for: 本人確認書類" in str(details)

        press(bot.slack, waiting, "case_back_to_work", user=MANAGER, response_url=bot.fake.response_url())
        back = next_update(bot, 3)
        assert "対応中" in back.all_text() and "待機中" not in back.all_text()
        assert "case_wait_for_requester" in back.buttons()
        shown = cases_show(bot, case_id)
        assert (shown["status"], shown["waiting"], shown["due_at"]) == ("in_progress", None, due)
        assert shown["history"][-1]["from_status"] == "waiting_requester"

    def test_a_stranger_cannot_wait_or_go_back_to_work(self, bot: RunningBot) -> None:
        case_id, card = acknowledged(bot)
        press(bot.slack, card, "case_wait_for_requester", user=STRANGER, response_url=bot.fake.response_url("s"))
        [refusal] = bot.fake.wait_for("response_url")
        assert "許可されていません" in refusal.all_text()
        assert len(bot.fake.calls_to("views.open")) == 1  # the intake modal only
        assert cases_show(bot, case_id)["status"] == "acknowledged"


class TestWithdrawn:
    def test_withdraw_from_the_menu_needs_a_reason_then_closes_the_case(self, bot: RunningBot) -> None:
        case_id = log_case(bot)
        [card] = wait_dm(bot, MANAGER)
        assert "case_withdraw" in menu_options(card)
        view = press_for_form(bot, card, "case_withdraw")
        assert view["callback_id"] == "case_withdraw_modal"
        body = submit(bot.slack, view, {"reason": "  "}, user=MANAGER).json()
        assert body["response_action"] == "errors" and "理由" in body["errors"]["reason"]
        assert submit(bot.slack, view, {"reason": "本人からメールで取り下げの連絡"}, user=MANAGER).status == 200
        [update] = bot.fake.wait_for("chat.update")
        assert "取り下げ / Withdrawn" in update.all_text() and set(update.buttons()) == {"case_draft_reply"}
        shown = cases_show(bot, case_id)
        assert (shown["status"], shown["reason"]) == ("withdrawn", "本人からメールで取り下げの連絡")
        last = shown["history"][-1]
        assert (last["from_status"], last["to_status"], last["actor"], last["note"]) == (
            "new", "withdrawn", MANAGER, "本人からメールで取り下げの連絡")


class TestTheMenuAndOldCards:
    def test_every_menu_option_opens_its_form_and_a_forged_one_nothing(self, bot: RunningBot) -> None:
        case_id, card = acknowledged(bot, type="disclosure")
        forms = {"case_refuse": "case_refuse_modal", "case_extend": "case_extend_modal",
                 "case_transfer": "case_transfer_modal", "case_withdraw": "case_withdraw_modal",
                 "case_edit": "case_edit_modal"}
        assert set(menu_options(card)) == set(forms)
        for action_id, callback_id in forms.items():
            assert press_for_form(bot, card, action_id)["callback_id"] == callback_id
        payload = block_action("case_more", "", user=MANAGER, channel=card.params["channel"], thread_ts=None,
                               response_url=bot.fake.response_url("forged"))
        [chosen] = payload["actions"]
        chosen.update(type="overflow", selected_option={"value": f"case_delete_everything {case_id}"})
        assert bot.slack.interaction(payload).status == 200
        [notice] = bot.fake.wait_for("response_url")
        assert notice.params["response_type"] == "ephemeral"
        assert len(bot.fake.calls_to("views.open")) == 1 + len(forms)
        assert cases_show(bot, case_id)["status"] == "acknowledged"

    def test_buttons_of_a_card_posted_before_the_menu_still_work(self, bot: RunningBot) -> None:
        case_id, card = acknowledged(bot, type="disclosure")
        for count, action_id in enumerate(("case_extend", "case_transfer", "case_refuse"), start=2):
            bot.slack.interaction(block_action(action_id, case_id, user=MANAGER, channel=card.params["channel"],
                                               thread_ts=None, response_url=bot.fake.response_url()))
            assert bot.fake.wait_for("views.open", count=count)[-1].json_param("view")["callback_id"] == (
                f"{action_id}_modal")
