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
from typing import TYPE_CHECKING, Any

from intake import erasure
from intake.audit import Assigned, DetailsEdited, Extended, NoteAdded, Purged, ReplySent, StatusChanged, utc_text
from intake.case import Case
from intake.commands import (
    AddNote,
    Assign,
    Command,
    EditDetails,
    Extend,
    Purge,
    RecordReplySent,
    Refuse,
    Resolve,
    StatusCommand,
    Transfer,
    WaitForRequester,
    Withdraw,
    check_details,
    check_identity,
)
from intake.config import Config
from intake.db import transaction
from intake.errors import Code, FieldError, InvalidTransition, ValidationError
from intake.lifecycle import OPEN_STATUSES, RETENTION_JOB, Action, Status, authorise, check_extension, check_move
from intake.replies import REPLY_LANGUAGES, ReplyStage, check_stage
from intake.request_types import RequestType, RequestTypes, load_request_types
from intake.routing import Router
from intake.store import CaseStore, detail_columns
from intake.validation import EDITABLE_FIELDS, NewCase, clean_note, validate_details

if TYPE_CHECKING:  # sqlite_utils loads numpy when present: imported where a database is opened
    import sqlite_utils

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
        if not (isinstance(command, Purge) and actor == RETENTION_JOB):
            authorise(config=self.config, actor=actor, action=Action.ACT)
        with transaction(self.db):
            case = self.store.current(case_id)
            request_type = self.request_types[case.type]
            match command:
                case Assign():
                    self._assign(case, command, actor=actor, now=now)
                case Purge():
                    self._purge(case, command, actor=actor, now=now)
                case Extend():
                    check_extension(case_id=case.id, status=case.status, current_due=case.due_at,
                                    new_due=command.new_due, reason=command.reason, now=now)
                    self.store.record(case.id, Extended(case.status, case.due_at, command.new_due, command.reason),
                                      changes={"due_at": utc_text(command.new_due)}, actor=actor, now=now)
                case AddNote():
                    note_id = self.store.add_note(case.id, clean_note(command.text), actor=actor, now=now)
                    self.store.record(case.id, NoteAdded(case.status, note_id), changes={}, actor=actor, now=now)
                case EditDetails():
                    self._edit(case, command, actor=actor, now=now)
                case RecordReplySent():
                    self._reply_sent(case_id, command, actor=actor, now=now)
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

    def _edit(self, case: Case, command: EditDetails, *, actor: str, now: datetime) -> None:
        """Check the case as it would stand after the edit with intake's rules, then write the fields that really
        change; the audit names them, never their values. Marking identity verified records who and when."""
        if Status(case.status) not in OPEN_STATUSES:
            raise InvalidTransition(case.id, case.status, "edited")
        unknown = sorted(set(command.changes) - set(EDITABLE_FIELDS))
        if unknown:
            raise ValidationError({name: FieldError(Code.NOT_EDITABLE, {"choices": EDITABLE_FIELDS})
                                   for name in unknown})
        before = _editable(case)
        after = {**before, **{name: command.changes[name] for name in EDITABLE_FIELDS if name in command.changes}}
        details = validate_details(_nested(after))
        columns = detail_columns(details)
        current = self.store.row(case.id)
        changes = {column: value for column, value in columns.items() if current[column] != value}
        if not changes:
            raise ValidationError({next(iter(command.changes), "changes"): FieldError(Code.NOTHING_CHANGED)})
        if "identity_status" in changes:
            verified = details.identity_status == "verified"
            changes.update(identity_verified_at=utc_text(now) if verified else None,
                           identity_verified_by=actor if verified else None)
        fields = tuple(name for name in EDITABLE_FIELDS if _COLUMNS[name] in changes)
        self.store.record(case.id, DetailsEdited(case.status, fields), changes=changes, actor=actor, now=now)

    def _reply_sent(self, case_id: str, command: RecordReplySent, *, actor: str, now: datetime) -> None:
        """Record that a person sent the requester a reply; only a stage that fits the case (read with its
        history: an extension's reply needs the extension), in a language a draft exists in."""
        errors: dict[str, FieldError] = {}
        if command.stage not in ReplyStage.__members__.values():
            errors["stage"] = FieldError(Code.NOT_ONE_OF, {"choices": tuple(ReplyStage)})
        if command.language not in REPLY_LANGUAGES:
            errors["language"] = FieldError(Code.NOT_ONE_OF, {"choices": REPLY_LANGUAGES})
        if errors:
            raise ValidationError(errors)
        case = self.store.get(case_id, actor=actor)
        check_stage(case, ReplyStage(command.stage))
        self.store.record(case.id, ReplySent(case.status, command.stage, command.language), changes={}, actor=actor,
                          now=now)


    def _purge(self, case: Case, command: Purge, *, actor: str, now: datetime) -> None:
        """Only a case closed before the cut-off, and only once: an open case is still being worked on."""
        closed = erasure.closed_at(self.db, case.id)
        if Status(case.status) in OPEN_STATUSES or closed is None or erasure.is_purged(self.db, case.id):
            raise InvalidTransition(case.id, case.status, "purged")
        if closed >= command.closed_before:
            raise ValidationError({"closed_before": FieldError(Code.CLOSED_AFTER_CUTOFF)})
        self.store.record(case.id, Purged(case.status, command.closed_before, erasure.ERASED_FIELDS),
                          changes=erasure.erasure_changes(case.agent is not None, now=now), actor=actor, now=now)
        erasure.erase_notes(self.db, case.id)

    def _change_status(self, case: Case, command: StatusCommand, request_type: RequestType, *, actor: str,
                       now: datetime, step_through: bool) -> None:
        target = command.target
        steps = step_through and case.status == Status.ACKNOWLEDGED and target in _WORKED_ON
        from_status = Status.IN_PROGRESS if steps else Status(case.status)
        check_move(case_id=case.id, request_type=request_type, from_status=from_status, to_status=target)
        check_details(command, request_type)
        check_identity(command, request_type, case.identity.status)
        if steps:
            self.store.record(case.id, StatusChanged(case.status, Status.IN_PROGRESS),
                              changes={"status": Status.IN_PROGRESS.value}, actor=actor, now=now)
        changes: dict[str, Any] = {"status": target.value}
        if from_status is Status.WAITING_REQUESTER:
            changes.update(waiting_for=None, waiting_since=None)
        ground = client = outcome = override = waiting_for = None
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
                if case.identity.status != "verified" and command.identity_override:
                    override = command.identity_override.strip()
            case Withdraw():
                changes["reason"] = command.reason
            case WaitForRequester():
                waiting_for = command.waiting_for
                changes.update(waiting_for=waiting_for, waiting_since=utc_text(now))
        if outcome is not None:
            changes["outcome"] = outcome
        self.store.record(case.id, StatusChanged(from_status, target, command.reason, ground, client, outcome,
                                                 identity_override=override, waiting_for=waiting_for),
                          changes=changes, actor=actor, now=now)


#: Each editable field's column in `cases`.
_COLUMNS = {
    "requester.name": "requester_name", "requester.email": "requester_email", "requester.phone": "requester_phone",
    "channel": "channel", "data_role": "data_role", "client_name": "client_name", "agent.kind": "agent_kind",
    "agent.name": "agent_name", "agent.contact": "agent_contact", "agent.evidence": "agent_evidence",
    "identity.status": "identity_status", "identity.method": "identity_method",
    "identity.document_type": "identity_document_type",
}


def _editable(case: Case) -> dict[str, str | None]:
    """The case's editable fields by dotted name, as they stand."""
    agent = case.agent
    return {
        "requester.name": case.requester.name, "requester.email": case.requester.email,
        "requester.phone": case.requester.phone, "channel": case.channel, "data_role": case.data_role,
        "client_name": case.client_name, "agent.kind": agent.kind if agent else None,
        "agent.name": agent.name if agent else None, "agent.contact": agent.contact if agent else None,
        "agent.evidence": agent.evidence if agent else None, "identity.status": case.identity.status,
        "identity.method": case.identity.method, "identity.document_type": case.identity.document_type,
    }


def _nested(flat: dict[str, str | None]) -> dict[str, Any]:
    """Dotted names → the case JSON's nested shape that `validate_details` reads; an agent with no field left is
    no agent."""
    data: dict[str, Any] = {}
    for name, value in flat.items():
        head, _, tail = name.partition(".")
        if tail:
            data.setdefault(head, {})[tail] = value
        else:
            data[head] = value
    if not any(data.get("agent", {}).values()):
        data.pop("agent", None)
    return data
