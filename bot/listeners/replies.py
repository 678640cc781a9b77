"""Answering the person who pressed a button, privately and next to it: the one way the Slack layer does that."""
from __future__ import annotations

from typing import Any

from slack_bolt import Respond

from bot.payloads import field
from bot.views.blocks import Message

__all__ = ["channel_of", "reply", "thread_of"]


def channel_of(body: dict[str, Any]) -> str:
    """The conversation a button was pressed in."""
    return field(body, "channel", "id") or field(body, "container", "channel_id")


def thread_of(body: dict[str, Any]) -> str:
    """The thread a button sits in, or ""."""
    return field(body, "container", "thread_ts") or field(body, "message", "thread_ts")


def reply(body: dict[str, Any], respond: Respond | None, message: Message) -> None:
    """Ephemeral, next to the button (in its thread), seen only by whoever pressed it.

    Only where Slack sent a response_url: an App Home button has none, and nothing is shown there (the Home tab has
    nowhere for a note)."""
    if respond is not None and field(body, "response_url"):
        respond(response_type="ephemeral", replace_original=False, thread_ts=thread_of(body) or None, **message)
