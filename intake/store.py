"""The case store: every change to a case and its audit row are written in one transaction, or not at all.

Ids are `PRV-YYYY-NNNN` (year of receipt in Japan time, sequence per year). The sequence lives in a counter row
bumped inside the same `BEGIN IMMEDIATE` transaction that inserts the case, so concurrent writer processes queue
on SQLite's write lock and can never hand out the same number; a rolled-back insert also rolls back its number.

Reads of personal data and every change are authorised here (`intake.lifecycle.authorise`), so no edge can
forget to check. Times are passed in (`now`); nothing here reads the clock.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

import sqlite_utils

from intake.calendar import JST
from intake.case import Agent, AuditEntry, Case, Identity, Requester
from intake.config import Config
from intake.db import transaction
from intake.deadlines import compute_due
from intake.errors import CaseNotFound, InvalidTransition, ValidationError
from intake.lifecycle import OPEN_STATUSES, Action, Status, authorise, check_extension, check_transition
from intake.request_types import RequestTypes, load_request_types
from intake.validation import NewCase

__all__ = ["CaseStore", "format_case_id"]


def format_case_id(year: int, seq: int) -> str:
    return f"PRV-{year}-{seq:04d}"


def _iso(moment: datetime | None) -> str | None:
    """UTC ISO text: one fixed format, so that string order in SQL is time order."""
    return moment.astimezone(UTC).isoformat(timespec="seconds") if moment else None


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
        created_at=_time(row["created_at"]),
        updated_at=_time(row["updated_at"]),
        history=tuple(history),
    )


def _audit_from_row(row: dict[str, Any]) -> AuditEntry:
    return AuditEntry(
        id=row["id"],
        case_id=row["case_id"],
        at=datetime.fromisoformat(row["at"]),
        actor=row["actor"],
        action=row["action"],
        from_status=row["from_status"],
        to_status=row["to_status"],
        note=row["note"],
        details=json.loads(row["details"]) if row["details"] else {},
    )


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
                "channel": new.channel,
                "description": new.description,
                "data_role": new.data_role,
                "client_name": new.client_name,
                "assignee": new.assignee,
                "requester_name": new.requester.name,
                "requester_email": new.requester.email,
                "requester_phone": new.requester.phone,
                "agent_kind": new.agent.kind if new.agent else None,
                "agent_name": new.agent.name if new.agent else None,
                "agent_contact": new.agent.contact if new.agent else None,
                "agent_evidence": new.agent.evidence if new.agent else None,
                "identity_status": new.identity_status,
                "identity_method": new.identity_method,
                "identity_document_type": new.identity_document_type,
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
            self._audit(
                case_id,
                actor=actor,
                now=now,
                action="created",
                from_status=None,
                to_status=Status.NEW.value,
                details={"type": new.type, "due_at": _iso(due_at), "urgent": new.urgent, "assignee": new.assignee},
            )
            self.db.conn.executemany("INSERT INTO intake_keys (key, case_id, created_at) VALUES (?, ?, ?)",
                                     [(key, case_id, _iso(now)) for key in keys])
        return self._load(case_id)

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
        """Move a case to `to_status` if the state machine allows it, recording who did it and why."""
        authorise(config=self.config, actor=actor, action=Action.ACT)
        with transaction(self.db):
            row = self._row(case_id)
            check_transition(
                case_id=case_id,
                request_type=self.request_types[row["type"]],
                from_status=row["status"],
                to_status=to_status,
                reason=reason,
                ground=ground,
                client=client,
                outcome=outcome,
            )
            changes: dict[str, Any] = {"status": to_status, "updated_at": _iso(now)}
            if to_status == Status.REFUSED:
                changes.update(refusal_ground=ground, reason=reason.strip() if reason else None)
            elif to_status == Status.TRANSFERRED:
                changes.update(client_name=client.strip() if client else None, reason=reason)
            elif to_status in (Status.RESOLVED, Status.WITHDRAWN):
                changes["reason"] = reason
            if outcome is not None:
                changes["outcome"] = outcome
            self._update(case_id, changes)
            details = {k: v for k, v in {"ground": ground, "client": client, "outcome": outcome}.items() if v}
            self._audit(case_id, actor=actor, now=now, action="transition", from_status=row["status"],
                        to_status=to_status, note=reason, details=details)
        return self._load(case_id)

    def extend(self, case_id: str, *, actor: str, new_due: datetime, reason: str | None, now: datetime) -> Case:
        """Move the due date later (not a status change), recording the old and new dates and the reason."""
        authorise(config=self.config, actor=actor, action=Action.ACT)
        with transaction(self.db):
            row = self._row(case_id)
            current_due = datetime.fromisoformat(row["due_at"])
            check_extension(case_id=case_id, status=row["status"], current_due=current_due, new_due=new_due,
                            reason=reason, now=now)
            self._update(case_id, {"due_at": _iso(new_due), "updated_at": _iso(now)})
            self._audit(case_id, actor=actor, now=now, action="extended", from_status=row["status"],
                        to_status=row["status"], note=reason,
                        details={"from_due_at": row["due_at"], "to_due_at": _iso(new_due)})
        return self._load(case_id)

    def assign(self, case_id: str, *, actor: str, assignee: str, now: datetime) -> Case:
        """Give an open case to a member of the manager/deputy/privacy team (they will see personal data)."""
        authorise(config=self.config, actor=actor, action=Action.ACT)
        if not self.config.is_privileged(assignee):
            raise ValidationError(
                {"assignee": "担当者は責任者・副責任者・プライバシーチームの一員にしてください (assignee must be on the team)"}
            )
        with transaction(self.db):
            row = self._row(case_id)
            if Status(row["status"]) not in OPEN_STATUSES:
                raise InvalidTransition(case_id, row["status"], "assigned")
            self._update(case_id, {"assignee": assignee, "updated_at": _iso(now)})
            self._audit(case_id, actor=actor, now=now, action="assigned", from_status=row["status"],
                        to_status=row["status"], details={"from": row["assignee"], "to": assignee})
        return self._load(case_id)

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

    def get(self, case_id: str, *, actor: str | None) -> Case:
        """One case with its history. Raises `CaseNotFound`, or `NotAuthorised` for an unprivileged reader."""
        authorise(config=self.config, actor=actor, action=Action.READ)
        return self._load(case_id)

    def _load(self, case_id: str) -> Case:
        row = self._row(case_id)
        history = [_audit_from_row(r) for r in self.db.query(
            "SELECT * FROM audit WHERE case_id = ? ORDER BY id", [case_id])]
        return _case_from_row(row, history)

    def list_cases(
        self,
        *,
        actor: str | None,
        statuses: Iterable[str] | None = None,
        type_id: str | None = None,
        overdue_at: datetime | None = None,
        received_since: datetime | None = None,
        limit: int | None = None,
    ) -> list[Case]:
        """Cases without history, soonest due first. `statuses=None` means the open queue.

        `overdue_at` keeps open cases whose due time is before that moment; `received_since` keeps cases
        received at or after it.
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
        return [_case_from_row(row, history[row["id"]]) for row in rows]

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

    def _audit(
        self,
        case_id: str,
        *,
        actor: str,
        now: datetime,
        action: str,
        from_status: str | None,
        to_status: str | None,
        note: str | None = None,
        details: dict[str, Any] | None = None,
    ) -> None:
        self.db.conn.execute(
            "INSERT INTO audit (case_id, at, actor, action, from_status, to_status, note, details) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (case_id, _iso(now), actor, action, from_status, to_status, note,
             json.dumps(details or {}, ensure_ascii=False)),
        )
