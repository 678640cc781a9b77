"""Acting on a case from Slack: the buttons of the manager's card, the modals behind them, and App Home.

Every button acks first, then calls the core, which decides: `CaseStore` authorises the presser (manager, deputy
or privacy team, else `NotAuthorised`) and the state machine refuses impossible moves. Nothing is edited here
directly: the change commits together with its outbox rows, and the sender edits every card of the case in place
(`chat.update`), showing the new status and who acted. Someone outside the team gets an ephemeral "not allowed"
and nothing changes. Modal forms send the core's per-field errors back next to their fields.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from intake import (
    CaseDesk,
    CaseNotFound,
    IntakeError,
    InvalidTransition,
    JST,
    NotAuthorised,
    Outbox,
    Status,
    ValidationError,
)
from intake.case import Case
from intake.validation import parse_moment
from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient

from bot import ids
from bot.models import CaseActionMetadata, case_id_of
from bot.payloads import field, input_value
from bot.services import Services
from bot.views.case_messages import not_allowed_message, notice_message
from bot.views.case_modals import (
    assign_modal,
    case_detail_modal,
    extend_modal,
    refuse_modal,
    resolve_modal,
    transfer_modal,
)
from bot.views.home import guide_home, queue_home

__all__ = ["register"]

log = logging.getLogger(__name__)

#: A form's submission: the desk, the case id, who submitted, and the form's inputs by block id.
Perform = Callable[[CaseDesk, str, str, dict[str, Any]], Case]


def _reply(body: dict[str, Any], respond: Respond | None, text: str | None = None) -> None:
    """Ephemeral, next to the button; a Home tab button has no response_url, and nothing is shown there."""
    if respond is not None and field(body, "response_url"):
        message = notice_message(text) if text else not_allowed_message()
        respond(response_type="ephemeral", replace_original=False, **message)


def _refusal(error: IntakeError) -> str:
    """The core's refusal of a button, worded for the person who pressed it."""
    if isinstance(error, InvalidTransition):
        return (f"{error.case_id} は現在「{error.from_status}」のため、この操作はできません。"
                f" / {error.case_id} is {error.from_status}: this action is not possible now.")
    if isinstance(error, CaseNotFound):
        return f"{error.case_id} が見つかりませんでした。 / Case {error.case_id} was not found."
    if isinstance(error, NotAuthorised):
        return "この操作は許可されていません。 / You are not allowed to do this."
    return str(error)


def register(app: App, *, services: Services) -> None:
    def acknowledge(ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond | None) -> None:
        ack()
        user_id = field(body, "user", "id")
        case_id = case_id_of(action.get("value"))
        if case_id is None:
            return
        try:
            with services.db.write_lock:
                services.desk().acknowledge(case_id, actor=user_id, now=services.clock())
        except NotAuthorised:
            _reply(body, respond)
            log.warning("case action refused action=acknowledge case=%s user=%s reason=not_allowed", case_id, user_id)
            return
        except IntakeError as error:
            _reply(body, respond, _refusal(error))
            log.info("case action refused action=acknowledge case=%s user=%s reason=%s", case_id, user_id,
                     type(error).__name__)
            return
        services.wake_delivery()
        log.info("case acknowledged case=%s user=%s", case_id, user_id)

    def form_button(name: str, build: Callable[[Case], dict[str, Any]]) -> Callable[..., None]:
        """A button that opens a form (or the details) about the case, for the team only."""

        def open_form(ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond | None,
                      client: WebClient) -> None:
            ack()
            user_id = field(body, "user", "id")
            case_id = case_id_of(action.get("value"))
            if case_id is None:
                return
            try:
                case = services.store().get(case_id, actor=user_id)
            except NotAuthorised:
                _reply(body, respond)
                log.warning("case action refused action=%s case=%s user=%s reason=not_allowed", name, case_id, user_id)
                return
            except CaseNotFound as error:
                _reply(body, respond, _refusal(error))
                return
            client.views_open(trigger_id=field(body, "trigger_id"), view=build(case))
            log.info("case form opened action=%s case=%s user=%s", name, case_id, user_id)

        open_form.__name__ = f"open_{name}_form"
        return open_form

    def submission(name: str, perform: Perform) -> Callable[..., None]:
        """A form's submit: call the core; its refusals go back into the form, next to the field concerned."""

        def submit(ack: Ack, body: dict[str, Any], view: dict[str, Any]) -> None:
            user_id = field(body, "user", "id")
            metadata = CaseActionMetadata.decode(view.get("private_metadata"))
            state = view.get("state")
            values = state.get("values") if isinstance(state, dict) else None
            values = values if isinstance(values, dict) else {}
            first = next(iter(values), ids.BLOCK_REASON)
            if metadata is None:
                ack(response_action="errors", errors={first: "この画面は古くなっています。閉じて開き直してください。"})
                return
            try:
                with services.db.write_lock:
                    perform(services.desk(), metadata.case_id, user_id, values)
            except ValidationError as error:
                ack(response_action="errors", errors={
                    (key if key in values else first): message for key, message in error.errors.items()})
                log.info("case form rejected action=%s case=%s user=%s fields=%s", name, metadata.case_id, user_id,
                         ",".join(sorted(error.errors)))
                return
            except IntakeError as error:
                ack(response_action="errors", errors={first: _refusal(error)})
                log.info("case form refused action=%s case=%s user=%s reason=%s", name, metadata.case_id, user_id,
                         type(error).__name__)
                return
            ack()
            services.wake_delivery()
            log.info("case %s case=%s user=%s", name, metadata.case_id, user_id)

        submit.__name__ = f"submit_{name}"
        return submit

    def text(values: dict[str, Any], block_id: str) -> str | None:
        value = input_value(values, block_id, ids.INPUT_VALUE)
        return value.strip() or None if isinstance(value, str) else None

    def assign(desk: CaseDesk, case_id: str, actor: str, values: dict[str, Any]) -> Case:
        assignee = text(values, ids.BLOCK_ASSIGNEE)
        if assignee is None:
            raise ValidationError({ids.BLOCK_ASSIGNEE: "担当者を選んでください (choose an assignee)"})
        return desk.assign(case_id, actor=actor, assignee=assignee, now=services.clock())

    def resolve(desk: CaseDesk, case_id: str, actor: str, values: dict[str, Any]) -> Case:
        outcome = text(values, ids.BLOCK_OUTCOME)
        if outcome is None:
            raise ValidationError({ids.BLOCK_OUTCOME: "結果を選んでください (choose an outcome)"})
        return desk.move(case_id, to_status=Status.RESOLVED, actor=actor, now=services.clock(),
                         outcome=outcome, reason=text(values, ids.BLOCK_REASON))

    def refuse(desk: CaseDesk, case_id: str, actor: str, values: dict[str, Any]) -> Case:
        return desk.move(case_id, to_status=Status.REFUSED, actor=actor, now=services.clock(),
                         ground=text(values, ids.BLOCK_GROUND), reason=text(values, ids.BLOCK_REASON))

    def transfer(desk: CaseDesk, case_id: str, actor: str, values: dict[str, Any]) -> Case:
        return desk.move(case_id, to_status=Status.TRANSFERRED, actor=actor, now=services.clock(),
                         client=text(values, ids.BLOCK_CLIENT), reason=text(values, ids.BLOCK_REASON))

    def extend(desk: CaseDesk, case_id: str, actor: str, values: dict[str, Any]) -> Case:
        picked = text(values, ids.BLOCK_DUE)
        try:
            new_due = parse_moment(picked or "", end_of_day=services.config.calendar)
        except ValueError:
            raise ValidationError({ids.BLOCK_DUE: "新しい期限を選んでください (choose the new due date)"}) from None
        return desk.extend(case_id, actor=actor, new_due=new_due, reason=text(values, ids.BLOCK_REASON),
                           now=services.clock())

    def team() -> list[str]:
        config = services.config
        return [user for user in dict.fromkeys((config.manager, config.deputy, *config.privacy_team)) if user]

    types = services.request_types
    app.action(ids.ACTION_CASE_ACKNOWLEDGE)(acknowledge)
    app.action(ids.ACTION_CASE_ASSIGN)(
        form_button("assign", lambda case: assign_modal(case, request_types=types, team=team())))
    app.action(ids.ACTION_CASE_RESOLVE)(form_button("resolve", lambda case: resolve_modal(case, request_types=types)))
    app.action(ids.ACTION_CASE_REFUSE)(form_button("refuse", lambda case: refuse_modal(case, request_types=types)))
    app.action(ids.ACTION_CASE_EXTEND)(form_button("extend", lambda case: extend_modal(
        case, request_types=types, today=services.clock().astimezone(JST).date())))
    app.action(ids.ACTION_CASE_TRANSFER)(
        form_button("transfer", lambda case: transfer_modal(case, request_types=types)))
    app.action(ids.ACTION_CASE_OPEN)(form_button("open", lambda case: case_detail_modal(case, request_types=types)))
    app.view(ids.VIEW_CASE_ASSIGN)(submission("assigned", assign))
    app.view(ids.VIEW_CASE_RESOLVE)(submission("resolved", resolve))
    app.view(ids.VIEW_CASE_REFUSE)(submission("refused", refuse))
    app.view(ids.VIEW_CASE_EXTEND)(submission("extended", extend))
    app.view(ids.VIEW_CASE_TRANSFER)(submission("transferred", transfer))

    def publish_home(event: dict[str, Any], client: WebClient) -> None:
        if field(event, "tab") not in ("", "home"):
            return  # the Messages tab: nothing to publish
        user_id = field(event, "user")
        privileged = services.config.is_privileged(user_id)
        cases = services.store().list_cases(actor=user_id) if privileged else []
        failed = Outbox(services.db.get()).failed() if privileged else []
        view = (queue_home(cases, now=services.clock(), request_types=types, failed=failed) if privileged
                else guide_home())
        client.views_publish(user_id=user_id, view=view)
        log.info("home published user=%s queue=%s", user_id, len(cases) if privileged else "guide")

    app.event(ids.EVENT_APP_HOME_OPENED)(publish_home)
