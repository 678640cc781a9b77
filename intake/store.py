"""The case store: every change to a case and its audit row are written in one transaction, or not at all.

Ids are `PRV-YYYY-NNNN` (year of receipt in Japan time, sequence per year). The sequence lives in a counter row
bumped inside the same `BEGIN IMMEDIATE` transaction that inserts the case, so concurrent writer processes queue
on SQLite's write lock and can never hand out the same number; a rolled-back insert also rolls back its number.

Reads of personal data and the creation of a case are authorised here (`intake.lifecycle.authorise`), so no edge
can forget to check. Changes to a case are decided by `CaseDesk.handle` (it authorises, checks and chooses the
audit event); the store only writes them (`record`). Times are passed in (`now`); nothing here reads the clock.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from intake.audit import AuditEvent, AuditRow, Created, from_row, to_row, utc_text
from intake.calendar import JST
from intake.case import Agent, AuditEntry, Case, Identity, Note, Requester
from intake.config import Config
from intake.db import transaction
from intake.deadlines import compute_due
from intake.errors import CaseNotFound
from intake.lifecycle import CLOSED_STATUSES, OPEN_STATUSES, Action, Status, authorise
from intake.request_types import RequestTypes, load_request_types
from intake.validation import Details, NewCase

if TYPE_CHECKING:  # sqlite_utils loads numpy when present: imported where a database is opened
    import sqlite_utils

__all__ = ["CaseStore", "detail_columns", "format_case_id"]


def format_case_id(year: int, seq: int) -> str:
    return f"PRV-{year}-{seq:04d}"


def detail_columns(details: Details) -> dict[str, Any]:
    """The `cases` columns of the details an intake records and an edit may change (requester, channel, whose
    data, agent, identity check): one mapping for both, so an edit writes exactly what intake would."""
    agent = details.agent
    return {
        "channel": details.channel,
        "data_role": details.data_role,
        "client_name": details.client_name,
        "requester_name": details.requester.name,
        "requester_email": details.requester.email,
        "requester_phone": details.requester.phone,
        "agent_kind": agent.kind if agent else None,
        "agent_name": agent.name if agent else None,
        "agent_contact": agent.contact if agent else None,
        "agent_evidence": agent.evidence if agent else None,
        "identity_status": details.identity_status,
        "identity_method": details.identity_method,
        "identity_document_type": details.identity_document_type,
    }


def _iso(moment: datetime | None) -> str | None:
    return utc_text(moment) if moment else None


def _time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _case_from_row(row: dict[str, Any], history: Sequence[AuditEntry] = ()) -> Case:
    agent = None
    if row["agent_kind"]:
        agent = Agent(row["agent_kind"], row["agent_name"], row["agent_contact"], row["agent_evidence"])
    return Case(
        id=row["id"],
        type=row["type"],
        status=row["status"],
        urgent=bool(row["urgent"]),
        received_at=datetime.fromisoformat(row["received_at"]),
        due_at=datetime.fromisoformat(row["due_at"]),
        channel=row["channel"],
        description=row["description"],
        requester=Requester(row["requester_name"], row["requester_email"], row["requester_phone"]),
        data_role=row["data_role"],
        client_name=row["client_name"],
        assignee=row["assignee"],
        agent=agent,
        identity=Identity(
            row["identity_status"],
            row["identity_method"],
            row["identity_document_type"],
            _time(row["identity_verified_at"]),
            row["identity_verified_by"],
        ),
        outcome=row["outcome"],
        refusal_ground=row["refusal_ground"],
        reason=row["reason"],
        created_by=row["created_by"],
        waiting_for=row["waiting_for"],
        waiting_since=_time(row["waiting_since"]),
        created_at=_time(row["created_at"]),
        updated_at=_time(row["updated_at"]),
        history=tuple(history),
        policy_version=row["policy_version"],
    )


def _audit_from_row(row: dict[str, Any]) -> AuditEntry:
    stored = AuditRow(row["action"], row["from_status"], row["to_status"], row["note"],
                      json.loads(row["details"]) if row["details"] else {})
    return AuditEntry(id=row["id"], case_id=row["case_id"], at=datetime.fromisoformat(row["at"]), actor=row["actor"],
                      event=from_row(stored))


class CaseStore:
    """Create, read and change cases in one SQLite database, under one configuration."""

    def __init__(self, db: sqlite_utils.Database, *, config: Config, request_types: RequestTypes | None = None) -> None:
        self.db = db
        self.config = config
        self.request_types = request_types or load_request_types()

    # -- writes -------------------------------------------------------------------------------------------

    def create(self, new: NewCase, *, actor: str, now: datetime, keys: Sequence[str] = ()) -> Case:
        """Store a validated intake as a `new` case with its first audit row; returns the stored case.

        `keys` name the submission that made it (see `case_with_key`); a key already taken raises
        `sqlite3.IntegrityError` and stores nothing."""
        authorise(config=self.config, actor=actor, action=Action.CREATE)
        due_at = new.due_at or compute_due(
            received_at=new.received_at,
            business_days=self.config.sla_days[new.type],
            calendar=self.config.calendar,
        )
        year = new.received_at.astimezone(JST).year
        verified = new.identity_status == "verified"
        with transaction(self.db):
            (seq,) = self.db.conn.execute(
                "INSERT INTO case_counters (year, last_seq) VALUES (?, 1) "
                "ON CONFLICT (year) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq",
                (year,),
            ).fetchone()
            case_id = format_case_id(year, seq)
            row = {
                "id": case_id,
                "type": new.type,
                "status": Status.NEW.value,
                "urgent": int(new.urgent),
                "received_at": _iso(new.received_at),
                "due_at": _iso(due_at),
                "description": new.description,
                "assignee": new.assignee,
                "policy_version": new.policy_version,
                **detail_columns(new),
                "identity_verified_at": _iso(now) if verified else None,
                "identity_verified_by": actor if verified else None,
                "created_by": actor,
                "created_at": _iso(now),
                "updated_at": _iso(now),
            }
            columns = ", ".join(row)
            self.db.conn.execute(
                f"INSERT INTO cases ({columns}) VALUES ({', '.join('?' * len(row))})", tuple(row.values())
            )
            self._audit(case_id, Created(type=new.type, due_at=due_at, urgent=new.urgent, assignee=new.assignee),
                        actor=actor, now=now)
            self.db.conn.executemany("INSERT INTO intake_keys (key, case_id, created_at) VALUES (?, ?, ?)",
                                     [(key, case_id, _iso(now)) for key in keys])
        return self._load(case_id)

    def record(self, case_id: str, event: AuditEvent, *, changes: dict[str, Any], actor: str, now: datetime) -> None:
        """Write `changes` to the case's row (and `updated_at`) with `event` as its audit row, in one transaction.

        No checks here: `CaseDesk.handle` authorised the actor and checked the change before calling this."""
        with transaction(self.db):
            self._update(case_id, {**changes, "updated_at": _iso(now)})
            self._audit(case_id, event, actor=actor, now=now)

    def add_note(self, case_id: str, text: str, *, actor: str, now: datetime) -> int:
        """Store an internal note (inside the caller's transaction: `CaseDesk.handle` audits it); its id."""
        with transaction(self.db):
            cursor = self.db.conn.execute("INSERT INTO case_notes (case_id, at, actor, text) VALUES (?, ?, ?, ?)",
                                          (case_id, _iso(now), actor, text))
        return int(cursor.lastrowid or 0)

    # -- reads --------------------------------------------------------------------------------------------

    def case_with_key(self, keys: Sequence[str]) -> Case | None:
        """The case an earlier submission with any of `keys` made, or None.

        Read without authorising: it answers the submitter of the same request (a modal sent again, the same
        message logged twice), who is shown only what they were shown the first time (the id and the due date).
        """
        marks = ", ".join("?" * len(keys))
        row = self.db.conn.execute(f"SELECT case_id FROM intake_keys WHERE key IN ({marks}) LIMIT 1",
                                   tuple(keys)).fetchone() if keys else None
        return self._load(row[0]) if row else None

    def current(self, case_id: str) -> Case:
        """The case as it stands, without history and without authorising: for `CaseDesk.handle`, which has
        authorised the change it is about to check against this."""
        return _case_from_row(self._row(case_id))

    def get(self, case_id: str, *, actor: str | None) -> Case:
        """One case with its history. Raises `CaseNotFound`, or `NotAuthorised` for an unprivileged reader."""
        authorise(config=self.config, actor=actor, action=Action.READ)
        return self._load(case_id)

    def row(self, case_id: str) -> dict[str, Any]:
        """The case's stored row as it stands (for `CaseDesk.handle`, comparing an edit with what is stored)."""
        return self._row(case_id)

    def _load(self, case_id: str) -> Case:
        row = self._row(case_id)
        history = [_audit_from_row(r) for r in self.db.query(
            "SELECT * FROM audit WHERE case_id = ? ORDER BY id", [case_id])]
        notes = [Note(r["id"], datetime.fromisoformat(r["at"]), r["actor"], r["text"]) for r in self.db.query(
            "SELECT * FROM case_notes WHERE case_id = ? ORDER BY id", [case_id])]
        return replace(_case_from_row(row, history), notes=tuple(notes))

    def list_cases(
        self,
        *,
        actor: str | None,
        statuses: Iterable[str] | None = None,
        type_id: str | None = None,
        overdue_at: datetime | None = None,
        received_since: datetime | None = None,
        limit: int | None = None,
        closed_since: datetime | None = None,
    ) -> list[Case]:
        """Cases without history, soonest due first. `statuses=None` means the open queue.

        `overdue_at` keeps open cases whose due time is before that moment; `received_since` keeps cases
        received at or after it; `closed_since` keeps cases whose closing step (in the audit) came at or after it.
        """
        authorise(config=self.config, actor=actor, action=Action.READ)
        wanted = sorted(set(statuses) if statuses is not None else OPEN_STATUSES)
        where = [f"status IN ({', '.join('?' * len(wanted))})"]
        params: list[Any] = list(wanted)
        if type_id is not None:
            where.append("type = ?")
            params.append(type_id)
        if overdue_at is not None:
            where.append(f"due_at < ? AND status IN ({', '.join('?' * len(OPEN_STATUSES))})")
            params += [_iso(overdue_at), *sorted(OPEN_STATUSES)]
        if received_since is not None:
            where.append("received_at >= ?")
            params.append(_iso(received_since))
        if closed_since is not None:
            closed = sorted(CLOSED_STATUSES)
            where.append("id IN (SELECT case_id FROM audit WHERE action = 'transition' AND at >= ? "
                         f"AND to_status IN ({', '.join('?' * len(closed))}))")
            params += [_iso(closed_since), *closed]
        sql = f"SELECT * FROM cases WHERE {' AND '.join(where)} ORDER BY due_at, received_at, id"
        if limit:
            sql += f" LIMIT {int(limit)}"
        return [_case_from_row(row) for row in self.db.query(sql, params)]

    def export(self, *, actor: str | None, received_since: datetime | None = None) -> list[Case]:
        """Every case (any status) with its history, in order of receipt: the auditor's view."""
        authorise(config=self.config, actor=actor, action=Action.READ)
        params: list[Any] = []
        sql = "SELECT * FROM cases"
        if received_since is not None:
            sql += " WHERE received_at >= ?"
            params.append(_iso(received_since))
        rows = list(self.db.query(sql + " ORDER BY received_at, id", params))
        history: dict[str, list[AuditEntry]] = {row["id"]: [] for row in rows}
        audit_sql = "SELECT audit.* FROM audit JOIN cases ON cases.id = audit.case_id"
        if received_since is not None:
            audit_sql += " WHERE cases.received_at >= ?"
        for audit_row in self.db.query(audit_sql + " ORDER BY audit.id", params):
            history[audit_row["case_id"]].append(_audit_from_row(audit_row))
        notes: dict[str, list[Note]] = {row["id"]: [] for row in rows}
        notes_sql = "SELECT case_notes.* FROM case_notes JOIN cases ON cases.id = case_notes.case_id"
        if received_since is not None:
            notes_sql += " WHERE cases.received_at >= ?"
        for note in self.db.query(notes_sql + " ORDER BY case_notes.id", params):
            notes[note["case_id"]].append(Note(note["id"], datetime.fromisoformat(note["at"]), note["actor"],
                                               note["text"]))
        return [replace(_case_from_row(row, history[row["id"]]), notes=tuple(notes[row["id"]])) for row in rows]

    # -- internals ----------------------------------------------------------------------------------------

    def _row(self, case_id: str) -> dict[str, Any]:
        cursor = self.db.conn.execute("SELECT * FROM cases WHERE id = ?", (case_id,))
        values = cursor.fetchone()
        if values is None:
            raise CaseNotFound(case_id)
        return dict(zip([c[0] for c in cursor.description], values, strict=True))

    def _update(self, case_id: str, changes: dict[str, Any]) -> None:
        assignments = ", ".join(f"{column} = ?" for column in changes)
        self.db.conn.execute(f"UPDATE cases SET {assignments} WHERE id = ?", (*changes.values(), case_id))

    def _audit(self, case_id: str, event: AuditEvent, *, actor: str, now: datetime) -> None:
        row = to_row(event)
        self.db.conn.execute(
            "INSERT INTO audit (case_id, at, actor, action, from_status, to_status, note, details) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (case_id, _iso(now), actor, row.action, row.from_status, row.to_status, row.note,
             json.dumps(row.details, ensure_ascii=False)),
        )
