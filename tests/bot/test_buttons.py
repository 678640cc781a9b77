"""The buttons under an answer: votes are stored, 👎 asks why, the manager can be asked, answers can be shared."""
from __future__ import annotations

import json

from tests.bot.conftest import MANAGER, RunningBot
from tests.fake_slack import Call
from tests.slack_helpers import block_action, direct_message, mention, view_submission


def _answer(bot: RunningBot, question: str = "開示請求が来たらどうする？", **kwargs: str) -> Call:
    bot.slack.event(mention(question, ts="1700000400.000100", **kwargs))
    [call] = bot.fake.wait_for("chat.postMessage")
    return call


class TestVotes:
    def test_thumbs_up_is_stored_with_question_answer_and_user(self, bot: RunningBot) -> None:
        value = _answer(bot).buttons()["answer_vote_up"]["value"]
        reply = bot.slack.interaction(
            block_action("answer_vote_up", value, user="U0VOTER", response_url=bot.fake.response_url("up"))
        )
        assert reply.status == 200
        [thanks] = bot.fake.wait_for("response_url")
        assert "ありがとうございます" in thanks.all_text()
        assert thanks.params["response_type"] == "ephemeral"
        [vote] = bot.feedback_votes()
        assert vote["vote"] == "up"
        assert vote["user_id"] == "U0VOTER"
        assert vote["question"] == "開示請求が来たらどうする？"
        assert "遅滞なく" in str(vote["answer"])
        assert json.loads(str(vote["sections"]))[0] == "10"

    def test_thumbs_down_is_stored_and_asks_for_an_optional_comment(self, bot: RunningBot) -> None:
        value = _answer(bot).buttons()["answer_vote_down"]["value"]
        bot.slack.interaction(block_action("answer_vote_down", value, response_url=bot.fake.response_url()))
        [opened] = bot.fake.wait_for("views.open")
        view = opened.json_param("view")
        assert view["callback_id"] == "feedback_comment"
        assert view["blocks"][0]["optional"] is True
        [vote] = bot.feedback_votes()
        assert vote["vote"] == "down" and vote["comment"] is None

        values = {"feedback_comment_block": {"feedback_comment_input": {"type": "plain_text_input",
                                                                       "value": "退職者の場合が知りたかった"}}}
        reply = bot.slack.interaction(
            view_submission("feedback_comment", private_metadata=view["private_metadata"], values=values)
        )
        assert reply.status == 200
        [vote] = bot.feedback_votes()
        assert vote["comment"] == "退職者の場合が知りたかった"

    def test_a_comment_cannot_be_attached_to_someone_elses_vote(self, bot: RunningBot) -> None:
        value = _answer(bot).buttons()["answer_vote_down"]["value"]
        bot.slack.interaction(block_action("answer_vote_down", value, response_url=bot.fake.response_url()))
        [opened] = bot.fake.wait_for("views.open")
        metadata = opened.json_param("view")["private_metadata"]
        values = {"feedback_comment_block": {"feedback_comment_input": {"value": "spam"}}}
        bot.slack.interaction(view_submission("feedback_comment", private_metadata=metadata, values=values,
                                              user="U0INTRUDER"))
        assert bot.feedback_votes()[0]["comment"] is None


class TestAskTheManager:
    def test_the_question_reaches_the_manager_with_a_link_to_the_thread(self, bot: RunningBot) -> None:
        value = _answer(bot, "会議室の予約方法").buttons()["answer_ask_manager"]["value"]
        bot.slack.interaction(block_action("answer_ask_manager", value, user="U0ASKER",
                                           thread_ts="1700000400.000100", response_url=bot.fake.response_url()))
        [opened] = bot.fake.wait_for("conversations.open")
        assert opened.params["users"] == MANAGER
        dms = bot.fake.wait_for("chat.postMessage", count=2)
        dm = dms[1]
        assert dm.params["channel"] == "D" + MANAGER
        text = dm.all_text()
        assert "会議室の予約方法" in text and "<@U0ASKER>" in text
        assert "https://fake.slack.com/archives/C0GENERAL/p1700000400000100" in text
        [confirmation] = bot.fake.wait_for("response_url")
        assert f"<@{MANAGER}>" in confirmation.all_text()

    def test_without_a_configured_manager_the_asker_is_told_politely(self, start_bot) -> None:
        bot = start_bot(manager=None)
        value = _answer(bot, "会議室の予約方法").buttons()["answer_ask_manager"]["value"]
        bot.slack.interaction(block_action("answer_ask_manager", value, response_url=bot.fake.response_url()))
        [notice] = bot.fake.wait_for("response_url")
        assert "設定されていない" in notice.all_text() and "info@selfree.co.jp" in notice.all_text()
        assert bot.fake.calls_to("conversations.open") == []

    def test_an_english_asker_gets_an_english_confirmation(self, bot: RunningBot) -> None:
        bot.slack.event(direct_message("How do I book a meeting room?"))
        [answer] = bot.fake.wait_for("chat.postMessage")
        value = answer.buttons()["answer_ask_manager"]["value"]
        bot.slack.interaction(block_action("answer_ask_manager", value, channel="D0ASKER", thread_ts=None,
                                           response_url=bot.fake.response_url()))
        [confirmation] = bot.fake.wait_for("response_url")
        assert "sent your question to the privacy manager" in confirmation.all_text()
        assert bot.fake.calls_to("chat.getPermalink") == []  # a DM with the bot has no link the manager can open


class TestShare:
    def test_share_posts_the_answer_in_the_channel_and_removes_the_private_copy(self, bot: RunningBot) -> None:
        bot.slack.command("開示請求が来たらどうする？", response_url=bot.fake.response_url("cmd"))
        [private] = bot.fake.wait_for("response_url")
        value = private.buttons()["answer_share_in_channel"]["value"]
        bot.slack.interaction(block_action("answer_share_in_channel", value, is_ephemeral=True, thread_ts=None,
                                           response_url=bot.fake.response_url("share")))
        _, public, delete = bot.fake.wait_for("response_url", count=3)
        assert public.params["response_type"] == "in_channel"
        assert "<@U0ASKER> さんの質問" in public.all_text() and "第10条" in public.all_text()
        assert "answer_share_in_channel" not in public.buttons()
        assert delete.params["delete_original"] is True
