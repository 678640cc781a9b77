"""Questions asked in Slack get the policy's answer, where they were asked, once."""
from __future__ import annotations

import time

from tests.bot.conftest import RunningBot
from tests.slack_helpers import direct_message, mention


class TestMention:
    def test_answered_in_the_thread_citing_the_section(self, bot: RunningBot) -> None:
        """「開示請求が来たらどうする？」 in a channel → an answer in its thread quoting and citing §10."""
        event = mention("開示請求が来たらどうする？", channel="C0GENERAL", ts="1700000100.000100")
        reply = bot.slack.event(event)
        assert reply.status == 200
        [call] = bot.fake.wait_for("chat.postMessage")
        assert call.params["channel"] == "C0GENERAL"
        assert call.params["thread_ts"] == "1700000100.000100"
        text = call.all_text()
        assert "第10条" in text
        assert "遅滞なく応じます" in text  # the verbatim policy text
        assert set(call.buttons()) >= {"answer_vote_up", "answer_vote_down", "answer_ask_manager"}

    def test_a_mention_inside_a_thread_is_answered_in_that_thread(self, bot: RunningBot) -> None:
        """A follow-up mention in an existing thread stays in that thread."""
        bot.slack.event(mention("Cookieを止めたい", ts="1700000300.000300", thread_ts="1700000200.000200"))
        [call] = bot.fake.wait_for("chat.postMessage")
        assert call.params["thread_ts"] == "1700000200.000200"

    def test_a_retried_event_is_answered_once(self, bot: RunningBot) -> None:
        """Slack's retries (X-Slack-Retry-Num) carry the same event_id and get no second answer."""
        event = mention("開示請求が来たらどうする？")
        assert bot.slack.event(event, event_id="Ev0RETRY").status == 200
        bot.fake.wait_for("chat.postMessage")
        for attempt in (1, 2, 3):
            assert bot.slack.event(event, event_id="Ev0RETRY", retry_num=attempt).status == 200
        time.sleep(0.3)
        assert len(bot.fake.calls_to("chat.postMessage")) == 1

    def test_an_event_redelivered_after_a_restart_is_not_answered_again(self, start_bot, bot: RunningBot) -> None:
        """The event ids live in SQLite, so a new process on the same database still knows them."""
        event = mention("開示請求が来たらどうする？")
        bot.slack.event(event, event_id="Ev0RESTART")
        bot.fake.wait_for("chat.postMessage")
        bot.server.stop()
        restarted = start_bot()
        assert restarted.slack.event(event, event_id="Ev0RESTART", retry_num=1).status == 200
        time.sleep(0.3)
        assert len(bot.fake.calls_to("chat.postMessage")) == 1

    def test_an_off_topic_question_gets_no_invented_answer(self, bot: RunningBot) -> None:
        """「会議室の予約方法」 is not in the policy: the bot says so, points to §16 and the manager, and guesses nothing."""
        bot.slack.event(mention("会議室の予約方法"))
        [call] = bot.fake.wait_for("chat.postMessage")
        text = call.all_text()
        assert "記載が見つかりませんでした" in text
        assert "推測でお答えすることは控えます" in text
        assert "info@selfree.co.jp" in text
        assert set(call.buttons()) == {"answer_ask_manager"}  # nothing to vote on: no answer was given

    def test_bots_edits_and_joins_are_ignored(self, bot: RunningBot) -> None:
        """Other bots' messages, edits and joins are acknowledged (200) and never answered."""
        events = [
            mention("開示請求は？", bot_id="B0OTHER"),
            direct_message("開示請求は？", bot_id="B0OTHER"),
            direct_message("開示請求は？", subtype="message_changed"),
            direct_message("", subtype="channel_join"),
            {**direct_message("開示請求は？"), "channel_type": "channel"},
        ]
        for event in events:
            assert bot.slack.event(event).status == 200
        # Our own message comes back as an event too; Bolt drops it by our bot ids from auth.test.
        assert bot.slack.event(direct_message("開示請求は？", user="U0BOT", bot_id="B0BOT")).status == 200
        time.sleep(0.3)
        assert bot.fake.calls_to("chat.postMessage") == []


class TestDirectMessage:
    def test_an_english_dm_is_answered_from_the_japanese_policy(self, bot: RunningBot) -> None:
        """English in, English out: the Japanese text quoted verbatim, the English marked as a translation."""
        bot.slack.event(direct_message("How do we handle a disclosure request?"))
        [call] = bot.fake.wait_for("chat.postMessage")
        assert call.params["channel"] == "D0ASKER"
        assert "thread_ts" not in call.params or call.params["thread_ts"] is None
        text = call.all_text()
        assert "Section 10" in text
        assert "遅滞なく応じます" in text  # the binding Japanese text
        assert "translation" in text and "the Japanese text governs" in text
        assert "without delay" in text
        assert "👍 Helpful" in text


class TestSlashCommand:
    def test_answers_privately_with_a_share_button(self, bot: RunningBot) -> None:
        """`/privacy 質問` → an ephemeral answer at response_url, with "チャンネルに共有"."""
        reply = bot.slack.command("開示請求が来たらどうする？", response_url=bot.fake.response_url("cmd"))
        assert reply.status == 200
        [call] = bot.fake.wait_for("response_url")
        assert call.params["response_type"] == "ephemeral"
        assert "第10条" in call.all_text()
        assert "answer_share_in_channel" in call.buttons()
        assert "チャンネルに共有" in call.all_text()

    def test_help_and_bare_command_show_the_guide_in_the_askers_language(self, bot: RunningBot) -> None:
        """`/privacy` alone → Japanese guide; `/privacy help` → English guide; both in the ack itself."""
        bare = bot.slack.command("", response_url=bot.fake.response_url())
        assert bare.status == 200 and "privacy-bot の使い方" in bare.json()["text"]
        english = bot.slack.command("help", response_url=bot.fake.response_url())
        assert "How to use privacy-bot" in english.json()["text"]
        japanese = bot.slack.command("ヘルプ", response_url=bot.fake.response_url())
        assert "使い方" in japanese.json()["text"]

    def test_an_unknown_sub_command_is_just_a_question(self, bot: RunningBot) -> None:
        """`/privacy frobnicate now` is not an error: it is asked like any question (and politely not found)."""
        reply = bot.slack.command("frobnicate now", response_url=bot.fake.response_url())
        assert reply.status == 200
        [call] = bot.fake.wait_for("response_url")
        assert "privacy policy" in call.all_text()
