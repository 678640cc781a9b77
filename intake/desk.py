"""The privacy desk: each thing a person does to a case, with the messages it makes owed, in one transaction.

`CaseStore` changes a case and writes its audit row; `Router` writes the outbox rows that tell people about it.
Doing both inside one `transaction` is what makes delivery lossless: the case and its notifications are committed
together or not at all. The Slack layer calls these methods (one per button); they authorise through the store.

The buttons of the manager's card are coarser than the state machine: Resolve, Refuse and Transfer on an
acknowledged case first move it to `in_progress` (a second audit row, same actor, same commit), because the
manager pressing "Resolve" has evidently been working on it.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import sqlite_utils

from intake.case import Case
from intake.config import Config
from intake.db import transaction
from intake.lifecycle import Status
from intake.request_types import RequestTypes, load_request_types
from intake.routing import Router
from intake.store import CaseStore
from intake.validation import NewCase

__all__ = ["CaseDesk", "closing_outcome"]


def closing_outcome(outcomes: tuple[str, ...], to_status: str) -> str | None:
    """The outcome a refusal or a transfer records, when the request type lists one for it."""
    prefix = {Status.REFUSED: "refused", Status.TRANSFERRED: "transferred"}.get(Status(to_status))
    return next((outcome for outcome in outcomes if prefix and outcome.startswith(prefix)), None)


class CaseDesk:
    def __init__(self, db: sqlite_utils.Database, *, config: Config, request_types: RequestTypes | None = None) -> None:
        self.db = db
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

    def transition(
        self,
        case_id: str,
        *,
        to_status: str,
        actor: str,
        now: datetime,
        reason: str | None = None,
        ground: str | None = None,
        client: str | None = None,
        outcome: str | None = None,
    ) -> Case:
        """Exactly one step of the state machine (the command line's), with the case's cards edited."""
        with transaction(self.db):
            case = self.store.transition(case_id, to_status=to_status, actor=actor, now=now, reason=reason,
                                         ground=ground, client=client, outcome=outcome)
            self.router.case_changed(case, now=now)
        return case

    def acknowledge(self, case_id: str, *, actor: str, now: datetime) -> Case:
        """受付: the manager has seen the case (this is what stops the escalation clock)."""
        return self.move(case_id, to_status=Status.ACKNOWLEDGED, actor=actor, now=now)

    def move(
        self,
        case_id: str,
        *,
        to_status: str,
        actor: str,
        now: datetime,
        reason: str | None = None,
        ground: str | None = None,
        client: str | None = None,
        outcome: str | None = None,
    ) -> Case:
        """Move the case to `to_status` (through `in_progress` when needed for an ending) and edit its cards."""
        with transaction(self.db):
            current = self.store.get(case_id, actor=actor)
            if to_status in (Status.RESOLVED, Status.REFUSED, Status.TRANSFERRED) and current.status == Status.ACKNOWLEDGED:
                self.store.transition(case_id, to_status=Status.IN_PROGRESS, actor=actor, now=now)
            if outcome is None:
                outcome = closing_outcome(self.request_types[current.type].outcomes, to_status)
            return self.transition(case_id, to_status=to_status, actor=actor, now=now, reason=reason,
                                   ground=ground, client=client, outcome=outcome)

    def extend(self, case_id: str, *, actor: str, new_due: datetime, reason: str | None, now: datetime) -> Case:
        with transaction(self.db):
            case = self.store.extend(case_id, actor=actor, new_due=new_due, reason=reason, now=now)
            self.router.case_changed(case, now=now)
        return case

    def assign(self, case_id: str, *, actor: str, assignee: str, now: datetime) -> Case:
        with transaction(self.db):
            case = self.store.assign(case_id, actor=actor, assignee=assignee, now=now)
            self.router.case_changed(case, now=now)
        return case
