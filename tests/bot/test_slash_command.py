"""`/privacy …` over the real HTTP endpoint with signed requests: `intake TEXT` opens the modal prefilled and
classified, `intake` alone opens it empty, `cases` shows the privacy team its open queue privately (and anyone else
the guide), `help` lists every form, and a question that merely starts with a verb is still answered."""
from __future__ import annotations

import json
import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest
from intake import JST, CaseDesk, classify, load_request_types, validate_new_case

from bot.views.queue_message import QUEUE_SHOWN
from tests.bot.conftest import AGENT, DEPUTY, MANAGER, STRANGER, TEAM_MEMBER, RunningBot, wait_until

#: The bot's clock: Monday 25 May 2026, 10:00 in Tokyo.
NOW = datetime(2026, 5, 25, 10, 0, tzinfo=JST)
REQUESTER_NAME = "依頼者の山田"
REQUESTER_EMAIL = "yamada@example.com"
DESCRIPTION = "録音の削除を希望"


def day(month: int, date: int, hour: int = 11) -> datetime:
    return datetime(2026, month, date, hour, 0, tzinfo=JST)


def new_case(desk: CaseDesk, type_id: str, *, received: datetime, due: datetime) -> str:
    data = {"type": type_id, "channel": "email", "description": DESCRIPTION,
            "requester": {"name": REQUESTER_NAME, "email": REQUESTER_EMAIL},
            "received_at": received.isoformat(), "due_at": due.isoformat()}
    new = validate_new_case(data, request_types=desk.request_types, config=desk.config, now=received)
    return desk.log(new, actor=MANAGER, now=received).id


@pytest.fixture
def team_bot(start_bot: Callable[..., RunningBot]) -> RunningBot:
    return start_bot(now=NOW, deputy=DEPUTY, privacy_team=(TEAM_MEMBER,))


def desk_of(bot: RunningBot) -> CaseDesk:
    return CaseDesk(bot.db(), config=bot.config, request_types=load_request_types())


def opened_view(bot: RunningBot, text: str, *, user: str = AGENT) -> dict[str, Any]:
    reply = bot.slack.command(text, response_url=bot.fake.response_url("cmd"), user_id=user)
    assert reply.status == 200 and reply.body == "", reply.body
    return bot.fake.wait_for("views.open")[-1].json_param("view")


class TestIntake:
    def test_intake_with_text_opens_the_modal_prefilled_and_classified_like_the_message_shortcut(
            self, bot: RunningBot, caplog: pytest.LogCaptureFixture) -> None:
        text = "退会したので削除してほしいと電話"
        with caplog.at_level(logging.INFO):
            view = opened_view(bot, f"intake {text}")
            wait_until(lambda: "intake modal opened source=command" in caplog.text)
        blocks = {block.get("block_id"): block for block in view["blocks"]}
        assert view["callback_id"] == "privacy_intake_modal"
        assert blocks["description"]["element"]["initial_value"] == text
        suggestion = classify(text)
        assert blocks["type"]["element"]["initial_option"]["value"] == suggestion.type == "deletion"
        assert f"{suggestion.confidence:.0%}" in json.dumps(view, ensure_ascii=False)
        assert text not in view["private_metadata"]
        assert text not in caplog.text and "prefilled=True" in caplog.text
        assert bot.fake.calls_to("response_url") == []  # not answered as a question

    @pytest.mark.parametrize("typed", ["ｉｎｔａｋｅ　退会したので削除してほしいと電話", "登録 退会したので削除してほしいと電話",
                                       "INTAKE: 退会したので削除してほしいと電話"])
    def test_full_width_upper_case_and_japanese_verbs_open_it_too(self, bot: RunningBot, typed: str) -> None:
        blocks = {block.get("block_id"): block for block in opened_view(bot, typed)["blocks"]}
        assert blocks["description"]["element"]["initial_value"] == "退会したので削除してほしいと電話"

    @pytest.mark.parametrize("typed", ["intake", "受付", "Ｉｎｔａｋｅ"])
    def test_intake_alone_opens_it_empty(self, bot: RunningBot, typed: str) -> None:
        blocks = {block.get("block_id"): block for block in opened_view(bot, typed)["blocks"]}
        assert "initial_value" not in blocks["description"]["element"]
        assert "initial_option" not in blocks["type"]["element"]

    def test_a_question_starting_with_a_verb_is_answered_not_opened(self, bot: RunningBot) -> None:
        reply = bot.slack.command("登録されている個人情報は？", response_url=bot.fake.response_url("cmd"))
        assert reply.status == 200
        [answer] = bot.fake.wait_for("response_url")
        assert answer.params["response_type"] == "ephemeral" and "第" in answer.all_text()
        assert bot.fake.calls_to("views.open") == []


class TestCases:
    def test_the_team_sees_its_open_queue_privately_overdue_first_without_personal_data(
            self, team_bot: RunningBot) -> None:
        desk = desk_of(team_bot)
        later = new_case(desk, "deletion", received=day(5, 20), due=day(6, 3, 18))
        overdue = new_case(desk, "general", received=day(5, 11), due=day(5, 18, 18))
        soon = new_case(desk, "disclosure", received=day(5, 22), due=day(5, 27, 18))
        for user in (MANAGER, TEAM_MEMBER):
            before = len(team_bot.fake.calls_to("response_url"))
            reply = team_bot.slack.command("cases", response_url=team_bot.fake.response_url("cmd"), user_id=user)
            assert reply.status == 200 and reply.body == ""  # the queue is read after the ack
            call = team_bot.fake.wait_for("response_url", count=before + 1)[-1]
            assert call.params["response_type"] == "ephemeral"
            text = call.all_text()
            assert [text.index(case_id) for case_id in (overdue, soon, later)] == sorted(
                text.index(case_id) for case_id in (overdue, soon, later))
            assert "期限超過 / overdue" in text and "3件" in text
            assert "消去 / Erasure" in text and "🆕 新規 / New" in text and "2026-05-27(水) 18:00" in text
            assert not any(value in text for value in (REQUESTER_NAME, REQUESTER_EMAIL, DESCRIPTION))

    @pytest.mark.parametrize("typed", ["一覧", "案件", "CASES", "ｃａｓｅｓ"])
    def test_the_japanese_and_full_width_forms_show_it_too(self, team_bot: RunningBot, typed: str) -> None:
        case_id = new_case(desk_of(team_bot), "general", received=day(5, 20), due=day(5, 27, 18))
        team_bot.slack.command(typed, response_url=team_bot.fake.response_url("cmd"), user_id=DEPUTY)
        [call] = team_bot.fake.wait_for("response_url")
        assert case_id in call.all_text()

    def test_a_long_queue_ends_with_and_n_more(self, team_bot: RunningBot) -> None:
        desk = desk_of(team_bot)
        for number in range(QUEUE_SHOWN + 3):
            new_case(desk, "general", received=day(5, 20), due=day(6, 1 + number % 20, 18))
        team_bot.slack.command("cases", response_url=team_bot.fake.response_url("cmd"), user_id=MANAGER)
        [call] = team_bot.fake.wait_for("response_url")
        text = call.all_text()
        assert text.count("• *PRV-") == QUEUE_SHOWN
        assert "ほか 3件" in text and "and 3 more" in text

    def test_anyone_else_gets_the_guide_and_no_case(self, team_bot: RunningBot) -> None:
        case_id = new_case(desk_of(team_bot), "general", received=day(5, 20), due=day(5, 27, 18))
        for user in (STRANGER, AGENT):
            reply = team_bot.slack.command("cases", response_url=team_bot.fake.response_url("cmd"), user_id=user)
            guide = reply.json()
            assert guide["response_type"] == "ephemeral" and "How to use privacy-bot" in guide["text"]
            assert case_id not in reply.body
        assert team_bot.fake.calls_to("response_url") == []

    def test_an_empty_queue_says_so(self, team_bot: RunningBot) -> None:
        team_bot.slack.command("cases", response_url=team_bot.fake.response_url("cmd"), user_id=MANAGER)
        [call] = team_bot.fake.wait_for("response_url")
        assert "未完了の依頼はありません。 / No open requests." in call.all_text()


class TestHelp:
    @pytest.mark.parametrize(("typed", "heading"), [("help", "What `/privacy` does"), ("ヘルプ", "`/privacy` の使い方"),
                                                    ("使い方", "`/privacy` の使い方"), ("HELP", "What `/privacy` does")])
    def test_help_lists_every_form_in_the_askers_language(self, bot: RunningBot, typed: str, heading: str) -> None:
        reply = bot.slack.command(typed, response_url=bot.fake.response_url())
        text = reply.json()["text"]
        assert reply.json()["response_type"] == "ephemeral" and heading in text
        for form in ("`/privacy intake ", "`/privacy cases`", "`/privacy help`"):
            assert form in text
        assert ("`/privacy your question`" if typed.isascii() else "`/privacy 質問`") in text
        if not typed.isascii():
            assert "`登録`" in text and "`一覧`" in text
