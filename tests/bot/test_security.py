"""Only requests signed by Slack, recently, are acted on (garbled headers and malformed bodies:
test_edge_security.py)."""
from __future__ import annotations

import logging
import time

import pytest

from tests.bot.conftest import RunningBot
from tests.bot.edge_helpers import (
    assert_clean_log,
    assert_nothing_happened,
    interaction_body,
    post,
    signed,
    snapshot,
    ssrf_payload,
)
from tests.slack_helpers import SlackSender, mention


class TestRequestVerification:
    def test_a_forged_signature_gets_401_and_no_message(self, bot: RunningBot) -> None:
        """Signed with the wrong secret → 401, nothing posted."""
        forger = SlackSender(bot.slack.url, signing_secret="0" * 32)
        reply = forger.event(mention("開示請求が来たらどうする？"))
        assert reply.status == 401
        tampered = bot.slack.event(mention("開示請求は？"), signature="v0=" + "ab" * 32)
        assert tampered.status == 401
        time.sleep(0.2)
        assert bot.fake.calls_to("chat.postMessage") == []

    def test_a_ten_minute_old_timestamp_gets_401_and_no_message(self, bot: RunningBot) -> None:
        """A correctly signed but replayed request (timestamp 10 minutes old) → 401."""
        reply = bot.slack.event(mention("開示請求が来たらどうする？"), timestamp=int(time.time()) - 600)
        assert reply.status == 401
        time.sleep(0.2)
        assert bot.fake.calls_to("chat.postMessage") == []

    def test_a_refused_interaction_reaches_nobody_and_its_body_is_not_logged(
            self, bot: RunningBot, caplog: pytest.LogCaptureFixture) -> None:
        """Stale, from the future, the wrong secret, a body changed after signing: 401, and its response_url
        (which anyone can set) is never called, nothing is stored, the log has the reason and not the body."""
        caplog.set_level(logging.DEBUG)
        before = snapshot(bot)
        body = interaction_body(ssrf_payload(bot.fake))
        form = "application/x-www-form-urlencoded"
        assert post(bot.slack.url, body, signed(body, age=301), content_type=form).status == 401
        assert post(bot.slack.url, body, signed(body, age=-301), content_type=form).status == 401
        assert post(bot.slack.url, body, signed(body, secret="0" * 32), content_type=form).status == 401
        assert post(bot.slack.url, body + b"&x=1", signed(body), content_type=form).status == 401
        assert_nothing_happened(bot, before)
        assert_clean_log(caplog, "ssrf", "U0ATTACKER")
        assert any("stale timestamp" in record.getMessage() for record in caplog.records)

    def test_the_health_endpoint_needs_no_signature(self, bot: RunningBot) -> None:
        import urllib.request

        with urllib.request.urlopen(bot.server.url + "/healthz", timeout=5) as response:
            assert response.status == 200
