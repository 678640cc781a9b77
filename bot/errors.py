"""The app's one error handler: log under an id, tell the person that id, never log what they wrote.

Exception messages can carry payload text (a `SlackApiError` quotes the API response, which echoes the message we
tried to post), so the log line holds the exception's type, Slack's error code, the Slack ids of the request and
where in our code it failed; the traceback's frames, not its message.

Two rules keep it from doing harm:
- it answers the person only on a request that was verified (by the HTTP edge, or delivered over Socket Mode):
  the body of anything else was written by whoever sent it, `response_url` and channel included;
- a request no listener took (Bolt raises `BoltUnhandledRequestError` for it) is not an error: it is acked with
  200 and one log line, since a 404 would show the person an error and could get the event subscription disabled.
  Interactive requests with something to say are taken by bot.listeners.stale before they get here.
"""
from __future__ import annotations

import logging
import traceback
import uuid
from typing import Any

from common.text import detect_language
from slack_bolt import BoltRequest, Respond
from slack_bolt.error import BoltUnhandledRequestError
from slack_bolt.response import BoltResponse
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.payloads import field, log_ids
from bot.verification import is_verified
from bot.views.notices import error_message

__all__ = ["handle_error", "report_error"]

log = logging.getLogger(__name__)


def handle_error(
    error: Exception, body: dict[str, Any], client: WebClient, request: BoltRequest
) -> BoltResponse | None:
    """Bolt calls this for anything a listener or middleware raised (registered with `app.error`)."""
    if isinstance(error, BoltUnhandledRequestError):
        # app_rate_limited means Slack is dropping our events for the rest of the minute: an operator should know.
        level = logging.WARNING if body.get("type") == "app_rate_limited" else logging.INFO
        log.log(level, "unhandled request acknowledged %s", log_ids(body))
        return BoltResponse(status=200, body="")
    report_error(error, body, client, verified=is_verified(request))
    return None


def report_error(error: Exception, body: dict[str, Any], client: WebClient, *, verified: bool) -> None:
    """Log `error` under a new id and, when the request that `body` comes from was `verified`, tell its sender.

    Also called by the answer worker when it gives up on a question: the inbox holds verified requests only.
    """
    error_id = uuid.uuid4().hex[:8]
    frames = traceback.extract_tb(error.__traceback__)[-3:]
    slack_error = error.response.get("error") if isinstance(error, SlackApiError) else None
    log.error(
        "error_id=%s error=%s%s %s verified=%s at=%s",
        error_id,
        type(error).__name__,
        f"({str(slack_error)[:64]})" if slack_error else "",
        log_ids(body),
        verified,
        " < ".join(f"{frame.filename.rsplit('/', 1)[-1]}:{frame.lineno}" for frame in reversed(frames)),
    )
    if verified:
        _tell_user(body, client, error_id)


def _tell_user(body: dict[str, Any], client: WebClient, error_id: str) -> None:
    """Best effort: the ephemeral reply for commands and buttons, the thread for a mention or DM."""
    language = detect_language(field(body, "event", "text") or field(body, "text"))
    message = error_message(language, error_id=error_id)
    try:
        response_url = field(body, "response_url")
        channel = field(body, "event", "channel")
        if response_url:
            Respond(response_url=response_url)(response_type="ephemeral", replace_original=False, **message)
        elif channel and field(body, "event", "user"):
            thread_ts = field(body, "event", "thread_ts") or (
                None if channel.startswith("D") else field(body, "event", "ts")
            )
            client.chat_postMessage(channel=channel, thread_ts=thread_ts, **message)
    except Exception as failure:  # noqa: BLE001 - the error path must not raise; Slack may be the problem
        log.warning("error_id=%s could not tell the user: %s", error_id, type(failure).__name__)
