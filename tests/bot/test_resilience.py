"""Slack being busy, people typing odd things, and payloads with holes: a polite answer or a logged ignore,
never a 500, and logs that carry Slack ids but never what people wrote."""
from __future__ import annotations

import json
import logging
import time

import pytest

from tests.bot.conftest import FAST_ANSWERS, RunningBot
from tests.fake_slack import BOT_USER_ID
from tests.slack_helpers import block_action, direct_message, event_envelope, mention


class TestSlackTrouble:
    def test_a_429_is_retried_after_retry_after(self, bot: RunningBot) -> None:
        """chat.postMessage answers 429 (Retry-After: 0) once; the client waits and the answer still arrives."""
        bot.fake.fail_next("chat.postMessage", status=429, retry_after=0)
        bot.slack.event(mention("開示請求が来たらどうする？"))
        first, second = bot.fake.wait_for("chat.postMessage", count=2, timeout=5)
        assert first.params == second.params

    def test_a_500_is_retried(self, bot: RunningBot) -> None:
        bot.fake.fail_next("chat.postMessage", status=500)
        bot.slack.event(mention("開示請求が来たらどうする？"))
        bot.fake.wait_for("chat.postMessage", count=2)

    def test_a_failure_is_logged_under_an_id_the_user_also_sees(self, bot: RunningBot,
                                                                 caplog: pytest.LogCaptureFixture) -> None:
        """When Slack keeps failing, the error handler logs an error id (no text) and tells the asker that id."""
        caplog.set_level(logging.INFO)
        attempts = FAST_ANSWERS.attempts
        bot.fake.fail_next("chat.postMessage", status=500, times=attempts)  # the answer and every retry
        bot.slack.event(mention("秘密の質問: 開示請求"))
        calls = bot.fake.wait_for("chat.postMessage", count=attempts + 1)
        apology = calls[attempts].all_text()
        assert "エラー番号" in apology
        [record] = [r for r in caplog.records if "error_id=" in r.getMessage() and r.levelno == logging.ERROR]
        error_id = record.getMessage().split("error_id=")[1].split()[0]
        assert error_id in apology
        assert "SlackApiError(internal_error)" in record.getMessage()
        assert all("秘密の質問" not in r.getMessage() for r in caplog.records)


BAD_MESSAGES = {
    "100 KB": "開示" + "あ" * 100_000,
    "control characters": "開示請求\x00\x07\x1b[31m は？\u202e",
    "only a mention": "",
    "only emoji": "😀🙏 :smile: :+1:",
    "only markup": "<#C0GENERAL|general> <https://example.com|link>",
}


class TestBadInput:
    @pytest.mark.parametrize("text", BAD_MESSAGES.values(), ids=BAD_MESSAGES.keys())
    def test_odd_messages_get_a_polite_answer(self, bot: RunningBot, text: str) -> None:
        reply = bot.slack.event(mention(text))
        assert reply.status == 200
        [call] = bot.fake.wait_for("chat.postMessage")
        assert len(call.blocks()) <= 50
        assert all(len(json.dumps(block, ensure_ascii=False)) < 4000 for block in call.blocks())
        assert call.all_text().strip()

    def test_only_a_mention_asks_for_a_question(self, bot: RunningBot) -> None:
        bot.slack.event({**mention(""), "text": f"<@{BOT_USER_ID}>"})
        [call] = bot.fake.wait_for("chat.postMessage")
        assert "質問の内容が見つかりませんでした" in call.all_text()

    PAYLOADS_WITH_HOLES = {
        "event without type": {"type": "event_callback", "event_id": "Ev0HOLE1", "event": {"text": "x"}},
        "event not an object": {"type": "event_callback", "event_id": "Ev0HOLE2", "event": "app_mention"},
        "no event at all": {"type": "event_callback", "event_id": "Ev0HOLE3"},
        "mention without channel": event_envelope({"type": "app_mention", "text": "開示", "user": "U1", "ts": "1.2"}),
        "mention without text": event_envelope({"type": "app_mention", "channel": "C1", "user": "U1", "ts": "1.2"}),
        "dm without user": event_envelope({"type": "message", "channel_type": "im", "channel": "D1", "text": "a",
                                           "ts": "1.3"}),
        "no event_id": {k: v for k, v in event_envelope(mention("開示請求は？")).items() if k != "event_id"},
    }

    @pytest.mark.parametrize("body", PAYLOADS_WITH_HOLES.values(), ids=PAYLOADS_WITH_HOLES.keys())
    def test_events_with_missing_fields_never_get_a_500(self, bot: RunningBot, body: dict) -> None:
        reply = bot.slack.post_raw(json.dumps(body, ensure_ascii=False), content_type="application/json")
        assert reply.status == 200

    def test_interactions_with_missing_fields_never_get_a_500(self, bot: RunningBot) -> None:
        url = bot.fake.response_url()
        broken = [
            {"type": "block_actions", "user": {"id": "U1"}},  # no actions
            {"type": "block_actions", "actions": []},
            {"type": "block_actions", "actions": [{"value": "ja:1"}]},  # no action_id
            block_action("answer_vote_up", "not-a-ref", response_url=url),
            block_action("answer_vote_up", "ja:999999", response_url=url),  # no such answer
            {**block_action("answer_ask_manager", "ja:1", response_url=url), "user": None, "channel": None},
            {"type": "view_submission", "view": {"id": "V1"}},
            {"type": "view_submission", "user": {"id": "U1"},
             "view": {"callback_id": "feedback_comment", "private_metadata": "{not json"}},
            {"type": "view_submission", "user": {"id": "U1"},
             "view": {"type": "modal", "callback_id": "feedback_comment", "private_metadata": "{not json"}},
            {"type": "view_submission", "view": {"type": "modal", "callback_id": "feedback_comment", "state": 3}},
        ]
        for payload in broken:
            assert bot.slack.interaction(payload).status == 200, payload
        [gone, *_] = bot.fake.wait_for("response_url", count=2)
        assert "見つかりませんでした" in gone.all_text()

    def test_a_command_with_missing_fields_is_answered(self, bot: RunningBot) -> None:
        reply = bot.slack.post_raw("command=%2Fprivacy", content_type="application/x-www-form-urlencoded")
        assert reply.status == 200 and "使い方" in reply.json()["text"]
        reply = bot.slack.post_raw("command=%2Fprivacy&text=%E9%96%8B%E7%A4%BA",
                                   content_type="application/x-www-form-urlencoded")
        assert reply.status == 200


class TestLogs:
    def test_logs_carry_slack_ids_and_never_the_question(self, bot: RunningBot,
                                                        caplog: pytest.LogCaptureFixture) -> None:
        caplog.set_level(logging.DEBUG, logger="bot")
        bot.slack.event(direct_message("田中一郎さんの開示請求の件", user="U0TANAKA"), event_id="Ev0LOGS")
        bot.fake.wait_for("chat.postMessage")
        time.sleep(0.1)
        messages = [r.getMessage() for r in caplog.records if r.name.startswith("bot")]
        assert any("event_id=Ev0LOGS" in m and "user=U0TANAKA" in m for m in messages)
        assert all("田中" not in m for m in messages)
