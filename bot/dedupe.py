"""Receiving a request: every event is recorded in the inbox before the ack, once, with what it owes.

Slack retries an event up to three times (at once, +1 min, +5 min) when our 2xx is late or lost, and a restart
can make it redeliver; every delivery carries the same `event_id`. The id is the inbox's unique key
(`bot/inbox.py`), written when the event is *received*, before the ack and before any work: a retry that races
the first delivery loses on that key instead of producing a second answer, and a question acknowledged to Slack
is always one the inbox holds, so a crash cannot lose it.

The inbox is a small file of its own, so the ack never waits on the case database. If even the inbox cannot take
the event within a second, the answer is 503: Slack retries later, rather than getting a 200 for something we
did not keep.

Every request is also stamped with the moment it arrived (`RECEIVED_AT`), so a listener that must reply within
Slack's 3 seconds (the intake modal) knows how much of that time is left.
"""
from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable
from typing import Any

from slack_bolt import BoltContext
from slack_bolt.response import BoltResponse

from bot.answer_worker import AnswerWorker
from bot.inbox import InboxUnavailable, Receipt
from bot.questions import question_in_event

__all__ = ["RECEIPT", "RECEIVED_AT", "receive_middleware"]

#: Context keys: the inbox's `Receipt` for an event, and `time.monotonic()` when the request arrived.
RECEIPT = "inbox_receipt"
RECEIVED_AT = "received_at_monotonic"


def receive_middleware(answers: AnswerWorker, log: logging.Logger) -> Callable[..., BoltResponse | None]:
    """A global Bolt middleware: stamp the arrival, record events, and answer a duplicate with 200 there.

    200 for a duplicate (not an error) because Slack would otherwise keep retrying something we already hold.
    """

    def receive(body: dict[str, Any], context: BoltContext, next: Callable[[], None]) -> BoltResponse | None:  # noqa: A002
        context[RECEIVED_AT] = time.monotonic()
        if body.get("type") != "event_callback":
            next()
            return None
        event_id = body.get("event_id")
        key = event_id if isinstance(event_id, str) and event_id else f"event:{uuid.uuid4().hex}"
        try:
            receipt = answers.owe(key, question_in_event(body))
        except InboxUnavailable as error:
            log.warning("event not recorded, left for Slack to retry event_id=%s error=%s", event_id, error)
            return BoltResponse(status=503, body="")
        if receipt is Receipt.DUPLICATE:
            log.info("duplicate event ignored event_id=%s", event_id)
            return BoltResponse(status=200, body="")
        context[RECEIPT] = receipt
        next()
        return None

    return receive
