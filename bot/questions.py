"""Which Slack events ask the bot something, read into the `Question` the inbox keeps.

A mention in a channel is answered in its thread (the thread it was in, or a new one under it); a DM in the DM.
Messages from other bots (ours is dropped by Bolt already; others carry `bot_id`) and message subtypes (edits,
deletions, joins) ask nothing: answering an edit would answer the same question twice.
"""
from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from bot import ids
from bot.inbox import Question
from bot.payloads import field

__all__ = ["question_in_event"]

log = logging.getLogger(__name__)

#: Message subtypes written by a person: a DM with a file attached still carries a question.
HUMAN_SUBTYPES = ("", "file_share")


def question_in_event(body: Mapping[str, Any]) -> Question | None:
    """The question an `event_callback` body asks, or None (logged with the reason, by ids only)."""
    event = body.get("event")
    if not isinstance(event, Mapping):
        return None
    kind = field(event, "type")
    if kind == ids.EVENT_APP_MENTION and not _skip(body, event, allowed_subtypes=("",)):
        return Question("mention", field(event, "channel"), field(event, "user"), field(event, "text"),
                        thread_ts=field(event, "thread_ts") or field(event, "ts"))
    if kind == ids.EVENT_MESSAGE and field(event, "channel_type") == "im" and not _skip(
            body, event, allowed_subtypes=HUMAN_SUBTYPES):
        return Question("dm", field(event, "channel"), field(event, "user"), field(event, "text"),
                        thread_ts=field(event, "thread_ts") or None)
    return None


def _skip(body: Mapping[str, Any], event: Mapping[str, Any], *, allowed_subtypes: tuple[str, ...]) -> bool:
    reason = ""
    if event.get("bot_id") or event.get("bot_profile"):
        reason = "from a bot"
    elif (event.get("subtype") or "") not in allowed_subtypes:
        reason = "subtype"
    elif not (field(event, "channel") and field(event, "user") and field(event, "ts")):
        reason = "missing channel, user or ts"
    if reason:
        log.info("event ignored event_id=%s type=%s reason=%s", field(body, "event_id"), field(event, "type"), reason)
    return bool(reason)
