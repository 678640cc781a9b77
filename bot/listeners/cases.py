"""Acting on a case from Slack: the buttons of the manager's card and the forms behind them.

Every button acks first. 受付 (Acknowledge) and 対応を再開 (Back to work) are commands by themselves; the other
buttons open a form about the case (for the team only), and the form's submission is read into a command (`bot/views/case_forms.py`). Either way the
command goes to `CaseDesk.handle`, which decides: it authorises the presser (manager, deputy or privacy team, else
`NotAuthorised`), checks the move and its details, and commits the change with its outbox rows; the sender then
edits every card of the case in place (`chat.update`), showing the new status and who acted. Nothing is edited
here directly. A refusal is worded by `bot/views/problems.py`: next to the button (ephemeral), or next to the
form's field concerned.

An option of the card's ⋯ menu comes to the listener of the button it stands for (`chose`, in the listener
table), which reads the case from the option (`case_id_pressed`) exactly as from a button.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from intake import (
    JST,
    Acknowledge,
    Case,
    CaseNotFound,
    Command,
    IntakeError,
    NotAuthorised,
    ReplyStage,
    StartWork,
    ValidationError,
    fitting_stages,
    suggested_stage,
)
from knowledge.drafts import VersionUnreadable, case_knowledge_base, draft_reply, reply_language
from slack_bolt import Ack, Respond
from slack_sdk import WebClient

from bot import ids
from bot.listeners.replies import reply
from bot.models import CaseActionMetadata, case_id_pressed, menu_choice
from bot.payloads import field
from bot.services import Services
from bot.views.blocks import Block
from bot.views.case_forms import (
    parse_assign,
    parse_edit,
    parse_extend,
    parse_note,
    parse_refuse,
    parse_reply_sent,
    parse_resolve,
    parse_transfer,
    parse_wait,
    parse_withdraw,
    reply_choice,
)
from bot.views.case_labels import words_for
from bot.views.case_modals import (
    assign_modal,
    case_detail_modal,
    draft_reply_modal,
    draft_unavailable_modal,
    edit_modal,
    extend_modal,
    note_modal,
    refuse_modal,
    resolve_modal,
    transfer_modal,
    wait_modal,
    withdraw_modal,
)
from bot.views.problems import STALE_FORM, field_messages, refusal_message, refusal_text

__all__ = [
    "acknowledge",
    "open_assign_form",
    "open_case",
    "open_draft_reply",
    "open_edit_form",
    "open_extend_form",
    "open_note_form",
    "open_refuse_form",
    "open_resolve_form",
    "open_transfer_form",
    "redraft_reply",
    "submit_assign",
    "submit_edit",
    "submit_extend",
    "submit_note",
    "submit_refuse",
    "submit_reply_sent",
    "submit_resolve",
    "submit_transfer",
    "back_to_work",
    "chose",
    "open_wait_form",
    "open_withdraw_form",
    "submit_wait",
    "submit_withdraw",
]

log = logging.getLogger(__name__)


def _pressed(ack: Ack, body: dict[str, Any], action: dict[str, Any]) -> tuple[str, str] | None:
    """Ack the button; who pressed it and which case it is about (None for a value that names no case)."""
    ack()
    case_id = case_id_pressed(action)
    return (field(body, "user", "id"), case_id) if case_id is not None else None


def _refused(name: str, case_id: str, user_id: str, error: IntakeError, body: dict[str, Any],
             respond: Respond | None) -> None:
    """Tell the presser why nothing happened, and log it (someone outside the team as a warning)."""
    reply(body, respond, refusal_message(error))
    if isinstance(error, NotAuthorised):
        log.warning("case action refused action=%s case=%s user=%s reason=not_allowed", name, case_id, user_id)
    else:
        log.info("case action refused action=%s case=%s user=%s reason=%s", name, case_id, user_id,
                 type(error).__name__)


def chose(action_id: str) -> Callable[[dict[str, Any]], bool]:
    """A listener matcher: the option chosen in a card's ⋯ menu stands for the button `action_id`."""

    def matches(action: dict[str, Any]) -> bool:
        chosen = menu_choice(action)
        return chosen is not None and chosen[0] == action_id

    return matches


def acknowledge(ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond | None,
                services: Services) -> None:
    """受付: the manager has seen the case (this stops the escalation clock)."""
    _act("acknowledged", Acknowledge(), ack, body, action, respond, services)


def back_to_work(ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond | None,
                 services: Services) -> None:
    """対応を再開: the requester answered (or the wait is over); the case is in progress again."""
    _act("back to work", StartWork(), ack, body, action, respond, services)


def _act(name: str, command: Command, ack: Ack, body: dict[str, Any], action: dict[str, Any],
         respond: Respond | None, services: Services) -> None:
    """A button that is a command by itself: hand it to the desk, or tell the presser why not."""
    pressed = _pressed(ack, body, action)
    if pressed is None:
        return
    user_id, case_id = pressed
    try:
        with services.db.write_lock:
            services.desk().handle(case_id, command, actor=user_id, now=services.clock())
    except IntakeError as error:
        _refused(name, case_id, user_id, error, body, respond)
        return
    services.wake_delivery()
    log.info("case %s case=%s user=%s", name, case_id, user_id)


# -- buttons that open a form (or the details) about the case -------------------------------------------------


def _open(name: str, build: Callable[[Case], Block], ack: Ack, body: dict[str, Any], action: dict[str, Any],
          respond: Respond | None, client: WebClient, services: Services) -> None:
    """Ack, read the case as the presser (the team only), and open `build(case)` in a modal."""
    pressed = _pressed(ack, body, action)
    if pressed is None:
        return
    user_id, case_id = pressed
    try:
        case = services.store().get(case_id, actor=user_id)
    except (NotAuthorised, CaseNotFound) as error:
        _refused(name, case_id, user_id, error, body, respond)
        return
    client.views_open(trigger_id=field(body, "trigger_id"), view=build(case))
    log.info("case form opened action=%s case=%s user=%s", name, case_id, user_id)


def _team(services: Services) -> list[str]:
    config = services.config
    return [user for user in dict.fromkeys((config.manager, config.deputy, *config.privacy_team)) if user]


def open_assign_form(ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond | None,
                     client: WebClient, services: Services) -> None:
    _open("assign", lambda case: assign_modal(case, request_types=services.request_types, team=_team(services)),
          ack, body, action, respond, client, services)


def open_resolve_form(ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond | None,
                      client: WebClient, services: Services) -> None:
    _open("resolve", lambda case: resolve_modal(case, request_types=services.request_types),
          ack, body, action, respond, client, services)


def open_refuse_form(ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond | None,
                     client: WebClient, services: Services) -> None:
    _open("refuse", lambda case: refuse_modal(case, request_types=services.request_types),
          ack, body, action, respond, client, services)


def open_extend_form(ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond | None,
                     client: WebClient, services: Services) -> None:
    today = services.clock().astimezone(JST).date()
    _open("extend", lambda case: extend_modal(case, request_types=services.request_types, today=today),
          ack, body, action, respond, client, services)


def open_transfer_form(ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond | None,
                       client: WebClient, services: Services) -> None:
    _open("transfer", lambda case: transfer_modal(case, request_types=services.request_types),
          ack, body, action, respond, client, services)


def open_wait_form(ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond | None,
                   client: WebClient, services: Services) -> None:
    _open("wait", lambda case: wait_modal(case, request_types=services.request_types),
          ack, body, action, respond, client, services)


def open_withdraw_form(ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond | None,
                       client: WebClient, services: Services) -> None:
    _open("withdraw", lambda case: withdraw_modal(case, request_types=services.request_types),
          ack, body, action, respond, client, services)


def open_case(ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond | None, client: WebClient,
              services: Services) -> None:
    """The case's details and history (App Home's queue, a reminder): read-only, no submission."""
    _open("open", lambda case: case_detail_modal(case, request_types=services.request_types,
                                                 policy_version=services.policy_version_label(case.policy_version)),
          ack, body, action, respond, client, services)


def open_note_form(ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond | None,
                   client: WebClient, services: Services) -> None:
    """📝 Note, on the card or an App Home row: a small form for an internal note."""
    _open("note", lambda case: note_modal(case, request_types=services.request_types),
          ack, body, action, respond, client, services)


def open_edit_form(ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond | None,
                   client: WebClient, services: Services) -> None:
    """✏️ Edit: the case's details, prefilled, checked by the core with intake's rules on submission."""
    _open("edit", lambda case: edit_modal(case, request_types=services.request_types),
          ack, body, action, respond, client, services)


# -- the forms' submissions ----------------------------------------------------------------------------------


def _submit(name: str, parse: Callable[[dict[str, Any]], Command], ack: Ack, body: dict[str, Any],
            view: dict[str, Any], services: Services) -> None:
    """Read the form into a command and hand it to the desk; refusals go back into the form, next to the field
    concerned (or on its first input, for a refusal of the whole change)."""
    user_id = field(body, "user", "id")
    metadata = CaseActionMetadata.decode(view.get("private_metadata"))
    state = view.get("state")
    values = state.get("values") if isinstance(state, dict) else None
    values = values if isinstance(values, dict) else {}
    first = next(iter(values), ids.BLOCK_REASON)
    if metadata is None:
        ack(response_action="errors", errors={first: STALE_FORM})
        return
    try:
        command = parse(values)
        with services.db.write_lock:
            services.desk().handle(metadata.case_id, command, actor=user_id, now=services.clock())
    except ValidationError as error:
        ack(response_action="errors", errors={
            (key if key in values else first): message
            for key, message in field_messages(error, words=words_for(services.request_types)).items()})
        log.info("case form rejected action=%s case=%s user=%s fields=%s", name, metadata.case_id, user_id,
                 ",".join(sorted(error.errors)))
        return
    except IntakeError as error:
        ack(response_action="errors", errors={first: refusal_text(error)})
        log.info("case form refused action=%s case=%s user=%s reason=%s", name, metadata.case_id, user_id,
                 type(error).__name__)
        return
    ack()
    services.wake_delivery()
    log.info("case %s case=%s user=%s", name, metadata.case_id, user_id)


def submit_assign(ack: Ack, body: dict[str, Any], view: dict[str, Any], services: Services) -> None:
    _submit("assigned", parse_assign, ack, body, view, services)


def submit_resolve(ack: Ack, body: dict[str, Any], view: dict[str, Any], services: Services) -> None:
    _submit("resolved", parse_resolve, ack, body, view, services)


def submit_refuse(ack: Ack, body: dict[str, Any], view: dict[str, Any], services: Services) -> None:
    _submit("refused", parse_refuse, ack, body, view, services)


def submit_transfer(ack: Ack, body: dict[str, Any], view: dict[str, Any], services: Services) -> None:
    _submit("transferred", parse_transfer, ack, body, view, services)


def submit_extend(ack: Ack, body: dict[str, Any], view: dict[str, Any], services: Services) -> None:
    _submit("extended", lambda values: parse_extend(values, calendar=services.config.calendar), ack, body, view,
            services)


def submit_note(ack: Ack, body: dict[str, Any], view: dict[str, Any], services: Services) -> None:
    _submit("noted", parse_note, ack, body, view, services)


def submit_edit(ack: Ack, body: dict[str, Any], view: dict[str, Any], services: Services) -> None:
    _submit("edited", parse_edit, ack, body, view, services)


# -- the reply draft: shown, redrawn for another stage or language, marked sent ---------------------------------


def _draft_view(case: Case, services: Services, *, stage: str | None = None, language: str | None = None) -> Block:
    """The draft modal for `stage` (when it fits the case; else the stage the case's status suggests), quoting the
    policy version the case was received under; when that version cannot be read, a modal saying so instead."""
    stages = fitting_stages(case)
    chosen = ReplyStage(stage) if stage in stages else suggested_stage(case)
    try:
        knowledge_base = case_knowledge_base(services.knowledge, case)
    except VersionUnreadable as error:
        log.warning("case draft impossible: policy version unreadable case=%s version=%s problems=%s", case.id,
                    error.key, len(error.problems))
        return draft_unavailable_modal(case, error=error, request_types=services.request_types)
    draft = draft_reply(case, chosen, language=reply_language(language), knowledge_base=knowledge_base,
                        request_types=services.request_types)
    return draft_reply_modal(case, draft=draft, stages=stages, request_types=services.request_types)


def open_draft_reply(ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond | None,
                     client: WebClient, services: Services) -> None:
    """返信文案: the reply the case's status suggests, in Japanese; the team only (it shows personal data)."""
    _open("draft", lambda case: _draft_view(case, services), ack, body, action, respond, client, services)


def redraft_reply(ack: Ack, body: dict[str, Any], client: WebClient, services: Services) -> None:
    """Another stage or language was picked in the draft modal: draw the modal again with that draft."""
    ack()
    user_id = field(body, "user", "id")
    view = body.get("view")
    view = view if isinstance(view, dict) else {}
    metadata = CaseActionMetadata.decode(view.get("private_metadata"))
    state = view.get("state")
    values = state.get("values") if isinstance(state, dict) else None
    if metadata is None or not field(view, "id"):
        return
    stage, language = reply_choice(values if isinstance(values, dict) else {})
    try:
        case = services.store().get(metadata.case_id, actor=user_id)
    except (NotAuthorised, CaseNotFound) as error:
        log.info("case draft refused case=%s user=%s reason=%s", metadata.case_id, user_id, type(error).__name__)
        return
    client.views_update(view_id=field(view, "id"), hash=field(view, "hash") or None,
                        view=_draft_view(case, services, stage=stage, language=language))
    log.info("case draft redrawn case=%s user=%s", metadata.case_id, user_id)


def submit_reply_sent(ack: Ack, body: dict[str, Any], view: dict[str, Any], services: Services) -> None:
    """送信済みにする: the person sent the shown draft; recorded as `ReplySent(stage, language)`."""
    _submit("reply_sent", parse_reply_sent, ack, body, view, services)


def submit_wait(ack: Ack, body: dict[str, Any], view: dict[str, Any], services: Services) -> None:
    _submit("waiting", parse_wait, ack, body, view, services)


def submit_withdraw(ack: Ack, body: dict[str, Any], view: dict[str, Any], services: Services) -> None:
    _submit("withdrawn", parse_withdraw, ack, body, view, services)
