"""Logging a privacy request: the shortcuts that open the intake modal, and its submission.

`/privacy intake` (commands.py), the global shortcut and the message shortcut all open the same modal; from a
message the description is prefilled and the type and urgency suggested by `intake.classify`. The submission is
checked by `intake.validate_new_case`; a bad field goes back next to itself in the ack and nothing is stored.
A good one is stored with its announcements in one transaction (`CaseDesk.log`), and the ack turns the modal into
the confirmation (case id and due date): the agent is answered even while Slack's Web API is down, because the ack
is the HTTP response itself. Logs carry the case id and Slack ids, never the fields.
"""
from __future__ import annotations

import logging
from typing import Any

from intake import ValidationError, classify, validate_new_case
from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot import ids
from bot.models import IntakeMetadata
from bot.payloads import field
from bot.services import Services
from bot.views.intake_modal import DESCRIPTION_MAX, intake_done_view, intake_fields, intake_modal, modal_errors

__all__ = ["open_intake_modal", "register"]

log = logging.getLogger(__name__)


def open_intake_modal(services: Services, client: WebClient, *, trigger_id: str, metadata: IntakeMetadata,
                      text: str | None = None) -> None:
    """Open the modal (within the ~3 s the trigger id lives), prefilled and classified when `text` is given."""
    suggestion = classify(text, request_types=services.request_types) if text and text.strip() else None
    if suggestion is not None:
        metadata = IntakeMetadata(metadata.source, metadata.channel_id, suggestion.type)
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
        open_intake_modal(services, client, trigger_id=field(shortcut, "trigger_id"),
                          metadata=IntakeMetadata("message", channel_id), text=field(shortcut, "message", "text"))
        log.info("intake modal opened source=message user=%s channel=%s", field(shortcut, "user", "id"), channel_id)

    def submit_intake(ack: Ack, body: dict[str, Any], view: dict[str, Any]) -> None:
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
        with services.db.write_lock:
            case = services.desk().log(new, actor=user_id, now=now)
        ack(response_action="update", view=intake_done_view(case, request_types=services.request_types,
                                                             config=services.config))
        services.wake_delivery()
        log.info("case logged case=%s type=%s urgent=%s user=%s source=%s suggested=%s", case.id, case.type,
                 case.urgent, user_id, metadata.source, metadata.suggested_type or "-")

    app.global_shortcut(ids.SHORTCUT_INTAKE)(open_from_shortcut)
    app.message_shortcut(ids.SHORTCUT_INTAKE_FROM_MESSAGE)(open_from_message)
    app.view(ids.VIEW_INTAKE)(submit_intake)
