"""The privacy desk: each thing a person does to a case, with the messages it makes owed, in one transaction.

A change arrives as a command (`intake.commands`: `Acknowledge`, `Resolve(outcome, reason)`, `Extend(...)`...)
from a Slack button or form or a `privacy-bot cases` verb, and `CaseDesk.handle` is the one place that carries it
out: authorise the actor once, check the move and its details, then write the case, its typed audit event
(`intake.audit`) and the outbox rows that tell people about it (`Router.case_changed`) inside one `transaction`.
That is what makes delivery lossless: the case and its notifications are committed together or not at all.

Resolve, Refuse, Transfer and WaitForRequester are coarser than the state machine: on an acknowledged case they
first move it to `in_progress` (a second audit row, same actor, same commit), because whoever resolves it, or asks
the requester for something, has evidently been working on it. Both edges (the card's buttons and `cases
transition`) want that; `step_through=False` asks for exactly one step of the machine.

Waiting does not pause the due date (appi.md §2: the statutory 遅滞なく clock does not stop for identity checks);
the case records what it waits for and since when (`waiting_for`, `waiting_since`), cleared when it moves on, so
the card can show how long the requester has been waited on next to the unchanged due date.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

import sqlite_utils

from intake.audit import Assigned, Extended, StatusChanged, utc_text
from intake.case import Case
from intake.commands import (
    Assign,
    Command,
    Extend,
    Refuse,
    Resolve,
    StatusCommand,
    Transfer,
    WaitForRequester,
    Withdraw,
    check_details,
)
from intake.config import Config
from intake.db import transaction
from intake.errors import Code, FieldError, InvalidTransition, ValidationError
from intake.lifecycle import OPEN_STATUSES, Action, Status, authorise, check_extension, check_move
from intake.request_types import RequestType, RequestTypes, load_request_types
from intake.routing import Router
from intake.store import CaseStore
from intake.validation import NewCase

__all__ = ["CaseDesk", "closing_outcome"]


#: The moves that show someone worked on the case: from `acknowledged` they step through `in_progress`.
_WORKED_ON = frozenset({Status.RESOLVED, Status.REFUSED, Status.TRANSFERRED, Status.WAITING_REQUESTER})


def closing_outcome(outcomes: tuple[str, ...], to_status: Status) -> str | None:
    """The outcome a refusal or a transfer records, when the request type lists one for it."""
    prefix = {Status.REFUSED: "refused", Status.TRANSFERRED: "transferred"}.get(to_status)
    return next((outcome for outcome in outcomes if prefix and outcome.startswith(prefix)), None)


def _or_closing(outcome: str | None, request_type: RequestType, target: Status) -> str | None:
    return outcome if outcome is not None else closing_outcome(request_type.outcomes, target)


class CaseDesk:
    def __init__(self, db: sqlite_utils.Database, *, config: Config, request_types: RequestTypes | None = None) -> None:
        self.db = db
        self.config = config
        self.request_types = request_types or load_request_types()
        self.store = CaseStore(db, config=config, request_types=self.request_types)
        self.router = Router(db, config=config)

    def log(self, new: NewCase, *, actor: str, now: datetime, confirm: bool = True, keys: Sequence[str] = ()) -> Case:
        """Store a validated intake and owe its announcements (and the agent's confirmation when `confirm`);
        `keys` name the submission, for `log_once`."""
        with transaction(self.db):
            case = self.store.create(new, actor=actor, now=now, keys=keys)
            self.router.case_created(case, agent=actor if confirm else None, now=now)
        return case

    def log_once(self, new: NewCase, *, keys: Sequence[str], actor: str, now: datetime) -> tuple[Case, bool]:
        """`log`, unless a submission with any of `keys` was already logged: then that case, and nothing owed.
        True when the case is new.

        The check and the insert share one write transaction, so two copies of a submission arriving at once (a
        double click, a retry racing the first try) queue on SQLite's write lock and the second finds the first.
        """
        with transaction(self.db):
            existing = self.store.case_with_key(keys)
            if existing is not None:
                return existing, False
            return self.log(new, actor=actor, now=now, keys=keys), True

    def handle(self, case_id: str, command: Command, *, actor: str, now: datetime, step_through: bool = True) -> Case:
        """Carry out `command` on the case as `actor`; returns the case as it now stands, with its history.

        Raises `NotAuthorised`, `CaseNotFound`, `InvalidTransition` (a move the machine forbids, a change to a closed
        case) or `ValidationError` (missing or bad details); nothing is written then."""
        authorise(config=self.config, actor=actor, action=Action.ACT)
        with transaction(self.db):
            case = self.store.current(case_id)
            request_type = self.request_types[case.type]
            match command:
                case Assign():
                    self._assign(case, command, actor=actor, now=now)
                case Extend():
                    check_extension(case_id=case.id, status=case.status, current_due=case.due_at,
                                    new_due=command.new_due, reason=command.reason, now=now)
                    self.store.record(case.id, Extended(case.status, case.due_at, command.new_due, command.reason),
                                      changes={"due_at": utc_text(command.new_due)}, actor=actor, now=now)
                case _:
                    self._change_status(case, command, request_type, actor=actor, now=now,
                                        step_through=step_through)
            changed = self.store.get(case_id, actor=actor)
            self.router.case_changed(changed, now=now)
        return changed

    def _assign(self, case: Case, command: Assign, *, actor: str, now: datetime) -> None:
        """Only to the manager, the deputy or the team: the assignee will see the requester's personal data."""
        if not self.config.is_privileged(command.assignee):
            raise ValidationError({"assignee": FieldError(Code.NOT_ON_TEAM)})
        if Status(case.status) not in OPEN_STATUSES:
            raise InvalidTransition(case.id, case.status, "assigned")
        self.store.record(case.id, Assigned(case.status, case.assignee, command.assignee),
                          changes={"assignee": command.assignee}, actor=actor, now=now)

    def _change_status(self, case: Case, command: StatusCommand, request_type: RequestType, *, actor: str,
                       now: datetime, step_through: bool) -> None:
        target = command.target
        steps = step_through and case.status == Status.ACKNOWLEDGED and target in _WORKED_ON
        from_status = Status.IN_PROGRESS if steps else Status(case.status)
        check_move(case_id=case.id, request_type=request_type, from_status=from_status, to_status=target)
        check_details(command, request_type)
        if steps:
            self.store.record(case.id, StatusChanged(case.status, Status.IN_PROGRESS),
                              changes={"status": Status.IN_PROGRESS.value}, actor=actor, now=now)
        changes: dict[str, Any] = {"status": target.value}
        if from_status is Status.WAITING_REQUESTER:
            changes.update(waiting_for=None, waiting_since=None)
        ground = client = outcome = waiting_for = None
        match command:
            case Refuse():
                ground, outcome = command.ground, _or_closing(command.outcome, request_type, target)
                changes.update(refusal_ground=ground, reason=command.reason.strip() if command.reason else None)
            case Transfer():
                client, outcome = command.client, _or_closing(command.outcome, request_type, target)
                changes.update(client_name=client.strip() if client else None, reason=command.reason)
            case Resolve():
                outcome = command.outcome
                changes["reason"] = command.reason
            case Withdraw():
                changes["reason"] = command.reason
            case WaitForRequester():
                waiting_for = command.waiting_for
                changes.update(waiting_for=waiting_for, waiting_since=utc_text(now))
        if outcome is not None:
            changes["outcome"] = outcome
        self.store.record(case.id, StatusChanged(from_status, target, command.reason, ground, client, outcome,
                                                 waiting_for), changes=changes, actor=actor, now=now)
