"""The case state machine and who may drive it, in one place so Slack buttons and the CLI obey the same rules.

    new ─→ acknowledged ─→ in_progress ⇄ waiting_requester
                              │                 │
                              └──→ resolved | refused | transferred ←──┘
    withdrawn: from any open status.     Closed statuses are final.

What each move needs besides (a refusal's ground and reason, a transfer's client) is checked with its command
(`intake.commands.check_details`). An extension is not a status: it moves the due date later (at most a year
from now), with a reason, and is recorded like any change. `CaseDesk.handle` calls these checks.

Authorisation: anyone on staff may log a case (agents take calls), but only the manager, the deputy and the
privacy team may act on a case or read its personal data. `SERVER_OPERATOR` stands for someone at the server's
shell (the `cases` commands): they can read the database file anyway, so reads are allowed, but changes still
need a named, configured actor.
"""
from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from intake.config import Config
from intake.errors import Code, FieldError, InvalidTransition, NotAuthorised, ValidationError
from intake.request_types import RequestType
from intake.validation import MAX_DUE_AHEAD

__all__ = [
    "CLOSED_STATUSES",
    "OPEN_STATUSES",
    "RETENTION_JOB",
    "SERVER_OPERATOR",
    "TRANSITIONS",
    "WAITING_FOR",
    "Action",
    "Status",
    "allowed_next",
    "authorise",
    "check_extension",
    "check_move",
]

SERVER_OPERATOR = "operator"
#: The daily retention job (`intake.retention`): it may erase closed cases (`Purge`) and do nothing else, because
#: the company decided it by setting `retention_days`; people purging name themselves (`cases purge --actor`).
RETENTION_JOB = "retention"


class Status(StrEnum):
    NEW = "new"
    ACKNOWLEDGED = "acknowledged"
    IN_PROGRESS = "in_progress"
    WAITING_REQUESTER = "waiting_requester"
    RESOLVED = "resolved"
    REFUSED = "refused"
    TRANSFERRED = "transferred"
    WITHDRAWN = "withdrawn"


OPEN_STATUSES = frozenset({Status.NEW, Status.ACKNOWLEDGED, Status.IN_PROGRESS, Status.WAITING_REQUESTER})
CLOSED_STATUSES = frozenset(Status) - OPEN_STATUSES

_ENDINGS = {Status.RESOLVED, Status.REFUSED, Status.TRANSFERRED, Status.WITHDRAWN}
TRANSITIONS: dict[Status, frozenset[Status]] = {
    Status.NEW: frozenset({Status.ACKNOWLEDGED, Status.WITHDRAWN}),
    Status.ACKNOWLEDGED: frozenset({Status.IN_PROGRESS, Status.WITHDRAWN}),
    Status.IN_PROGRESS: frozenset({Status.WAITING_REQUESTER, *_ENDINGS}),
    Status.WAITING_REQUESTER: frozenset({Status.IN_PROGRESS, *_ENDINGS}),
    **{status: frozenset() for status in CLOSED_STATUSES},
}


#: What a case in `waiting_requester` waits for (`WaitForRequester.waiting_for`): identity documents (appi.md §4),
#: more details of the request, the requester's choice (of scope, of the form of disclosure), or something the
#: reason names. The due date does not pause meanwhile (appi.md §2: the statutory 遅滞なく clock runs on).
WAITING_FOR = ("identity_documents", "more_details", "requester_choice", "other")


def allowed_next(status: str) -> tuple[Status, ...]:
    """The statuses a case may move to from `status`, in lifecycle order (for buttons and help text)."""
    allowed = TRANSITIONS[Status(status)]
    return tuple(s for s in Status if s in allowed)


class Action(StrEnum):
    CREATE = "create cases"
    READ = "read case details"
    ACT = "act on cases"


def authorise(*, config: Config, actor: str | None, action: Action) -> None:
    """Raise `NotAuthorised` unless `actor` may perform `action`."""
    if action is Action.CREATE and actor:
        return
    if action is Action.READ and actor in (SERVER_OPERATOR, RETENTION_JOB):  # the server's own processes
        return
    if not config.is_privileged(actor):
        raise NotAuthorised(actor, action.value)


def check_move(*, case_id: str, request_type: RequestType, from_status: str, to_status: Status) -> None:
    """Raise `InvalidTransition` for a move the machine forbids (a refusal of a type that cannot be refused too)."""
    if to_status not in TRANSITIONS[Status(from_status)]:
        raise InvalidTransition(case_id, from_status, to_status)
    if to_status is Status.REFUSED and not request_type.refusable:
        raise InvalidTransition(case_id, from_status, to_status)


def check_extension(*, case_id: str, status: str, current_due: datetime, new_due: datetime, reason: str | None,
                    now: datetime) -> None:
    """An extension needs an open case, a reason, and a due date later than the current one and at most
    `MAX_DUE_AHEAD` from `now` (the requester is told the new date: a typo there is a broken promise)."""
    if Status(status) not in OPEN_STATUSES:
        raise InvalidTransition(case_id, status, "extended")
    errors: dict[str, FieldError] = {}
    if not (reason and reason.strip()):
        errors["reason"] = FieldError(Code.EXTENSION_REASON_REQUIRED)
    if new_due <= current_due:
        errors["due"] = FieldError(Code.NEW_DUE_NOT_LATER)
    elif new_due > now + MAX_DUE_AHEAD:
        errors["due"] = FieldError(Code.NEW_DUE_TOO_FAR)
    if errors:
        raise ValidationError(errors)
