"""Logging a privacy request: the shortcuts that open the intake modal, and its submission.

`/privacy intake` (commands.py), the global shortcut and the message shortcut all open the same modal; from a
message the description is prefilled and the type and urgency suggested by `intake.classify`. The submission is
checked by `intake.validate_new_case`; a bad field goes back next to itself in the ack and nothing is stored.
A good one is stored with its announcements in one transaction (`CaseDesk.log_once`), and the ack turns the modal
into the confirmation (case id and due date): the agent is answered even while Slack's Web API is down, because
the ack is the HTTP response itself. Logs carry the case id and Slack ids, never the fields.

Either the case is stored and confirmed, or nothing is stored and the modal says so; never a stored case behind a
modal that timed out (the agent would submit it again). Slack waits 3 s for the ack, so the write may wait for
the database (held by the command line, another process) only until `SUBMIT_WITHIN` after the request arrived;
then it is abandoned before anything was written and the modal asks to submit again.

One modal, one case: a submission is keyed by its view id (and, from the message shortcut, by the message), so a
double click, a retry or a resubmission finds the case already logged and shows it again; nobody is pinged twice.
"""
from __future__ import annotations

import dataclasses
import logging
import time
from typing import Any

from intake import ValidationError, classify, validate_new_case
from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from bot import ids
from bot.dedupe import RECEIVED_AT
from bot.models import IntakeMetadata
from bot.payloads import field
from bot.services import Services
from bot.storage import DatabaseBusy
from bot.views.intake_modal import (
    DESCRIPTION_MAX,
    busy_errors,
    intake_done_view,
    intake_fields,
    intake_modal,
    modal_errors,
)

__all__ = ["SUBMIT_WITHIN", "open_intake_modal", "register"]

log = logging.getLogger(__name__)

#: Seconds after the submission arrived by which the case must be written, or not at all: Slack's 3 s, less the
#: time the ack takes to travel back.
SUBMIT_WITHIN = 2.0


def open_intake_modal(services: Services, client: WebClient, *, trigger_id: str, metadata: IntakeMetadata,
                      text: str | None = None) -> None:
    """Open the modal (within the ~3 s the trigger id lives), prefilled and classified when `text` is given."""
    suggestion = classify(text, request_types=services.request_types) if text and text.strip() else None
    if suggestion is not None:
        metadata = dataclasses.replace(metadata, suggested_type=suggestion.type)
    view = intake_modal(metadata, request_types=services.request_types,
                        description=text[:DESCRIPTION_MAX] if text else None, suggestion=suggestion)
    client.views_open(trigger_id=trigger_id, view=view)


def register(app: App, *, services: Services) -> None:
    def open_from_shortcut(ack: Ack, shortcut: dict[str, Any], client: WebClient) -> None:
        ack()
        open_intake_modal(services, client, trigger_id=field(shortcut, "trigger_id"),
                          metadata=IntakeMetadata("shortcut"))
        log.info("intake modal opened source=shortcut user=%s", field(shortcut, "user", "id"))

    def open_from_message(ack: Ack, shortcut: dict[str, Any], client: WebClient) -> None:
        ack()
        channel_id = field(shortcut, "channel", "id") or None
        metadata = IntakeMetadata("message", channel_id, message_ts=field(shortcut, "message", "ts") or None)
        open_intake_modal(services, client, trigger_id=field(shortcut, "trigger_id"), metadata=metadata,
                          text=field(shortcut, "message", "text"))
        log.info("intake modal opened source=message user=%s channel=%s", field(shortcut, "user", "id"), channel_id)

    def submit_intake(ack: Ack, body: dict[str, Any], view: dict[str, Any], context: BoltContext) -> None:
        user_id = field(body, "user", "id")
        metadata = IntakeMetadata.decode(view.get("private_metadata"))
        state = view.get("state")
        values = state.get("values") if isinstance(state, dict) else None
        now = services.clock()
        try:
            new = validate_new_case(intake_fields(values if isinstance(values, dict) else {}),
                                    request_types=services.request_types, config=services.config, now=now)
        except ValidationError as error:
            ack(response_action="errors", errors=modal_errors(error.errors))
            log.info("intake rejected user=%s fields=%s", user_id, ",".join(sorted(error.errors)))
            return
        arrived = context.get(RECEIVED_AT, time.monotonic())
        try:
            with services.db.bounded_write(SUBMIT_WITHIN - (time.monotonic() - arrived)):
                case, created = services.desk().log_once(new, keys=_submission_keys(view, metadata), actor=user_id,
                                                        now=now)
        except DatabaseBusy:
            ack(response_action="errors", errors=busy_errors())
            log.warning("intake not stored: database busy user=%s source=%s", user_id, metadata.source)
            return
        ack(response_action="update", view=intake_done_view(case, request_types=services.request_types,
                                                            config=services.config, repeat=not created))
        if not created:
            log.info("intake repeated case=%s user=%s source=%s", case.id, user_id, metadata.source)
            return
        services.wake_delivery()
        log.info("case logged case=%s type=%s urgent=%s user=%s source=%s suggested=%s", case.id, case.type,
                 case.urgent, user_id, metadata.source, metadata.suggested_type or "-")

    app.global_shortcut(ids.SHORTCUT_INTAKE)(open_from_shortcut)
    app.message_shortcut(ids.SHORTCUT_INTAKE_FROM_MESSAGE)(open_from_message)
    app.view(ids.VIEW_INTAKE)(submit_intake)


def _submission_keys(view: dict[str, Any], metadata: IntakeMetadata) -> list[str]:
    """What makes two submissions the same request: the modal (Slack keeps its view id across resubmits), and the
    Slack message it was opened from."""
    keys = [f"slack-view:{view['id']}"] if isinstance(view.get("id"), str) and view["id"] else []
    if metadata.source == "message" and metadata.channel_id and metadata.message_ts:
        keys.append(f"slack-message:{metadata.channel_id}:{metadata.message_ts}")
    return keys
