"""Every acknowledged question is answered exactly once: across a `kill -9` of a real `privacy-bot serve --http`,
when a post may have landed just before the kill, and when the backlog is full (then the asker is told the bot
is busy, never left in silence)."""
from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import threading
import time
from collections import Counter
from collections.abc import Callable

from bot.inbox import inbox_path
from tests.bot.conftest import RunningBot, kill_9, wait_until
from tests.fake_slack import FakeSlack
from tests.slack_helpers import SlackSender, direct_message, mention

Serve = Callable[[], tuple[subprocess.Popen[str], SlackSender]]
BUSY_JA = "ただいま混み合って"
BUSY_EN = "too busy"


def inbox_rows(db_path: str | os.PathLike[str], sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(inbox_path(db_path)) as conn:
        return conn.execute(sql).fetchall()


class TestKill9:
    def test_a_burst_in_flight_when_the_server_is_killed_is_answered_exactly_once_after_a_restart(
            self, serve_http: Serve, serve_environ: dict[str, str], fake_slack: FakeSlack) -> None:
        """60 questions sent while Slack is slow (every post takes 2 s), kill -9 while posts are in flight and the
        rest wait; after the restart every acknowledged question has exactly one reply: a mention in its thread, a
        DM in the DM, a command at its response_url."""
        process, slack = serve_http()
        fake_slack.slow_down("chat.postMessage", 2)
        mentions = [f"1700100{n:03d}.000100" for n in range(20)]
        dms = [f"D0ASK{n:03d}" for n in range(20)]
        for ts, channel in zip(mentions, dms):
            assert slack.event(mention("開示請求が来たらどうする？", channel="C0BURST", ts=ts)).status == 200
            assert slack.event(direct_message("Cookieを止めたい", channel=channel)).status == 200
        commands: list[str] = []  # those acked before the kill; Slack shows the others as failed, nothing is owed

        def send_commands() -> None:
            for n in range(20):
                try:
                    reply = slack.command("個人情報の削除を求められた", response_url=fake_slack.response_url(f"cmd{n:03d}"))
                except OSError:
                    return
                if reply.status == 200:
                    commands.append(f"/response/cmd{n:03d}")

        sender = threading.Thread(target=send_commands)
        sender.start()
        deadline = time.monotonic() + 3
        while len(commands) < 10 and time.monotonic() < deadline:
            time.sleep(0.01)
        fake_slack.wait_for("chat.postMessage", count=8, timeout=10)  # posts in flight, none confirmed yet
        kill_9(process)
        sender.join()
        assert len(fake_slack.calls_to("chat.postMessage")) < len(mentions) + len(dms)  # the kill left work undone

        fake_slack.heal()
        serve_http()

        def replies() -> tuple[Counter[str], Counter[str], Counter[str]]:
            posts = fake_slack.calls_to("chat.postMessage")
            return (Counter(str(call.params.get("thread_ts")) for call in posts if call.params["channel"] == "C0BURST"),
                    Counter(str(call.params["channel"]) for call in posts if call.params["channel"] in dms),
                    Counter(call.path for call in fake_slack.calls_to("response_url")))

        wait_until(lambda: all(set(found) >= set(wanted) for found, wanted in zip(replies(),
                                                                                 (mentions, dms, commands))),
                   timeout=60)
        wait_until(lambda: inbox_rows(serve_environ["PRIVACY_BOT_DB"], "SELECT COUNT(*) FROM inbox "
                                                                      "WHERE status IN ('owed', 'answering')") == [(0,)])
        in_threads, in_dms, at_response_urls = replies()
        assert in_threads == Counter(mentions) and in_dms == Counter(dms)
        # A response_url cannot be read back: a command killed between its answer and our mark may get it twice.
        assert set(commands) <= set(at_response_urls) and max(at_response_urls.values()) <= 2
        assert fake_slack.calls_to("conversations.replies") or fake_slack.calls_to("conversations.history")
        assert all(BUSY_JA not in call.all_text() for call in fake_slack.calls_to("chat.postMessage"))
        assert inbox_rows(serve_environ["PRIVACY_BOT_DB"], "SELECT COUNT(*) FROM inbox WHERE question IS NOT NULL "
                                                           "OR message IS NOT NULL") == [(0,)]

    def test_an_answer_that_landed_just_before_the_kill_is_found_not_posted_again(
            self, serve_http: Serve, serve_environ: dict[str, str], fake_slack: FakeSlack) -> None:
        process, slack = serve_http()
        fake_slack.stall_next("chat.postMessage", 60)  # Slack posts the answer, our process never hears back
        slack.event(mention("開示請求が来たらどうする？", channel="C0ONE", ts="1700200000.000100"), event_id="Ev0KILLED")
        fake_slack.wait_for("chat.postMessage")
        kill_9(process)

        fake_slack.heal()
        serve_http()
        wait_until(lambda: inbox_rows(serve_environ["PRIVACY_BOT_DB"],
                                      "SELECT outcome FROM inbox WHERE key = 'Ev0KILLED' AND status = 'done'"))
        [(outcome,)] = inbox_rows(serve_environ["PRIVACY_BOT_DB"], "SELECT outcome FROM inbox WHERE key = 'Ev0KILLED'")
        assert outcome == "found-already-posted"
        [lookup] = fake_slack.calls_to("conversations.replies")
        assert lookup.params["channel"] == "C0ONE" and lookup.params["ts"] == "1700200000.000100"
        time.sleep(0.3)
        assert len(fake_slack.calls_to("chat.postMessage")) == 1


class TestBacklog:
    def test_beyond_the_limit_askers_are_told_busy_and_each_question_gets_one_reply(
            self, start_bot: Callable[..., RunningBot]) -> None:
        """Slack is slow and at most 2 questions may be owed: the 3rd and later are told, in their own language,
        to try again; none is dropped and none gets two replies."""
        bot = start_bot(backlog_limit=2)
        bot.fake.slow_down("chat.postMessage", 0.5)
        questions = {f"1700300{n:03d}.000100": text for n, text in enumerate(
            ["開示請求が来たらどうする？", "Cookieを止めたい", "個人情報の削除を求められた", "What cookies do you use?"])}
        for ts, text in questions.items():
            reply = bot.slack.event(mention(text, ts=ts))
            assert reply.status == 200 and reply.elapsed < 1
        posts = bot.fake.wait_for("chat.postMessage", count=len(questions), timeout=10)
        time.sleep(0.6)
        by_thread = {call.params["thread_ts"]: call.all_text() for call in bot.fake.calls_to("chat.postMessage")}
        assert len(posts) == len(by_thread) == len(questions)
        first, second, third, fourth = (by_thread[ts] for ts in questions)
        assert "第10条" in first and BUSY_JA not in first and BUSY_JA not in second
        assert BUSY_JA in third and BUSY_EN in fourth

    def test_a_command_beyond_the_limit_is_told_busy_in_its_ack(self, start_bot: Callable[..., RunningBot]) -> None:
        bot = start_bot(backlog_limit=1)
        bot.fake.slow_down("chat.postMessage", 1)
        bot.slack.event(mention("開示請求が来たらどうする？"))
        reply = bot.slack.command("開示請求の期限は？", response_url=bot.fake.response_url("late"))
        assert reply.status == 200 and BUSY_JA in reply.json()["text"]
        bot.fake.wait_for("chat.postMessage")
        time.sleep(0.3)
        assert bot.fake.calls_to("response_url") == []

    def test_the_inbox_is_readable_by_its_owner_only(self, bot: RunningBot) -> None:
        """It holds question text until the answer is out."""
        bot.slack.event(direct_message("開示請求は？"))
        bot.fake.wait_for("chat.postMessage")
        assert stat.S_IMODE(os.stat(inbox_path(bot.db_path)).st_mode) == 0o600
