"""Knowing whether our own post already landed (a marker on every message that must not be posted twice), and
whether a failed call is worth trying again.

Slack has no idempotency key for `chat.postMessage`. When a post may have happened but we never heard back (the
process was killed between Slack's write and ours, a call timed out, Slack answered 5xx), the only way to know is
to read the conversation. So every such message carries a marker, the id of the row that owes it, twice: in its
message metadata (`event_type` + one payload key) and as its first block's id (for when metadata is not returned).
The outbox (`bot/delivery.py`) and the answer worker (`bot/answer_worker.py`) both mark and look up this way.

Reading needs the history scope of the conversation type (`im:history` for DMs, `groups:history` for private
channels). Where Slack will not let us read (a public channel without `channels:history`), we cannot know, and
posting again is better than never answering: `find_posted` then returns None and says so in the log.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.views.blocks import Message

__all__ = ["HISTORY_PAGES", "TRANSIENT_ERRORS", "Marker", "backoff", "find_posted", "is_transient", "retry_after"]

log = logging.getLogger(__name__)

#: Slack error codes worth trying again; any other `ok: false` will fail the same way every time.
TRANSIENT_ERRORS = frozenset({"ratelimited", "internal_error", "fatal_error", "service_unavailable",
                              "request_timeout", "team_added_to_org"})
#: How far back to look for our own post, in pages of conversations.history / conversations.replies.
HISTORY_PAGES = 5
#: Slack's clock and ours differ a little: look from a few seconds before the row was written.
CLOCK_SLACK_SECONDS = 5


def is_transient(error: SlackApiError) -> bool:
    """A 5xx or an error code Slack may not repeat: try again later (the call may or may not have posted)."""
    status = getattr(error.response, "status_code", 0)
    return status >= 500 or status == 429 or error.response.get("error") in TRANSIENT_ERRORS


def backoff(attempts: int, *, first: float, longest: float) -> float:
    """Seconds before the next try after `attempts` failures: `first`, doubling, at most `longest`."""
    return min(first * 2.0 ** max(attempts - 1, 0), longest)


def retry_after(headers: Any) -> float:
    """Seconds Slack asked us to wait (`Retry-After` of a 429), 1 when it did not say."""
    for name in ("Retry-After", "retry-after"):
        value = headers.get(name) if hasattr(headers, "get") else None
        if value is not None:
            try:
                return max(float(value[0] if isinstance(value, list) else value), 0.0)
            except ValueError:
                break
    return 1.0


@dataclass(frozen=True)
class Marker:
    """The id a message carries: `value` under `payload_key` of metadata `event_type`, and as block id
    `block_prefix + value`."""

    event_type: str
    payload_key: str
    block_prefix: str
    value: int | str

    def metadata(self) -> dict[str, Any]:
        return {"event_type": self.event_type, "event_payload": {self.payload_key: self.value}}

    def tag(self, message: Message) -> Message:
        """The message with its first block's id set to the marker."""
        blocks = [dict(block) for block in message["blocks"]]
        if blocks:
            blocks[0]["block_id"] = f"{self.block_prefix}{self.value}"
        return {"text": message["text"], "blocks": blocks}

    def found_in(self, message: dict[str, Any]) -> bool:
        metadata = message.get("metadata") or {}
        if metadata.get("event_type") == self.event_type and (
                metadata.get("event_payload") or {}).get(self.payload_key) == self.value:
            return True
        wanted = f"{self.block_prefix}{self.value}"
        return any(isinstance(block, dict) and block.get("block_id") == wanted for block in message.get("blocks") or [])


def find_posted(client: WebClient, *, channel: str, marker: Marker, since: datetime,
                thread_ts: str | None = None) -> str | None:
    """The ts of the message carrying `marker` in `channel` (in the thread `thread_ts` when given), posted after
    `since`; None when there is none or we may not read the conversation.

    A thread's replies are not in conversations.history, hence conversations.replies for a threaded post. A
    transient failure of the read itself raises (`SlackApiError`, `OSError`): the caller retries later rather than
    post blind.
    """
    oldest = f"{since.timestamp() - CLOCK_SLACK_SECONDS:.6f}"
    cursor: str | None = None
    for _ in range(HISTORY_PAGES):
        try:
            if thread_ts:
                page = client.conversations_replies(channel=channel, ts=thread_ts, oldest=oldest, limit=200,
                                                    cursor=cursor, include_all_metadata=True)
            else:
                page = client.conversations_history(channel=channel, oldest=oldest, limit=200, cursor=cursor,
                                                    include_all_metadata=True)
        except SlackApiError as error:
            if is_transient(error):
                raise
            log.warning("cannot check history channel=%s marker=%s error=%s", channel, marker.value,
                        error.response.get("error"))
            return None
        for message in page.get("messages") or []:
            if marker.found_in(message):
                return str(message.get("ts"))
        cursor = (page.get("response_metadata") or {}).get("next_cursor")
        if not cursor:
            break
    return None
