"""What a person can do to a case, one small value per change; `CaseDesk.handle` carries each one out.

The edges only parse into these: a Slack form (`bot/views/case_forms.py`), a card button, a `privacy-bot cases`
verb (`command_for_status` for `cases transition ID STATUS`). The desk then authorises, checks the state machine
and the details, and writes the change, its audit event and its outbox rows in one transaction.

The status commands name the status they lead to (`target`); every one may carry a reason (the audit note).
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import ClassVar

from intake.errors import Code, FieldError, ValidationError
from intake.lifecycle import WAITING_FOR, Status
from intake.request_types import RequestType

__all__ = [
    "Acknowledge",
    "AddNote",
    "Assign",
    "Command",
    "EditDetails",
    "Extend",
    "Purge",
    "RecordReplySent",
    "Refuse",
    "Resolve",
    "StartWork",
    "StatusCommand",
    "Transfer",
    "WaitForRequester",
    "Withdraw",
    "check_details",
    "check_identity",
    "command_for_status",
]


@dataclass(frozen=True)
class _Step:
    """A status command that needs nothing but an optional reason."""

    reason: str | None = None


@dataclass(frozen=True)
class Acknowledge(_Step):
    """受付: the manager has seen the case (this is what stops the escalation clock)."""

    target: ClassVar[Status] = Status.ACKNOWLEDGED


@dataclass(frozen=True)
class StartWork(_Step):
    target: ClassVar[Status] = Status.IN_PROGRESS


@dataclass(frozen=True)
class WaitForRequester:
    """Waiting on the requester for `waiting_for` (one of `intake.lifecycle.WAITING_FOR`: identity documents, more
    details, their choice, other), with what exactly in `reason`; the due date keeps running meanwhile."""

    target: ClassVar[Status] = Status.WAITING_REQUESTER
    waiting_for: str | None
    reason: str | None = None


@dataclass(frozen=True)
class Resolve:
    """`identity_override` is the manager's reason for resolving a request that acts on someone's data (a
    disclosure, a deletion...) as fulfilled before the requester's identity is verified; it is audited."""

    target: ClassVar[Status] = Status.RESOLVED
    outcome: str | None
    reason: str | None = None
    identity_override: str | None = None


@dataclass(frozen=True)
class Refuse:
    """A refusal cites a ground the type allows and the reason Art. 36 asks for; `outcome` defaults to the type's
    refusal outcome."""

    target: ClassVar[Status] = Status.REFUSED
    ground: str | None
    reason: str | None
    outcome: str | None = None


@dataclass(frozen=True)
class Transfer:
    """The data is a client's (委託): the request goes to `client`; `outcome` defaults to the type's transfer one."""

    target: ClassVar[Status] = Status.TRANSFERRED
    client: str | None
    reason: str | None = None
    outcome: str | None = None


@dataclass(frozen=True)
class Withdraw(_Step):
    target: ClassVar[Status] = Status.WITHDRAWN


@dataclass(frozen=True)
class Extend:
    """Not a status: the due date moves later, with a reason."""

    new_due: datetime
    reason: str | None


@dataclass(frozen=True)
class Assign:
    """Not a status: the case goes to a member of the team (who will see personal data)."""

    assignee: str


@dataclass(frozen=True)
class AddNote:
    """Not a status: an internal note for the privacy team (stored in `case_notes`; the audit keeps its id)."""

    text: str


@dataclass(frozen=True)
class EditDetails:
    """Not a status: new values for some of `intake.validation.EDITABLE_FIELDS` (dotted names of the case JSON);
    None clears a field. Checked with intake's rules against the case as it would stand after the edit."""

    changes: Mapping[str, str | None] = field(default_factory=dict)


@dataclass(frozen=True)
class RecordReplySent:
    """Not a status: a person sent the requester the reply of `stage` in `language` (the bot drafts, never sends).
    Both are checked by the desk: a stage that does not fit the case is refused (`intake.replies`)."""

    stage: str
    language: str


@dataclass(frozen=True)
class Purge:
    """Not a status: erase the personal data of a case closed before `closed_before` (retention, design.md)."""

    closed_before: datetime


StatusCommand = Acknowledge | StartWork | WaitForRequester | Resolve | Refuse | Transfer | Withdraw
Command = StatusCommand | Extend | Assign | AddNote | EditDetails | RecordReplySent | Purge


def command_for_status(status: str, *, reason: str | None = None, ground: str | None = None,
                       client: str | None = None, outcome: str | None = None,
                       identity_override: str | None = None, waiting_for: str | None = None) -> StatusCommand:
    """The command that leads to `status`, for `cases transition ID STATUS [--reason --ground --client --outcome
    --identity-override --waiting-for]`.

    A detail the command does not take is refused by name rather than dropped: a ground outside a refusal, a
    client outside a transfer, an outcome on a status that is not an ending, what is awaited outside waiting.
    """
    errors: dict[str, FieldError] = {}
    try:
        target = Status(status)
    except ValueError:
        raise ValidationError({"status": FieldError(Code.UNKNOWN_STATUS, {"status": status})}) from None
    if ground and target is not Status.REFUSED:
        errors["ground"] = FieldError(Code.GROUND_ONLY_FOR_REFUSAL)
    if client and target is not Status.TRANSFERRED:
        errors["client"] = FieldError(Code.CLIENT_ONLY_FOR_TRANSFER)
    if outcome and target not in (Status.RESOLVED, Status.REFUSED, Status.TRANSFERRED):
        errors["outcome"] = FieldError(Code.OUTCOME_ONLY_FOR_ENDINGS)
    if identity_override and target is not Status.RESOLVED:
        errors["identity_override"] = FieldError(Code.OVERRIDE_ONLY_FOR_RESOLVE)
    if waiting_for and target is not Status.WAITING_REQUESTER:
        errors["waiting_for"] = FieldError(Code.WAITING_FOR_ONLY_FOR_WAITING)
    if errors:
        raise ValidationError(errors)
    match target:
        case Status.ACKNOWLEDGED:
            return Acknowledge(reason)
        case Status.IN_PROGRESS:
            return StartWork(reason)
        case Status.WAITING_REQUESTER:
            return WaitForRequester(waiting_for, reason)
        case Status.RESOLVED:
            return Resolve(outcome, reason, identity_override)
        case Status.REFUSED:
            return Refuse(ground, reason, outcome)
        case Status.TRANSFERRED:
            return Transfer(client, reason, outcome)
        case Status.WITHDRAWN:
            return Withdraw(reason)
        case Status.NEW:
            raise ValidationError({"status": FieldError(Code.NOT_A_TARGET, {"status": status})})


def check_details(command: StatusCommand, request_type: RequestType) -> None:
    """Raise `ValidationError` naming each missing or bad detail of a status command, for this request type.

    A refusal must cite a ground the type allows (for disclosure only §10's three) and a reason, because Art. 36
    asks us to explain it; a transfer must name the client whose data it is (委託, appi.md §6); an outcome must be
    one the type lists; waiting names what is awaited (and "other" says what in the reason)."""
    errors: dict[str, FieldError] = {}
    label = request_type.label.ja
    match command:
        case Refuse(ground=ground, reason=reason):
            grounds = request_type.refusal_grounds
            if not ground:
                errors["ground"] = FieldError(Code.GROUND_REQUIRED, {"choices": grounds})
            elif ground not in grounds:
                errors["ground"] = FieldError(Code.GROUND_NOT_ALLOWED, {"type": label, "choices": grounds})
            if not (reason and reason.strip()):
                errors["reason"] = FieldError(Code.REFUSAL_REASON_REQUIRED)
        case Transfer(client=client) if not (client and client.strip()):
            errors["client"] = FieldError(Code.CLIENT_REQUIRED)
        case WaitForRequester(waiting_for=waiting_for, reason=reason):
            if not waiting_for:
                errors["waiting_for"] = FieldError(Code.WAITING_FOR_REQUIRED, {"choices": WAITING_FOR})
            elif waiting_for not in WAITING_FOR:
                errors["waiting_for"] = FieldError(Code.NOT_ONE_OF, {"choices": WAITING_FOR})
            elif waiting_for == "other" and not (reason and reason.strip()):
                errors["reason"] = FieldError(Code.WAITING_DETAIL_REQUIRED)
    outcome = command.outcome if isinstance(command, Resolve | Refuse | Transfer) else None
    if outcome is not None and outcome not in request_type.outcomes:
        errors["outcome"] = FieldError(Code.OUTCOME_NOT_ALLOWED, {"type": label, "choices": request_type.outcomes})
    if errors:
        raise ValidationError(errors)


def check_identity(command: StatusCommand, request_type: RequestType, identity_status: str) -> None:
    """Raise `ValidationError` on `identity_override` when `command` would carry out a request on someone's data
    (an outcome of the type's `identity_required_for`; a resolve that names no outcome counts too, since it does not
    show it did not act) while the requester's identity is not verified, and no reason to proceed was given.

    appi.md §4: disclosing, correcting or deleting data for someone who may not be the person it is about is a
    leak, so the check comes first; the manager may still proceed (a legal representative, a court order...), but
    only by saying why, and that reason is audited."""
    if not isinstance(command, Resolve) or identity_status == "verified" or not request_type.identity_required_for:
        return
    if command.outcome is not None and command.outcome not in request_type.identity_required_for:
        return
    if command.identity_override and command.identity_override.strip():
        return
    raise ValidationError({"identity_override": FieldError(
        Code.IDENTITY_NOT_VERIFIED, {"outcome": command.outcome or "resolved", "status": identity_status})})
