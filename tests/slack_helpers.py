"""Requests signed the way Slack signs them (v0 scheme), posted to the app's real HTTP endpoint.

`X-Slack-Signature` = "v0=" + HMAC-SHA256(secret, "v0:{timestamp}:{raw body}"), computed here by slack_sdk's own
`SignatureVerifier`, so a test that passes proves the app accepts what Slack actually sends.
"""
from __future__ import annotations

import itertools
import json
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import timedelta
from typing import Any
from urllib.parse import urlencode

from slack_sdk.signature import SignatureVerifier

from common.clock import utc_now
from intake.calendar import JST
from tests.fake_slack import BOT_USER_ID, TEAM_ID

SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
BOT_TOKEN = "xoxb-1234-5678-fakefakefake"
APP_TOKEN = "xapp-1-A111-222-fakefakefake"

_ids = itertools.count(1)


def server_config(manager: str, extra: str = "") -> str:
    """privacy-bot.yaml for a `serve` subprocess, which runs on the real clock (it cannot be given the tests' clock):
    its business hours are one hour about half a day away, so the server owes nothing scheduled while a test runs.
    Otherwise, on the first business day of a month in business hours, it owes the manager last month's report, and
    that report would be the first message a test sees. Scheduling itself is tested in process, on a test clock."""
    hour = min((utc_now().astimezone(JST) + timedelta(hours=12)).hour, 22)
    return f'manager: {manager}\nbusiness_hours: {{start: "{hour:02d}:00", end: "{hour + 1:02d}:00"}}\n{extra}'


@dataclass
class Reply:
    status: int
    body: str
    elapsed: float

    def json(self) -> Any:
        return json.loads(self.body)


class SlackSender:
    """Posts Events API, slash command and interactivity requests to `url` (…/slack/events)."""

    def __init__(self, url: str, signing_secret: str = SIGNING_SECRET) -> None:
        self.url = url
        self.verifier = SignatureVerifier(signing_secret)

    def post_raw(
        self,
        body: str,
        *,
        content_type: str,
        timestamp: int | None = None,
        signature: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> Reply:
        ts = str(int(time.time()) if timestamp is None else timestamp)
        request = urllib.request.Request(self.url, data=body.encode("utf-8"), method="POST")
        request.add_header("Content-Type", content_type)
        request.add_header("X-Slack-Request-Timestamp", ts)
        request.add_header("X-Slack-Signature", signature or self.verifier.generate_signature(timestamp=ts, body=body))
        for name, value in (headers or {}).items():
            request.add_header(name, value)
        started = time.perf_counter()
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return Reply(response.status, response.read().decode("utf-8"), time.perf_counter() - started)
        except urllib.error.HTTPError as error:
            return Reply(error.code, error.read().decode("utf-8"), time.perf_counter() - started)

    def event(self, event: dict[str, Any], *, event_id: str | None = None, retry_num: int | None = None,
              **kwargs: Any) -> Reply:
        body = json.dumps(event_envelope(event, event_id=event_id), ensure_ascii=False)
        headers = {"X-Slack-Retry-Num": str(retry_num), "X-Slack-Retry-Reason": "http_timeout"} if retry_num else {}
        return self.post_raw(body, content_type="application/json", headers=headers, **kwargs)

    def command(self, text: str, *, response_url: str, user_id: str = "U0ASKER", channel_id: str = "C0GENERAL",
                command: str = "/privacy", **fields: str) -> Reply:
        form = {
            "token": "deprecated-verification-token",
            "team_id": TEAM_ID,
            "channel_id": channel_id,
            "user_id": user_id,
            "command": command,
            "text": text,
            "response_url": response_url,
            "trigger_id": "1337.42.abcd",
            **fields,
        }
        return self.post_raw(urlencode(form), content_type="application/x-www-form-urlencoded")

    def interaction(self, payload: dict[str, Any]) -> Reply:
        body = urlencode({"payload": json.dumps(payload, ensure_ascii=False)})
        return self.post_raw(body, content_type="application/x-www-form-urlencoded")


def event_envelope(event: dict[str, Any], *, event_id: str | None = None) -> dict[str, Any]:
    return {
        "token": "deprecated-verification-token",
        "team_id": TEAM_ID,
        "api_app_id": "A0PRIVACY",
        "event": event,
        "type": "event_callback",
        "event_id": event_id or f"Ev{next(_ids):08d}",
        "event_time": int(time.time()),
        "authorizations": [{"team_id": TEAM_ID, "user_id": BOT_USER_ID, "is_bot": True}],
    }


def mention(text: str, *, channel: str = "C0GENERAL", user: str = "U0ASKER", ts: str | None = None,
            **extra: Any) -> dict[str, Any]:
    return {"type": "app_mention", "user": user, "text": f"<@{BOT_USER_ID}> {text}", "channel": channel,
            "ts": ts or f"1700000{next(_ids):03d}.000200", "event_ts": "1700000000.000200", **extra}


def direct_message(text: str, *, user: str = "U0ASKER", channel: str = "D0ASKER", **extra: Any) -> dict[str, Any]:
    return {"type": "message", "channel_type": "im", "user": user, "text": text, "channel": channel,
            "ts": f"1700001{next(_ids):03d}.000300", "event_ts": "1700001000.000300", **extra}


def block_action(action_id: str, value: str, *, user: str = "U0ASKER", channel: str = "C0GENERAL",
                 message_ts: str = "1700000500.000100", thread_ts: str | None = "1700000400.000100",
                 response_url: str, is_ephemeral: bool = False) -> dict[str, Any]:
    container: dict[str, Any] = {"type": "message", "message_ts": message_ts, "channel_id": channel,
                                 "is_ephemeral": is_ephemeral}
    message: dict[str, Any] = {"type": "message", "ts": message_ts, "text": "answer"}
    if thread_ts:
        container["thread_ts"] = thread_ts
        message["thread_ts"] = thread_ts
    return {
        "type": "block_actions",
        "user": {"id": user, "team_id": TEAM_ID},
        "api_app_id": "A0PRIVACY",
        "team": {"id": TEAM_ID},
        "container": container,
        "channel": {"id": channel},
        "message": message,
        "trigger_id": "1337.42.trigger",
        "response_url": response_url,
        "actions": [{"type": "button", "action_id": action_id, "block_id": "answer_actions", "value": value,
                     "action_ts": "1700000600.000100"}],
    }


def view_submission(callback_id: str, *, private_metadata: str, values: dict[str, Any],
                    user: str = "U0ASKER", view_id: str | None = None) -> dict[str, Any]:
    """A modal's submission; each modal Slack opens has its own view id (a fresh one unless `view_id` is given,
    which is how a test sends the same modal again)."""
    return {
        "type": "view_submission",
        "user": {"id": user, "team_id": TEAM_ID},
        "team": {"id": TEAM_ID},
        "api_app_id": "A0PRIVACY",
        "view": {"id": view_id or f"V{next(_ids):08d}", "type": "modal", "callback_id": callback_id,
                 "private_metadata": private_metadata, "state": {"values": values}},
    }
