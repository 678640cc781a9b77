"""Logging a privacy request: the `/privacy` command, the shortcuts that open the intake modal, and its submission.

`/privacy QUESTION` answers privately (with a button to share); `/privacy help` or `/privacy` shows the guide;
`/privacy intake [TEXT]` (or `登録` / `受付`) opens the intake modal; `/privacy cases` (or `一覧` / `案件`) shows the
privacy team its open queue privately, and anyone else the guide. `bot/slash.py` tells the forms from a question:
anything that is not one is a question, so `/privacy 退職者のデータは？` just works and an unknown "sub-command" gets
an answer (or the bot's honest "not in the policy") rather than an error. A question is recorded in the inbox before
the ack and answered at its `response_url` by the answer worker, like a mention, so a crash right after the ack
loses nothing. When the inbox is full (or cannot take it in time), the ack itself says "busy, please try again":
nothing is kept, and the asker knows it. The queue is read after the ack (acks never wait on the case database) and
sent to the `response_url`, ephemeral.

`/privacy intake`, the global shortcut and the message shortcut all open the same modal; from a message, or with
text after `/privacy intake`, the description is prefilled and the type and urgency suggested by `intake.classify`. The submission is
checked by `intake.validate_new_case`; a bad field goes back next to itself in the ack and nothing is stored.
A good one, with the key of the policy version in force at its receipt, is stored with its announcements in one
transaction (`CaseDesk.log_once`), and the ack turns the modal into the confirmation (case id and due date): the
agent is answered even while Slack's Web API is down, because the ack is the HTTP response itself. Logs carry the
case id and Slack ids, never the fields.

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
import uuid
from typing import Any

from intake import ValidationError, classify, validate_new_case
from common.text import detect_language
from slack_bolt import Ack, BoltContext, Respond
from slack_sdk import WebClient

from bot.dedupe import RECEIVED_AT
from bot.inbox import InboxUnavailable, Question, Receipt
from bot.models import IntakeMetadata
from bot.payloads import field
from bot.services import Services
from bot.slash import Form, parse_slash
from bot.storage import DatabaseBusy
from bot.views.case_labels import words_for
from bot.views.intake_modal import (
    DESCRIPTION_MAX,
    busy_errors,
    intake_done_view,
    intake_fields,
    intake_modal,
    modal_errors,
)
from bot.views.notices import busy_message, guide_message
from bot.views.problems import field_messages
from bot.views.queue_message import queue_message

__all__ = [
    "SUBMIT_WITHIN",
    "handle_privacy_command",
    "open_from_message",
    "open_from_shortcut",
    "open_intake_modal",
    "submit_intake",
]

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


def handle_privacy_command(ack: Ack, command: dict[str, Any], client: WebClient, respond: Respond,
                           services: Services) -> None:
    typed = field(command, "text").strip()
    user_id, channel_id = field(command, "user_id"), field(command, "channel_id")
    slash = parse_slash(typed)
    if slash.form is Form.INTAKE and field(command, "trigger_id"):
        ack()  # then open the modal at once: the trigger id expires about 3 s after the command
        open_intake_modal(services, client, trigger_id=field(command, "trigger_id"),
                          metadata=IntakeMetadata("command", channel_id or None), text=slash.text or None)
        log.info("intake modal opened source=command user=%s channel=%s prefilled=%s", user_id, channel_id,
                 bool(slash.text))
        return
    if slash.form is Form.CASES and services.config.is_privileged(user_id) and field(command, "response_url"):
        ack()
        _show_queue(user_id, respond, services)
        return
    if slash.form is not Form.QUESTION:
        # The guide (also for `cases` outside the team): cheap and needs no I/O, so it goes back in the ack itself.
        ack(response_type="ephemeral", **guide_message(detect_language(typed)))
        return
    if not field(command, "response_url"):
        ack()
        log.warning("command ignored: no response_url user=%s", user_id)
        return
    question = Question("command", channel_id, user_id, slash.text, response_url=field(command, "response_url"))
    # Slack never resends a command: there is nothing to dedupe, the key only has to be unique.
    try:
        receipt = services.answers.owe(f"command:{uuid.uuid4().hex}", question)
    except InboxUnavailable:
        receipt = Receipt.BUSY  # nothing was recorded: say so now rather than leave the asker waiting
    if receipt is Receipt.BUSY:
        ack(response_type="ephemeral", **busy_message(detect_language(typed)))
        log.warning("command answered busy user=%s channel=%s", user_id, channel_id)
        return
    ack()
    if receipt is Receipt.OWED:
        services.answers.wake()


def _show_queue(user_id: str, respond: Respond, services: Services) -> None:
    """`/privacy cases` from the privacy team: the open queue, for the reader only."""
    now = services.clock()
    cases = services.store().list_cases(actor=user_id)
    respond(response_type="ephemeral", replace_original=False,
            **queue_message(cases, now=now, request_types=services.request_types))
    log.info("queue shown source=command user=%s cases=%s", user_id, len(cases))


def open_from_shortcut(ack: Ack, shortcut: dict[str, Any], client: WebClient, services: Services) -> None:
    ack()
    open_intake_modal(services, client, trigger_id=field(shortcut, "trigger_id"), metadata=IntakeMetadata("shortcut"))
    log.info("intake modal opened source=shortcut user=%s", field(shortcut, "user", "id"))


def open_from_message(ack: Ack, shortcut: dict[str, Any], client: WebClient, services: Services) -> None:
    ack()
    channel_id = field(shortcut, "channel", "id") or None
    metadata = IntakeMetadata("message", channel_id, message_ts=field(shortcut, "message", "ts") or None)
    open_intake_modal(services, client, trigger_id=field(shortcut, "trigger_id"), metadata=metadata,
                      text=field(shortcut, "message", "text"))
    log.info("intake modal opened source=message user=%s channel=%s", field(shortcut, "user", "id"), channel_id)


def submit_intake(ack: Ack, body: dict[str, Any], view: dict[str, Any], context: BoltContext,
                  services: Services) -> None:
    user_id = field(body, "user", "id")
    metadata = IntakeMetadata.decode(view.get("private_metadata"))
    state = view.get("state")
    values = state.get("values") if isinstance(state, dict) else None
    now = services.clock()
    try:
        new = validate_new_case(intake_fields(values if isinstance(values, dict) else {}),
                                request_types=services.request_types, config=services.config, now=now)
    except ValidationError as error:
        ack(response_action="errors", errors=modal_errors(field_messages(error, words=words_for(services.request_types))))
        log.info("intake rejected user=%s fields=%s", user_id, ",".join(sorted(error.errors)))
        return
    # The policy version in force at receipt: the case's reply drafts quote it whatever is in force later.
    new = dataclasses.replace(new, policy_version=services.knowledge.in_force(new.received_at).key)
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


def _submission_keys(view: dict[str, Any], metadata: IntakeMetadata) -> list[str]:
    """What makes two submissions the same request: the modal (Slack keeps its view id across resubmits), and the
    Slack message it was opened from."""
    keys = [f"slack-view:{view['id']}"] if isinstance(view.get("id"), str) and view["id"] else []
    if metadata.source == "message" and metadata.channel_id and metadata.message_ts:
        keys.append(f"slack-message:{metadata.channel_id}:{metadata.message_ts}")
    return keys
