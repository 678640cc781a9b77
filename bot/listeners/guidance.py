"""The guidance button of a critical answer: it opens the intake modal with the urgent type preset and urgent ticked.

The button's value is only a request type; anything else (a forged or stale value) opens the modal unset rather
than trusting it. The log line carries the type and Slack ids, never the question.
"""
from __future__ import annotations

import logging
from typing import Any

from intake import Classification
from slack_bolt import Ack
from slack_sdk import WebClient

from bot.models import IntakeMetadata
from bot.payloads import field
from bot.services import Services
from bot.views.intake_modal import intake_modal

__all__ = ["open_urgent_intake"]

log = logging.getLogger(__name__)


def open_urgent_intake(ack: Ack, body: dict[str, Any], client: WebClient, services: Services) -> None:
    ack()
    actions = body.get("actions") if isinstance(body.get("actions"), list) else []
    value = actions[0].get("value") if actions and isinstance(actions[0], dict) else None
    known = value in {t.id for t in services.request_types} and services.request_types[value].urgent
    preset = (
        Classification(text="", type=value, urgent=True, confidence=1.0, candidates=((value, 1.0),))
        if known and isinstance(value, str)
        else None
    )
    channel_id = field(body, "channel", "id") or None
    metadata = IntakeMetadata("message", channel_id, preset.type if preset else None)
    view = intake_modal(metadata, request_types=services.request_types, suggestion=preset)
    client.views_open(trigger_id=field(body, "trigger_id"), view=view)
    log.info("intake modal opened source=guidance type=%s user=%s channel=%s",
             preset.type if preset else "-", field(body, "user", "id"), channel_id)
