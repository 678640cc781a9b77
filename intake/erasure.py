"""What erasing a case's personal data means (retention, design.md): which values go, what stays, and when a case
may be erased. `CaseDesk.handle(Purge(...))` applies it; `intake.retention` chooses the cases and makes the
erasure reach the file's bytes.

Erased: the requester's name, email and phone, the description, the agent's name, contact and evidence, the
identity document type, and the text of the case's notes (`case_notes`). Kept: the type,
channel, urgency, dates, status, outcome, refusal ground and reason, the client's name (a company, not the
requester), identity status and method, and the append-only audit (which never holds these values: edits are
audited by field name). Text columns that cannot be empty get a marker that reads naturally on the card and in
`cases show`; the others become NULL.
"""
from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from intake.audit import utc_text
from intake.lifecycle import CLOSED_STATUSES

if TYPE_CHECKING:  # sqlite_utils loads numpy when present: imported where a database is opened
    import sqlite_utils

__all__ = ["ERASED", "ERASED_FIELDS", "closed_at", "erase_notes", "erasure_changes", "is_purged"]

#: What an erased name or description reads as.
ERASED = "（保存期間の経過により削除済み / erased after the retention period）"

#: Column → its value once erased.
_ERASURE: dict[str, str | None] = {
    "requester_name": ERASED,
    "requester_email": None,
    "requester_phone": None,
    "description": ERASED,
    "agent_contact": None,
    "agent_evidence": None,
    "identity_document_type": None,
}
#: The fields a purge names in its audit event (`case_notes.text` is erased with them).
ERASED_FIELDS = (*_ERASURE, "agent_name", "case_notes.text")


def erasure_changes(row_has_agent: bool, *, now: datetime) -> dict[str, Any]:
    """The column changes that erase one case (the agent's name only exists, and is NOT NULL, with an agent)."""
    changes: dict[str, Any] = {**_ERASURE, "purged_at": utc_text(now)}
    if row_has_agent:
        changes["agent_name"] = ERASED
    return changes


def closed_at(db: sqlite_utils.Database, case_id: str) -> datetime | None:
    """When the case reached its closed status (its audit), or None while it is open."""
    marks = ", ".join("?" * len(CLOSED_STATUSES))
    row = db.conn.execute(
        f"SELECT MAX(at) FROM audit WHERE case_id = ? AND action = 'transition' AND to_status IN ({marks})",
        (case_id, *sorted(CLOSED_STATUSES))).fetchone()
    return datetime.fromisoformat(row[0]) if row and row[0] else None


def is_purged(db: sqlite_utils.Database, case_id: str) -> bool:
    row = db.conn.execute("SELECT purged_at FROM cases WHERE id = ?", (case_id,)).fetchone()
    return bool(row and row[0])


def erase_notes(db: sqlite_utils.Database, case_id: str) -> int:
    """Erase the text of the case's notes (their ids stay: the audit's `note_added` rows name them); returns how
    many."""
    return db.conn.execute("UPDATE case_notes SET text = ? WHERE case_id = ?", (ERASED, case_id)).rowcount
