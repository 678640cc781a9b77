"""What the stand-in sends the app: Events API, slash command and interactivity requests, signed with the demo's
signing secret exactly as Slack signs them (v0 scheme), posted to the app's real `/slack/events` endpoint, so the
demo goes through the same edge checks as production."""
from __future__ import annotations

import itertools
import json
import time
import urllib.error
import urllib.request
from typing import Any
from urllib.parse import urlencode

from slack_sdk.signature import SignatureVerifier

from bot.demo.standin import BOT_USER_ID, TEAM_ID

__all__ = ["AppLink", "Reply"]

APP_ID = "A0DEMO"

Reply = tuple[int, str]


class AppLink:
    """Signs and posts requests to the app at `url` (…/slack/events); each returns the app's (status, body)."""

    def __init__(self, url: str, signing_secret: str) -> None:
        self.url = url
        self._verifier = SignatureVerifier(signing_secret)
        self._event_ids = itertools.count(1)

    def _post(self, body: str, content_type: str) -> Reply:
        ts = str(int(time.time()))
        request = urllib.request.Request(self.url, data=body.encode("utf-8"), method="POST")
        request.add_header("Content-Type", content_type)
        request.add_header("X-Slack-Request-Timestamp", ts)
        request.add_header("X-Slack-Signature", self._verifier.generate_signature(timestamp=ts, body=body) or "")
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8")

    def event(self, event: dict[str, Any]) -> Reply:
        envelope = {"token": "unused", "team_id": TEAM_ID, "api_app_id": APP_ID, "event": event,
                    "type": "event_callback", "event_id": f"Ev{next(self._event_ids):08d}",
                    "event_time": int(time.time()),
                    "authorizations": [{"team_id": TEAM_ID, "user_id": BOT_USER_ID, "is_bot": True}]}
        return self._post(json.dumps(envelope, ensure_ascii=False), "application/json")

    def command(self, text: str, *, user: str, channel: str, response_url: str, trigger_id: str) -> Reply:
        form = {"token": "unused", "team_id": TEAM_ID, "channel_id": channel, "user_id": user,
                "command": "/privacy", "text": text, "response_url": response_url, "trigger_id": trigger_id}
        return self._post(urlencode(form), "application/x-www-form-urlencoded")

    def interaction(self, payload: dict[str, Any]) -> Reply:
        body = urlencode({"payload": json.dumps({"team": {"id": TEAM_ID}, "api_app_id": APP_ID, **payload},
                                                ensure_ascii=False)})
        return self._post(body, "application/x-www-form-urlencoded")


def mention(text: str, *, user: str, channel: str, ts: str, thread_ts: str | None) -> dict[str, Any]:
    event: dict[str, Any] = {"type": "app_mention", "user": user, "text": text, "channel": channel, "ts": ts,
                             "event_ts": ts}
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event


def direct_message(text: str, *, user: str, channel: str, ts: str) -> dict[str, Any]:
    return {"type": "message", "channel_type": "im", "user": user, "text": text, "channel": channel, "ts": ts,
            "event_ts": ts}
