"""Raw HTTP against the app's edge, as a hostile client or a late Slack would send it, and the checks that
nothing happened: no call to the fake Slack, no database row, no body or traceback in the log."""
from __future__ import annotations

import hashlib
import hmac
import http.client
import json
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode, urlsplit

import pytest

from tests.bot.conftest import RunningBot
from tests.fake_slack import FakeSlack
from tests.slack_helpers import SIGNING_SECRET, block_action

#: The body cap the README promises.
MAX_BODY = 1024 * 1024


@dataclass
class Answer:
    status: int
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


def sign(body: bytes, timestamp: str, secret: str = SIGNING_SECRET) -> str:
    """Slack's v0 signature over the raw bytes (so even a body that is not UTF-8 can be signed)."""
    digest = hmac.new(secret.encode(), b"v0:" + timestamp.encode("latin-1") + b":" + body, hashlib.sha256)
    return "v0=" + digest.hexdigest()


def post(url: str, body: bytes, headers: dict[str, str] | list[tuple[str, str | bytes]], *,
         content_type: str = "application/json") -> Answer:
    """POST with exactly these headers (none added, repeats kept, bytes sent as they are), as anyone could."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        connection.putrequest("POST", parts.path)
        connection.putheader("Content-Type", content_type)
        connection.putheader("Content-Length", str(len(body)))
        for name, value in headers.items() if isinstance(headers, dict) else headers:
            connection.putheader(name, value)
        connection.endheaders(body)
        response = connection.getresponse()
        return Answer(response.status, response.read())
    finally:
        connection.close()


def signed(body: bytes, *, age: int = 0, secret: str = SIGNING_SECRET) -> dict[str, str]:
    timestamp = str(int(time.time()) - age)
    return {"X-Slack-Request-Timestamp": timestamp, "X-Slack-Signature": sign(body, timestamp, secret)}


def interaction_body(payload: dict[str, Any]) -> bytes:
    return urlencode({"payload": json.dumps(payload, ensure_ascii=False)}).encode()


@dataclass(frozen=True)
class Snapshot:
    """What the fake Slack received and what the database held, to show that a request changed neither."""

    calls: int
    rows: dict[str, int]


def snapshot(bot: RunningBot) -> Snapshot:
    db = bot.db()
    return Snapshot(len(bot.fake.calls), {table: db[table].count for table in db.table_names()})


def new_calls(bot: RunningBot, since: Snapshot) -> list[str]:
    return bot.fake.methods()[since.calls:]


def assert_nothing_happened(bot: RunningBot, before: Snapshot) -> None:
    time.sleep(0.3)  # anything done after the answer would have reached the fake by now
    assert new_calls(bot, before) == []
    assert snapshot(bot) == before


def assert_clean_log(caplog: pytest.LogCaptureFixture, *secrets: str) -> None:
    for record in caplog.records:
        message = record.getMessage()
        assert record.exc_info is None, f"traceback logged: {message}"
        assert "\n" not in message and "\r" not in message, message
        for secret in secrets:
            assert secret not in message, message


def ssrf_payload(fake: FakeSlack) -> dict[str, Any]:
    """An interaction whose response_url and channel an attacker chose."""
    return block_action("answer_vote_up", "ja:1", user="U0ATTACKER", response_url=fake.response_url("ssrf"))
