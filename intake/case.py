"""A privacy case and its audit trail as plain values, and their JSON shape (design.md `cases show --json`).

Times are aware datetimes in UTC inside the program and in the database; JSON shows them in Asia/Tokyo with the
+09:00 offset, which is how staff read them and still unambiguous for a machine.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from intake.audit import AuditEvent, AuditRow, to_row
from intake.calendar import JST

__all__ = ["BASE_POLICY_VERSION", "Agent", "AuditEntry", "Case", "Identity", "Note", "Requester", "jst_iso"]

#: The key of the first version of the policy a knowledge base holds (`knowledge.versions.BASE_KEY`): what a case
#: records when no revision was in force at its receipt, and what cases logged before versions existed got.
BASE_POLICY_VERSION = "base"


def jst_iso(moment: datetime | None) -> str | None:
    return moment.astimezone(JST).isoformat(timespec="seconds") if moment else None


@dataclass(frozen=True)
class Requester:
    """The person the data is about (or the organisation, for an authority request). Email/phone normalised."""

    name: str
    email: str | None = None
    phone: str | None = None


@dataclass(frozen=True)
class Agent:
    """A 代理人 acting for the requester: `kind` is legal (法定代理人) or appointed (任意代理人).

    `evidence` names the document type seen (戸籍謄本, 委任状), never a copy of it.
    """

    kind: str
    name: str
    contact: str | None = None
    evidence: str | None = None


@dataclass(frozen=True)
class Identity:
    """How the requester's identity was checked (appi.md §4): the method and document *type*, never an image."""

    status: str = "unverified"
    method: str | None = None
    document_type: str | None = None
    verified_at: datetime | None = None
    verified_by: str | None = None


@dataclass(frozen=True)
class AuditEntry:
    """One change to a case, as stored in the append-only `audit` table: who (`actor`, a Slack user id or
    `operator`), when (`at`, UTC), and what (`event`, typed: `intake.audit`).

    `action`, `from_status`, `to_status`, `note` (the reason given) and `details` are the stored columns, for the
    JSON shape and the plain-text history.
    """

    id: int
    case_id: str
    at: datetime
    actor: str
    event: AuditEvent

    @property
    def row(self) -> AuditRow:
        return to_row(self.event)

    @property
    def action(self) -> str:
        return self.row.action

    @property
    def from_status(self) -> str | None:
        return self.row.from_status

    @property
    def to_status(self) -> str | None:
        return self.row.to_status

    @property
    def note(self) -> str | None:
        return self.row.note

    def to_json(self) -> dict[str, Any]:
        row = self.row
        return {
            "at": jst_iso(self.at),
            "actor": self.actor,
            "action": row.action,
            "from_status": row.from_status,
            "to_status": row.to_status,
            "note": row.note,
            "details": row.details,
        }


@dataclass(frozen=True)
class Note:
    """An internal note on a case (`case_notes`): for the privacy team only, never shown in a channel. `text` is
    None once retention has erased it."""

    id: int
    at: datetime
    actor: str
    text: str | None

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "at": jst_iso(self.at), "actor": self.actor, "text": self.text}


@dataclass(frozen=True)
class Case:
    """A privacy request being handled; `history` is filled when the case is read with its audit trail."""

    id: str
    type: str
    status: str
    urgent: bool
    received_at: datetime
    due_at: datetime
    channel: str
    description: str
    requester: Requester
    data_role: str = "own_user"
    client_name: str | None = None
    assignee: str | None = None
    agent: Agent | None = None
    identity: Identity = field(default_factory=Identity)
    outcome: str | None = None
    refusal_ground: str | None = None
    reason: str | None = None
    created_by: str = ""
    #: While `waiting_requester`: what for (`intake.lifecycle.WAITING_FOR`) and since when; None otherwise.
    waiting_for: str | None = None
    waiting_since: datetime | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    history: tuple[AuditEntry, ...] = ()
    #: Internal notes, oldest first; filled, like `history`, when the case is read with its audit trail.
    notes: tuple[Note, ...] = ()
    #: The key of the policy version in force when the case was received ("2026-12-01", or "base"): its reply
    #: drafts quote that version, whichever is in force when they are drafted.
    policy_version: str = BASE_POLICY_VERSION

    def summary_json(self) -> dict[str, Any]:
        """The fields without personal data: what may appear in a channel or a log."""
        return {
            "id": self.id,
            "type": self.type,
            "status": self.status,
            "urgent": self.urgent,
            "received_at": jst_iso(self.received_at),
            "due_at": jst_iso(self.due_at),
            "assignee": self.assignee,
        }

    def to_json(self, *, with_history: bool = True) -> dict[str, Any]:
        """The full case object of design.md (contains personal data: privileged readers only)."""
        data = self.summary_json()
        data.update(
            {
                "requester": {"name": self.requester.name, "email": self.requester.email, "phone": self.requester.phone},
                "channel": self.channel,
                "description": self.description,
                "data_role": self.data_role,
                "client_name": self.client_name,
                "agent": None
                if self.agent is None
                else {
                    "kind": self.agent.kind,
                    "name": self.agent.name,
                    "contact": self.agent.contact,
                    "evidence": self.agent.evidence,
                },
                "identity": {
                    "status": self.identity.status,
                    "method": self.identity.method,
                    "document_type": self.identity.document_type,
                    "verified_at": jst_iso(self.identity.verified_at),
                    "verified_by": self.identity.verified_by,
                },
                "outcome": self.outcome,
                "refusal_ground": self.refusal_ground,
                "reason": self.reason,
                "created_by": self.created_by,
                "waiting": None if self.waiting_for is None else {"for": self.waiting_for,
                                                                  "since": jst_iso(self.waiting_since)},
                "policy_version": self.policy_version,
                "created_at": jst_iso(self.created_at),
                "updated_at": jst_iso(self.updated_at),
            }
        )
        if with_history:
            data["history"] = [entry.to_json() for entry in self.history]
            data["notes"] = [note.to_json() for note in self.notes]
        return data
