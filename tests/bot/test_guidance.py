"""Critical questions: a possible leak or an authority's request gets the steps first and a button that opens the
intake modal with the urgent type preset, over the real HTTP endpoint against the fake Slack."""
from __future__ import annotations

import time

import pytest

from tests.bot.conftest import RunningBot
from tests.slack_helpers import block_action, direct_message, mention


@pytest.mark.parametrize(
    ("question", "request_type", "steps"),
    [
        ("顧客リストを間違えて別の取引先にメールで送ってしまいました。どうすれば？", "leak_report", "漏えい等の申告"),
        ("Someone just emailed a customer list to the wrong person by mistake, what now?", "leak_report", "urgent leak"),
        ("警察署から利用者の登録情報を提出してほしいと電話が来ました", "authority_request", "捜査機関等からの照会"),
    ],
)
def test_guidance_comes_before_the_quote(bot: RunningBot, question: str, request_type: str, steps: str) -> None:
    bot.slack.event(mention(question))
    [call] = bot.fake.wait_for("chat.postMessage")
    first = call.blocks()[0]["text"]["text"]
    assert "⚠" in first and steps in first
    assert ("責任者の指示があるまで" in first) or ("until the manager says so" in first)
    assert call.buttons()["guidance_open_urgent_intake"]["value"] == request_type


def test_the_button_opens_the_intake_modal_with_the_type_preset(bot: RunningBot) -> None:
    bot.slack.event(direct_message("誤送信で他のお客様の情報が漏えいしたかもしれません"))
    [call] = bot.fake.wait_for("chat.postMessage")
    value = call.buttons()["guidance_open_urgent_intake"]["value"]
    bot.slack.interaction(block_action("guidance_open_urgent_intake", value, channel="D0ASKER",
                                       response_url=bot.fake.response_url()))
    [opened] = bot.fake.wait_for("views.open")
    view = opened.json_param("view")
    assert view["callback_id"] == "privacy_intake_modal"
    type_block = next(b for b in view["blocks"] if b.get("block_id") == "type")
    assert type_block["element"]["initial_option"]["value"] == "leak_report"
    urgent_block = next(b for b in view["blocks"] if b.get("block_id") == "urgent")
    assert urgent_block["element"]["initial_options"][0]["value"] == "urgent"


def test_a_forged_value_opens_the_modal_unset(bot: RunningBot) -> None:
    bot.slack.interaction(block_action("guidance_open_urgent_intake", "deletion", response_url=bot.fake.response_url()))
    [opened] = bot.fake.wait_for("views.open")
    type_block = next(b for b in opened.json_param("view")["blocks"] if b.get("block_id") == "type")
    assert "initial_option" not in type_block["element"]


@pytest.mark.parametrize("question", ["漏えいが起きた場合、報告期限は何日？", "Which section covers requests from the police?"])
def test_a_question_about_the_rules_gets_no_guidance(bot: RunningBot, question: str) -> None:
    bot.slack.event(mention(question))
    [call] = bot.fake.wait_for("chat.postMessage")
    assert "guidance_open_urgent_intake" not in call.buttons()
    time.sleep(0.05)
