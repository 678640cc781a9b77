"""The HTTP edge under attack and under odd traffic, through the real server against the fake Slack.

1. A request that fails verification for any reason (headers missing or garbled, bad signature, stale timestamp)
   or whose body is malformed is answered 401/400 and nothing else happens: no Slack call, no request to its
   `response_url`, no database row, no traceback.
2. Bodies are capped (413 before the body is read), never logged, and every log line stays one line: checked on
   the stderr of a real `privacy-bot serve --http` process.
3. An answer's buttons act only where the answer was posted, and never show another person's question.
7. Requests the app has no listener for (a stale button, an old shortcut or view, `app_rate_limited`, unknown
   events) are acknowledged with 200 and one log line; whoever pressed something stale is told privately.
"""
from __future__ import annotations

import http.client
import json
import logging
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from bot.log_format import OneLineFormatter
from tests.bot.conftest import MANAGER, RunningBot
from tests.bot.edge_helpers import (
    MAX_BODY,
    Snapshot,
    assert_clean_log,
    assert_nothing_happened,
    interaction_body,
    new_calls,
    post,
    signed,
    snapshot,
    ssrf_payload,
)
from tests.bot.intake_helpers import REQUESTER, valid_answers
from tests.fake_slack import TEAM_ID, FakeSlack
from tests.slack_helpers import (
    BOT_TOKEN,
    SIGNING_SECRET,
    block_action,
    direct_message,
    event_envelope,
    mention,
    server_config,
)

# -- 1. Nothing runs on an unverified request -------------------------------------------------------------------


NOW = "<now>"  # replaced by the current time when the request is sent
SIGNATURE_SHAPED = "v0=" + "0" * 64
GARBLED_HEADERS: dict[str, list[tuple[str, str | bytes]]] = {
    "no headers": [],
    "no timestamp": [("X-Slack-Signature", SIGNATURE_SHAPED)],
    "no signature": [("X-Slack-Request-Timestamp", NOW)],
    "timestamp not a number": [("X-Slack-Request-Timestamp", "abc"), ("X-Slack-Signature", SIGNATURE_SHAPED)],
    "timestamp empty": [("X-Slack-Request-Timestamp", ""), ("X-Slack-Signature", SIGNATURE_SHAPED)],
    "timestamp full-width digits": [("X-Slack-Request-Timestamp", "１７００００００００".encode()),
                                    ("X-Slack-Signature", SIGNATURE_SHAPED)],
    "timestamp huge": [("X-Slack-Request-Timestamp", "9" * 400), ("X-Slack-Signature", SIGNATURE_SHAPED)],
    "timestamp float": [("X-Slack-Request-Timestamp", "1.7e9"), ("X-Slack-Signature", SIGNATURE_SHAPED)],
    "timestamp twice": [("X-Slack-Request-Timestamp", NOW), ("X-Slack-Request-Timestamp", NOW),
                        ("X-Slack-Signature", SIGNATURE_SHAPED)],
    "signature not ascii": [("X-Slack-Request-Timestamp", NOW), ("X-Slack-Signature", "v0=\xe9".encode("latin-1"))],
    "signature of another scheme": [("X-Slack-Request-Timestamp", NOW), ("X-Slack-Signature", "v1=" + "0" * 64)],
}


class TestUnverifiedRequests:
    @pytest.mark.parametrize("headers", GARBLED_HEADERS.values(), ids=GARBLED_HEADERS.keys())
    def test_garbled_headers_get_401_and_nothing_else(self, bot: RunningBot, headers: list[tuple[str, str | bytes]],
                                                      caplog: pytest.LogCaptureFixture) -> None:
        caplog.set_level(logging.DEBUG)
        before = snapshot(bot)
        sent = [(name, str(int(time.time())) if value == NOW else value) for name, value in headers]
        interaction = interaction_body(ssrf_payload(bot.fake))
        event = json.dumps(event_envelope(mention("開示請求は？", channel="C0VICTIM"))).encode()
        assert post(bot.slack.url, interaction, sent, content_type="application/x-www-form-urlencoded").status == 401
        assert post(bot.slack.url, event, sent).status == 401
        assert_nothing_happened(bot, before)
        assert_clean_log(caplog, "開示請求", "C0VICTIM", "ssrf")


#: Body, content type, and the answer to it when signed (unsigned it is always 401).
MALFORMED_BODIES = {
    "json cut short": (b'{"type": "event_callback", "event": {', "application/json", 400),
    "json list": (b"[1, 2, 3]", "application/json", 400),
    "json string": (b'"hello"', "application/json", 400),
    "json nested 100k deep": (b"[" * 100_000 + b"]" * 100_000, "application/json", 400),
    "form payload not json": (b"payload=%7Bnot+json", "application/x-www-form-urlencoded", 400),
    "form payload a list": (b"payload=%5B1%5D", "application/x-www-form-urlencoded", 400),
    "not utf-8": (b'{"type": "\xff\xfe"}', "application/json", 401),  # Slack's signature covers UTF-8 text
    "empty": (b"", "application/json", 200),
}


class TestMalformedBodies:
    @pytest.mark.parametrize("body,content_type,status", MALFORMED_BODIES.values(), ids=MALFORMED_BODIES.keys())
    def test_signed_or_not_a_malformed_body_never_gets_a_500(self, bot: RunningBot, body: bytes, content_type: str,
                                                            status: int, caplog: pytest.LogCaptureFixture) -> None:
        caplog.set_level(logging.DEBUG)
        before = snapshot(bot)
        assert post(bot.slack.url, body, signed(body), content_type=content_type).status == status
        assert post(bot.slack.url, body, {}, content_type=content_type).status == 401
        assert_nothing_happened(bot, before)
        assert_clean_log(caplog)

    def test_only_post_to_the_events_path_is_served(self, bot: RunningBot) -> None:
        before = snapshot(bot)
        body = interaction_body(ssrf_payload(bot.fake))
        base = bot.server.url
        assert post(base + "/slack/events/x", body, signed(body)).status == 404
        assert post(base + "/", body, signed(body)).status == 404
        connection = http.client.HTTPConnection(bot.server.host, bot.server.port, timeout=5)
        connection.request("GET", "/slack/events")
        assert connection.getresponse().status in (404, 405)
        connection.close()
        time.sleep(0.2)
        assert new_calls(bot, before) == []


# -- 2. Bounded, PII-free logs, on a real `serve --http` process ------------------------------------------------

LOG_LINE = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} (DEBUG|INFO|WARNING|ERROR|CRITICAL) [\w.]+: \S")
FORGED_LINE = "2026-05-11 10:00:00,000 INFO bot.listeners.cases: case acknowledged case=PRV-2026-0001 user=U0EVIL"


@dataclass
class Server:
    process: subprocess.Popen[str]
    url: str
    fake: FakeSlack

    def stderr_after_stop(self) -> str:
        self.process.send_signal(signal.SIGTERM)
        _, err = self.process.communicate(timeout=30)
        return err


@pytest.fixture
def server(fake_slack: FakeSlack, tmp_path: Path) -> Iterator[Server]:
    config = tmp_path / "privacy-bot.yaml"
    config.write_text(server_config(MANAGER), encoding="utf-8")
    environ = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
    environ.update({"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET,
                    "SLACK_API_URL": fake_slack.api_url, "PRIVACY_BOT_DB": str(tmp_path / "bot.db"),
                    "PRIVACY_BOT_CONFIG": str(config), "PYTHONUNBUFFERED": "1", "PRIVACY_BOT_DRAIN_SECONDS": "0"})
    process = subprocess.Popen([sys.executable, "-m", "privacy_bot", "serve", "--http", "--port", "0"], env=environ,
                               text=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert process.stderr is not None
    url = ""
    for line in process.stderr:
        if found := re.search(r"listening on (http://127\.0\.0\.1:\d+/slack/events)", line):
            url = found.group(1)
            break
    assert url, "the server never said where it listens"
    yield Server(process, url, fake_slack)
    if process.poll() is None:
        process.kill()
        process.communicate()


def raw_exchange(url: str, head: bytes, body_parts: Iterator[bytes]) -> bytes:
    """Send a request head, then body parts until the server answers; returns the server's first bytes."""
    parts = urlsplit(url)
    with socket.create_connection((parts.hostname, parts.port), timeout=5) as connection:
        connection.sendall(head)
        connection.setblocking(False)
        for part in body_parts:
            try:
                answer = connection.recv(4096)
            except BlockingIOError:
                answer = b""
            if answer:
                return answer
            try:
                connection.sendall(part)
            except OSError:
                break  # the server closed the connection: its answer is waiting
        connection.settimeout(5)
        return connection.recv(4096)


class TestBoundedLogs:
    def test_bodies_are_capped_never_logged_and_every_log_line_is_one_line(self, server: Server) -> None:
        url = server.url
        path = urlsplit(url).path
        # 100 MB announced, a few KB sent: 413 comes back without the rest being read.
        head = (f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                f"Content-Length: {100 * MAX_BODY}\r\n\r\n").encode()
        assert raw_exchange(url, head, iter([b"x" * 1024] * 4)).startswith(b"HTTP/1.1 413")
        # Chunked, with no length announced: refused once past the cap.
        head = (f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                "Transfer-Encoding: chunked\r\n\r\n").encode()
        chunk = b"10000\r\n" + b"y" * 0x10000 + b"\r\n"
        assert raw_exchange(url, head, iter([chunk] * 64)).startswith(b"HTTP/1.1 413")
        # A body just under the cap is read and refused for its signature, not for its size.
        body = b"z" * (MAX_BODY - 10)
        assert post(url, body, {}).status == 401

        # A real Slack submission carrying personal data, arriving late (Slack's last retry, or clock skew).
        submission = {"type": "view_submission", "user": {"id": "U0AGENT"}, "team": {"id": TEAM_ID},
                      "view": {"id": "V1", "type": "modal", "callback_id": "privacy_intake_modal",
                               "private_metadata": "{}", "state": {"values": {
                                   key: {"value": {"type": "plain_text_input", "value": value}}
                                   for key, value in valid_answers().items()}}}}
        late = interaction_body(submission)
        assert post(url, late, signed(late, age=400), content_type="application/x-www-form-urlencoded").status == 401
        # A forged log line inside an unsigned body, and a signed body that is not JSON.
        forged = f'{{"type": "x"}}\n{FORGED_LINE}\r\n{FORGED_LINE}\u2028{FORGED_LINE}'.encode()
        assert post(url, forged, {}).status == 401
        broken = b'{"broken": \n' + FORGED_LINE.encode()
        assert post(url, broken, signed(broken)).status == 400

        err = server.stderr_after_stop()
        assert server.process.returncode == 0
        assert len(err) < 20_000, f"{len(err)} bytes of log"
        lines = err.splitlines()
        assert lines and all(LOG_LINE.match(line) for line in lines), "\n".join(
            line for line in lines if not LOG_LINE.match(line))
        for secret in (REQUESTER["name"], REQUESTER["email"], REQUESTER["phone"], "yyyy", "zzzz", "U0EVIL",
                       "Traceback"):
            assert secret not in err, secret
        assert [m for m in server.fake.methods() if m != "auth.test"] == []


class TestOneLineFormatter:
    def test_control_characters_and_tracebacks_stay_on_one_line(self) -> None:
        formatter = OneLineFormatter("%(levelname)s %(name)s: %(message)s")
        try:
            raise ValueError("bad\nvalue\r\n" + FORGED_LINE)
        except ValueError:
            record = logging.LogRecord("bot", logging.ERROR, __file__, 1, "a\nb\rc\x1b[31m\u2028d\u0085e %s",
                                       ("\x00",), sys.exc_info())
        line = formatter.format(record)
        assert len(line.splitlines()) == 1, line
        assert line.startswith("ERROR bot: a\\nb\\rc\\x1b[31m\\u2028d\\x85e \\x00")
        assert "Traceback" in line and "ValueError: bad\\nvalue" in line

    def test_a_huge_message_is_cut(self) -> None:
        formatter = OneLineFormatter("%(message)s")
        record = logging.LogRecord("bot", logging.INFO, __file__, 1, "x" * 1_000_000, None, None)
        assert len(formatter.format(record)) < 10_000


# -- 3. Answer buttons act only on their own answer ---------------------------------------------------------------


ALICE, MALLORY = "U0ALICE", "U0MALLORY"
ALICES_QUESTION = "田中さんの開示請求、電話番号は消せますか"
NOT_USABLE = "使えません"


def alices_dm_answer(bot: RunningBot) -> str:
    bot.slack.event(direct_message(ALICES_QUESTION, user=ALICE, channel="D0ALICE"))
    [answer] = bot.fake.wait_for("chat.postMessage")
    return str(answer.buttons()["answer_ask_manager"]["value"])


def alices_private_answer(bot: RunningBot) -> str:
    """Alice's `/privacy` answer in #general: ephemeral, seen by her alone."""
    bot.slack.command(ALICES_QUESTION, response_url=bot.fake.response_url("alice"), user_id=ALICE,
                      channel_id="C0GENERAL")
    [answer] = bot.fake.wait_for("response_url")
    return str(answer.buttons()["answer_ask_manager"]["value"])


def refused_quietly(bot: RunningBot, before: Snapshot) -> None:
    """Mallory gets one private "cannot be used", and nothing else happens or shows Alice's question."""
    time.sleep(0.3)
    new = bot.fake.calls[before.calls:]
    assert [call.method for call in new] == ["response_url"], [call.method for call in new]
    assert new[0].params["response_type"] == "ephemeral" and NOT_USABLE in new[0].all_text()
    assert ALICES_QUESTION[:4] not in json.dumps(new[0].params, ensure_ascii=False)
    assert snapshot(bot).rows == before.rows


class TestForgedAnswerButtons:
    @pytest.mark.parametrize("action_id", ["answer_share_in_channel", "answer_ask_manager", "answer_vote_up",
                                           "answer_vote_down"])
    def test_another_persons_dm_answer_cannot_be_pressed_from_a_channel(self, bot: RunningBot,
                                                                         action_id: str) -> None:
        value = alices_dm_answer(bot)
        before = snapshot(bot)
        reply = bot.slack.interaction(block_action(action_id, value, user=MALLORY, channel="C0GENERAL",
                                                   response_url=bot.fake.response_url("mallory")))
        assert reply.status == 200
        refused_quietly(bot, before)

    def test_the_asker_cannot_move_her_own_answer_to_another_channel(self, bot: RunningBot) -> None:
        value = alices_dm_answer(bot)
        before = snapshot(bot)
        bot.slack.interaction(block_action("answer_share_in_channel", value, user=ALICE, channel="C0GENERAL",
                                           is_ephemeral=True, response_url=bot.fake.response_url("alice2")))
        refused_quietly(bot, before)

    @pytest.mark.parametrize("is_ephemeral", [True, False])
    @pytest.mark.parametrize("action_id", ["answer_share_in_channel", "answer_ask_manager"])
    def test_a_private_answer_in_a_shared_channel_stays_private(self, bot: RunningBot, action_id: str,
                                                                  is_ephemeral: bool) -> None:
        value = alices_private_answer(bot)
        before = snapshot(bot)
        bot.slack.interaction(block_action(action_id, value, user=MALLORY, channel="C0GENERAL",
                                           is_ephemeral=is_ephemeral, response_url=bot.fake.response_url("m")))
        refused_quietly(bot, before)

    def test_a_vote_on_someone_elses_ephemeral_answer_is_refused(self, bot: RunningBot) -> None:
        value = alices_private_answer(bot)
        before = snapshot(bot)
        bot.slack.interaction(block_action("answer_vote_up", value, user=MALLORY, channel="C0GENERAL",
                                           is_ephemeral=True, response_url=bot.fake.response_url("m")))
        refused_quietly(bot, before)

    def test_colleagues_still_vote_on_an_answer_posted_in_their_channel(self, bot: RunningBot) -> None:
        bot.slack.event(mention("開示請求が来たらどうする？", user=ALICE, channel="C0GENERAL"))
        [answer] = bot.fake.wait_for("chat.postMessage")
        value = answer.buttons()["answer_vote_up"]["value"]
        bot.slack.interaction(block_action("answer_vote_up", value, user=MALLORY, channel="C0GENERAL",
                                           response_url=bot.fake.response_url("vote")))
        [thanks] = bot.fake.wait_for("response_url")
        assert "ありがとうございます" in thanks.all_text()
        assert [vote["user_id"] for vote in bot.feedback_votes()] == [MALLORY]

    def test_the_shared_copy_is_a_public_answer_colleagues_can_vote_on(self, bot: RunningBot) -> None:
        value = alices_private_answer(bot)
        bot.slack.interaction(block_action("answer_share_in_channel", value, user=ALICE, channel="C0GENERAL",
                                           is_ephemeral=True, thread_ts=None,
                                           response_url=bot.fake.response_url("share")))
        _, public, _ = bot.fake.wait_for("response_url", count=3)
        assert public.params["response_type"] == "in_channel"
        shared_value = public.buttons()["answer_vote_up"]["value"]
        bot.slack.interaction(block_action("answer_vote_up", shared_value, user=MALLORY, channel="C0GENERAL",
                                           response_url=bot.fake.response_url("vote")))
        thanks = bot.fake.wait_for("response_url", count=4)[3]
        assert "ありがとうございます" in thanks.all_text()
        assert [vote["user_id"] for vote in bot.feedback_votes()] == [MALLORY]


# -- 7. Requests the app does not handle are still acknowledged ---------------------------------------------------


def stale_notice(text: str) -> bool:
    return "古く" in text and "outdated" in text


class TestUnhandledRequests:
    def _one_line_about(self, caplog: pytest.LogCaptureFixture, kind: str) -> str:
        lines = [r.getMessage() for r in caplog.records if "unhandled" in r.getMessage() and kind in r.getMessage()]
        assert len(lines) == 1, [r.getMessage() for r in caplog.records]
        assert "\n" not in lines[0]
        return lines[0]

    def test_a_stale_button_is_acked_and_the_presser_told_privately(self, bot: RunningBot,
                                                                      caplog: pytest.LogCaptureFixture) -> None:
        caplog.set_level(logging.INFO)
        reply = bot.slack.interaction(block_action("answer_feedback_v1", "secret value", user=ALICE,
                                                   response_url=bot.fake.response_url("old")))
        assert reply.status == 200
        [notice] = bot.fake.wait_for("response_url")
        assert notice.params["response_type"] == "ephemeral" and stale_notice(notice.all_text())
        assert notice.params.get("replace_original") is False
        line = self._one_line_about(caplog, "block_actions")
        assert "answer_feedback_v1" in line and ALICE in line and "secret value" not in line

    def test_a_stale_button_in_app_home_gets_a_private_notice(self, bot: RunningBot) -> None:
        payload = {**block_action("home_refresh_v1", "x", user=ALICE, response_url=""),
                   "container": {"type": "view", "view_id": "V0HOME"}, "view": {"id": "V0HOME", "type": "home"}}
        del payload["response_url"], payload["channel"], payload["message"]
        assert bot.slack.interaction(payload).status == 200
        [opened] = bot.fake.wait_for("views.open")
        assert stale_notice(json.dumps(opened.json_param("view"), ensure_ascii=False))

    def test_an_old_global_shortcut_opens_a_notice(self, bot: RunningBot) -> None:
        payload = {"type": "shortcut", "callback_id": "privacy_inquiry_v0", "trigger_id": "1.2.3",
                   "user": {"id": ALICE}, "team": {"id": TEAM_ID}}
        assert bot.slack.interaction(payload).status == 200
        [opened] = bot.fake.wait_for("views.open")
        assert stale_notice(json.dumps(opened.json_param("view"), ensure_ascii=False))

    def test_an_old_message_shortcut_answers_privately(self, bot: RunningBot) -> None:
        payload = {"type": "message_action", "callback_id": "privacy_report_v0", "trigger_id": "1.2.3",
                   "user": {"id": ALICE}, "team": {"id": TEAM_ID}, "channel": {"id": "C0GENERAL"},
                   "message": {"text": "山田さんの電話番号 090-1234-5678", "ts": "1.2"},
                   "response_url": bot.fake.response_url("msg")}
        assert bot.slack.interaction(payload).status == 200
        [notice] = bot.fake.wait_for("response_url")
        assert notice.params["response_type"] == "ephemeral" and stale_notice(notice.all_text())

    def test_an_old_modal_submission_is_answered_in_the_modal(self, bot: RunningBot) -> None:
        payload = {"type": "view_submission", "user": {"id": ALICE}, "team": {"id": TEAM_ID},
                   "view": {"id": "V1", "type": "modal", "callback_id": "privacy_inquiry_modal_v0",
                            "state": {"values": {}}}}
        reply = bot.slack.interaction(payload)
        assert reply.status == 200
        body = reply.json()
        assert body["response_action"] == "update" and stale_notice(json.dumps(body, ensure_ascii=False))

    def test_an_old_slash_command_answers_privately(self, bot: RunningBot) -> None:
        reply = bot.slack.command("x", response_url=bot.fake.response_url("cmd"), command="/privacy-old")
        assert reply.status == 200 and stale_notice(json.dumps(reply.json(), ensure_ascii=False))

    QUIET = {
        "view closed": {"type": "view_closed", "user": {"id": ALICE}, "team": {"id": TEAM_ID},
                        "view": {"id": "V1", "type": "modal", "callback_id": "old_modal"}},
        "block suggestion": {"type": "block_suggestion", "user": {"id": ALICE}, "team": {"id": TEAM_ID},
                             "action_id": "pick_client", "block_id": "b", "value": "山田"},
    }

    @pytest.mark.parametrize("payload", QUIET.values(), ids=QUIET.keys())
    def test_interactions_with_nothing_to_say_are_acked(self, bot: RunningBot, payload: dict[str, Any],
                                                        caplog: pytest.LogCaptureFixture) -> None:
        caplog.set_level(logging.INFO)
        before = snapshot(bot)
        assert bot.slack.interaction(payload).status == 200
        time.sleep(0.2)
        assert new_calls(bot, before) == []
        assert "山田" not in self._one_line_about(caplog, str(payload["type"]))

    EVENTS = {
        "app_rate_limited": {"token": "x", "type": "app_rate_limited", "team_id": TEAM_ID,
                             "minute_rate_limited": 1518467820, "api_app_id": "A0PRIVACY"},
        "unknown event": event_envelope({"type": "reaction_added", "user": ALICE, "reaction": "eyes",
                                         "item": {"type": "message", "channel": "C0GENERAL", "ts": "1.2"}}),
    }

    @pytest.mark.parametrize("body", EVENTS.values(), ids=EVENTS.keys())
    def test_events_without_a_listener_are_acked(self, bot: RunningBot, body: dict[str, Any],
                                                 caplog: pytest.LogCaptureFixture) -> None:
        caplog.set_level(logging.INFO)
        before = snapshot(bot)
        reply = bot.slack.post_raw(json.dumps(body), content_type="application/json")
        assert reply.status == 200
        time.sleep(0.2)
        assert new_calls(bot, before) == []
        self._one_line_about(caplog, str(body["type"]))
