"""Only requests signed by Slack, recently, are acted on."""
from __future__ import annotations

import time

from tests.bot.conftest import RunningBot
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

    def test_the_health_endpoint_needs_no_signature(self, bot: RunningBot) -> None:
        import urllib.request

        with urllib.request.urlopen(bot.server.url + "/healthz", timeout=5) as response:
            assert response.status == 200
