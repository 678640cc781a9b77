"""Events: a mention in a channel is answered in its thread, a DM in the DM.

Bolt acknowledges events before these run (process_before_response=False), so the work here is after the ack.
Messages from bots (ours is dropped by Bolt already; others carry `bot_id`) and message subtypes (edits,
deletions, joins) are acknowledged and ignored: answering an edit would answer the same question twice.
"""
from __future__ import annotations

import logging
from typing import Any

from slack_bolt import App
from slack_sdk import WebClient

from bot import ids
from bot.answering import answer_question
from bot.payloads import field
from bot.services import Services

__all__ = ["register"]

log = logging.getLogger(__name__)

#: Message subtypes written by a person: a DM with a file attached still carries a question.
HUMAN_SUBTYPES = ("", "file_share")


def register(app: App, *, services: Services) -> None:
    def answer_mention(body: dict[str, Any], event: dict[str, Any], client: WebClient) -> None:
        if _skip(body, event, allowed_subtypes=("",)):
            return
        # Reply under the question; if it was already inside a thread, in that thread.
        thread_ts = field(event, "thread_ts") or field(event, "ts")
        _reply(services, client, body, event, thread_ts=thread_ts)

    def answer_direct_message(body: dict[str, Any], event: dict[str, Any], client: WebClient) -> None:
        if field(event, "channel_type") != "im" or _skip(body, event, allowed_subtypes=HUMAN_SUBTYPES):
            return
        _reply(services, client, body, event, thread_ts=field(event, "thread_ts") or None)

    app.event(ids.EVENT_APP_MENTION)(answer_mention)
    # One listener for every `message` event, so the ones we ignore are still matched (and acknowledged with
    # 200, not Bolt's 404 for unhandled requests, which Slack would treat as a failure and retry).
    app.event(ids.EVENT_MESSAGE)(answer_direct_message)


def _skip(body: dict[str, Any], event: dict[str, Any], *, allowed_subtypes: tuple[str, ...]) -> bool:
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


def _reply(
    services: Services, client: WebClient, body: dict[str, Any], event: dict[str, Any], *, thread_ts: str | None
) -> None:
    channel = field(event, "channel")
    answer, message = answer_question(
        services, text=field(event, "text"), user_id=field(event, "user"), channel_id=channel
    )
    client.chat_postMessage(
        channel=channel, thread_ts=thread_ts, unfurl_links=False, unfurl_media=False, **message
    )
    log.info(
        "answered event_id=%s type=%s channel=%s user=%s answered=%s sections=%s",
        field(body, "event_id"),
        field(event, "type"),
        channel,
        field(event, "user"),
        answer.answered,
        ",".join(answer.sections[:3]),
    )
