"""The Slack modals apply the command line's checks, because both call intake/: control characters are refused
next to their field, invisible characters are removed, and an extension lies at most a year ahead."""
from __future__ import annotations

from collections.abc import Callable

from tests.bot.conftest import MANAGER, RunningBot
from tests.bot.intake_helpers import MONDAY_10, REQUESTER, press, submit, valid_answers
from tests.bot.test_intake import cases_show, open_modal, wait_dm


def test_control_characters_are_refused_next_to_their_field(start_bot: Callable[..., RunningBot]) -> None:
    bot = start_bot(now=MONDAY_10)
    reply = submit(bot.slack, open_modal(bot), valid_answers(**{"requester.name": "山田\u0000太郎"}), user="U0AGENT")
    assert reply.status == 200
    errors = reply.json()["errors"]
    assert list(errors) == ["requester.name"] and "U+0000" in errors["requester.name"]
    assert list(bot.db().query("SELECT id FROM cases")) == []


def test_invisible_characters_are_removed(start_bot: Callable[..., RunningBot]) -> None:
    bot = start_bot(now=MONDAY_10)
    answers = valid_answers(**{"requester.name": "山田\u200b太郎",
                               "description": "\u202e" + REQUESTER["description"] + "\ufeff"})
    assert submit(bot.slack, open_modal(bot), answers, user="U0AGENT").json()["response_action"] == "update"
    [case_id] = [row["id"] for row in bot.db().query("SELECT id FROM cases")]
    shown = cases_show(bot, case_id)
    assert shown["requester"]["name"] == "山田太郎" and shown["description"] == REQUESTER["description"]


def test_an_extension_more_than_a_year_out_is_refused_in_the_modal(start_bot: Callable[..., RunningBot]) -> None:
    bot = start_bot(now=MONDAY_10)
    assert submit(bot.slack, open_modal(bot), valid_answers(), user="U0AGENT").status == 200
    [case_id] = [row["id"] for row in bot.db().query("SELECT id FROM cases")]
    [card] = wait_dm(bot, MANAGER)
    press(bot.slack, card, "case_extend", user=MANAGER, response_url=bot.fake.response_url())
    view = bot.fake.wait_for("views.open", count=2)[-1].json_param("view")
    reply = submit(bot.slack, view, {"due": "2027-05-12", "reason": "資料が膨大なため"}, user=MANAGER)
    assert reply.json()["response_action"] == "errors" and "1年以内" in reply.json()["errors"]["due"]
    assert cases_show(bot, case_id)["due_at"] == "2026-05-25T18:00:00+09:00"
    assert submit(bot.slack, view, {"due": "2027-05-10", "reason": "資料が膨大なため"}, user=MANAGER).status == 200
    assert cases_show(bot, case_id)["due_at"] == "2027-05-10T18:00:00+09:00"
