"""What happened to a case, as typed events, and the row each one is stored as in the append-only `audit` table.

The desk decides what happened and says so with an event (`StatusChanged(from, to, reason, ...)`), the store
writes it, and reading a case back gives the events again. The table keeps its columns (action, from_status,
to_status, note, details JSON) because auditors read them through `cases show --json` (design.md): `to_row` and
`from_row` are the one place where an event meets that shape, so the stored rows stay exactly as they were.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, NamedTuple

__all__ = ["Assigned", "AuditEvent", "AuditRow", "Created", "DetailsEdited", "Extended", "NoteAdded", "Purged",
           "ReplySent", "StatusChanged", "from_row", "to_row", "utc_text"]


def utc_text(moment: datetime) -> str:
    """UTC ISO text: one fixed format, so that string order in SQL is time order."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Created:
    """The case was logged as `new`."""

    type: str
    due_at: datetime
    urgent: bool
    assignee: str | None


@dataclass(frozen=True)
class StatusChanged:
    """One step of the state machine, with the details the step needs (a refusal's ground, a transfer's client,
    what a wait is for)."""

    from_status: str
    to_status: str
    reason: str | None = None
    ground: str | None = None
    client: str | None = None
    outcome: str | None = None
    #: Why the case was resolved as fulfilled before the requester's identity was verified (the manager's words).
    identity_override: str | None = None
    waiting_for: str | None = None


@dataclass(frozen=True)
class Extended:
    """The due date moved later; the status stays `status`."""

    status: str
    old_due: datetime
    new_due: datetime
    reason: str | None


@dataclass(frozen=True)
class Assigned:
    """The case went from `previous` (or nobody) to `assignee`; the status stays `status`."""

    status: str
    previous: str | None
    assignee: str


@dataclass(frozen=True)
class NoteAdded:
    """An internal note was added; the text is in `case_notes` under `note_id`, never in the audit (retention
    erases the text while the audit stays append-only)."""

    status: str
    note_id: int


@dataclass(frozen=True)
class DetailsEdited:
    """The requester's details, the channel, whose data, the agent or the identity check were edited: which fields
    (dotted names of the case JSON), never their old or new values, which are personal data."""

    status: str
    fields: tuple[str, ...]


@dataclass(frozen=True)
class ReplySent:
    """Someone sent the requester the reply of `stage` (a draft the bot wrote, sent by a person, never by the bot),
    in `language`; the status stays `status`. The text itself is not kept: it holds personal data."""

    status: str
    stage: str
    language: str


@dataclass(frozen=True)
class Purged:
    """The case's personal data was erased (retention): which fields, never their values; the status stays."""

    status: str
    closed_before: datetime
    fields: tuple[str, ...]


AuditEvent = Created | StatusChanged | Extended | Assigned | NoteAdded | DetailsEdited | ReplySent | Purged


class AuditRow(NamedTuple):
    """The stored columns of one audit entry, besides who and when."""

    action: str
    from_status: str | None
    to_status: str | None
    note: str | None
    details: dict[str, Any]


def to_row(event: AuditEvent) -> AuditRow:
    match event:
        case Created():
            details = {"type": event.type, "due_at": utc_text(event.due_at), "urgent": event.urgent,
                       "assignee": event.assignee}
            return AuditRow("created", None, "new", None, details)
        case StatusChanged():
            extras = {"ground": event.ground, "client": event.client, "outcome": event.outcome,
                      "identity_override": event.identity_override, "waiting_for": event.waiting_for}
            return AuditRow("transition", event.from_status, event.to_status, event.reason,
                            {key: value for key, value in extras.items() if value})
        case Extended():
            return AuditRow("extended", event.status, event.status, event.reason,
                            {"from_due_at": utc_text(event.old_due), "to_due_at": utc_text(event.new_due)})
        case Assigned():
            return AuditRow("assigned", event.status, event.status, None,
                            {"from": event.previous, "to": event.assignee})
        case NoteAdded():
            return AuditRow("note_added", event.status, event.status, None, {"note_id": event.note_id})
        case DetailsEdited():
            return AuditRow("details_edited", event.status, event.status, None, {"fields": list(event.fields)})
        case ReplySent():
            return AuditRow("reply_sent", event.status, event.status, None,
                            {"stage": event.stage, "language": event.language})
        case Purged():
            return AuditRow("purged", event.status, event.status, None,
                            {"closed_before": utc_text(event.closed_before), "fields": list(event.fields)})


def from_row(row: AuditRow) -> AuditEvent:
    """The event a stored row records; raises ValueError for an action this version does not know."""
    details = row.details
    match row.action:
        case "created":
            return Created(type=details["type"], due_at=datetime.fromisoformat(details["due_at"]),
                           urgent=details["urgent"], assignee=details["assignee"])
        case "transition":
            return StatusChanged(from_status=str(row.from_status), to_status=str(row.to_status), reason=row.note,
                                 ground=details.get("ground"), client=details.get("client"),
                                 outcome=details.get("outcome"), identity_override=details.get("identity_override"),
                                 waiting_for=details.get("waiting_for"))
        case "extended":
            return Extended(status=str(row.to_status), old_due=datetime.fromisoformat(details["from_due_at"]),
                            new_due=datetime.fromisoformat(details["to_due_at"]), reason=row.note)
        case "assigned":
            return Assigned(status=str(row.to_status), previous=details["from"], assignee=details["to"])
        case "note_added":
            return NoteAdded(status=str(row.to_status), note_id=int(details["note_id"]))
        case "details_edited":
            return DetailsEdited(status=str(row.to_status), fields=tuple(details["fields"]))
        case "reply_sent":
            return ReplySent(status=str(row.to_status), stage=details["stage"], language=details["language"])
        case "purged":
            return Purged(status=str(row.to_status), closed_before=datetime.fromisoformat(details["closed_before"]),
                          fields=tuple(details["fields"]))
    raise ValueError(f"unknown audit action {row.action!r}")
