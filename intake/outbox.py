"""Messages the bot owes, kept in the database until Slack has them (the transactional outbox).

A row is written in the same transaction as the change that makes it owed (a new case, a status change, a
reminder falling due), so a crash can never keep the change and lose the message, or send a message about a change
that was rolled back. The Slack layer (`bot/delivery.py`) claims rows one at a time, sends them and records where
they landed; this module knows nothing about Slack.

    pending ──claim──→ sending ──→ sent
       ↑                  │  └───→ failed   (Slack refused it for good: unknown user, invalid blocks)
       ├──── retry ───────┘                 (an outage, a 429: later, with backoff)
       └──── requeue_failed ─── failed      (the operator fixed the cause: `privacy-bot doctor --retry-failed`)

A row that fails for good must reach a person, not only the log: `fail` writes a `delivery_failed` notice to the
people `failure_notice_recipients` names, in the same transaction that marks the row failed, so the notice is as
durable as the message it is about. A notice that fails itself is only logged (nobody is told about it), so one
broken token or a wrong manager id can never make notices about notices.

Exactly once: a post that was attempted but not confirmed (the process was killed between the call and
`mark_sent`, or the call timed out) leaves `maybe_posted` set, and the sender must look for the row's id in the
conversation before posting again. `update_of` rows edit the message another row posted (the manager's case card);
they wait until that row is sent, and are idempotent, so they need no such check.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from intake.config import Config
from intake.db import transaction

if TYPE_CHECKING:  # sqlite_utils loads numpy when present: imported where a database is opened
    import sqlite_utils

__all__ = ["DELIVERY_FAILED", "KNOWLEDGE_RELOAD", "Outbox", "OutboxRow", "failure_notice_recipients", "stamp"]

#: The kind of a row telling a person that another row failed for good; its `data` holds the failed row's id,
#: kind, recipient and Slack's error code (no personal data).
DELIVERY_FAILED = "delivery_failed"
#: The kind of a row telling the manager that the running bot loaded an edited knowledge base or refused a broken
#: one; its `data` holds the outcome, the directory, the version and the `file:line: message` problems.
KNOWLEDGE_RELOAD = "knowledge_reload"
#: How a row is retired when it need not be sent any more (an edit overtaken by a later one, a stale notice).
SUPERSEDED = "superseded"


def failure_notice_recipients(failed: OutboxRow, *, config: Config) -> list[str]:
    """Who must hear that `failed` will never be delivered: the manager, or, when the manager is not set or the
    failed message was the manager's own DM, the deputy and the privacy team. Nobody for a failure notice."""
    if failed.kind == DELIVERY_FAILED:
        return []
    if config.manager and failed.recipient != config.manager:
        return [config.manager]
    fallback: list[str] = []
    for user in (config.deputy, *config.privacy_team):
        if user and user != failed.recipient and user not in fallback:
            fallback.append(user)
    return fallback


def stamp(moment: datetime) -> str:
    """UTC ISO text with microseconds: one fixed width, so string order in SQL is time order (backoffs in tests
    are milliseconds long)."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


@dataclass(frozen=True)
class OutboxRow:
    """One owed message. `recipient` is a Slack user id (a DM) or a channel id; `data` holds what the renderer
    needs besides the case (a reminder's key, "repeat" for an escalation re-ping), never personal data."""

    id: int
    kind: str
    recipient: str
    case_id: str | None
    created_at: datetime
    status: str
    attempts: int
    attempt_token: str | None
    maybe_posted: bool
    update_of: int | None = None
    channel: str | None = None
    ts: str | None = None
    data: dict[str, Any] = field(default_factory=dict)
    last_error: str | None = None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> OutboxRow:
        return cls(
            id=row["id"],
            kind=row["kind"],
            recipient=row["recipient"],
            case_id=row["case_id"],
            created_at=datetime.fromisoformat(row["created_at"]),
            status=row["status"],
            attempts=row["attempts"],
            attempt_token=row["attempt_token"],
            maybe_posted=bool(row["maybe_posted"]),
            update_of=row["update_of"],
            channel=row["channel"],
            ts=row["ts"],
            data=json.loads(row["data"] or "{}"),
            last_error=row["last_error"],
        )


class Outbox:
    """The outbox table of one database connection. Writers join the caller's transaction (`add`) or take their
    own short one (the sender's bookkeeping), so a claim can never be half-recorded."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    # -- what the core writes ----------------------------------------------------------------------------

    def add(
        self,
        *,
        kind: str,
        recipient: str,
        now: datetime,
        case_id: str | None = None,
        data: dict[str, Any] | None = None,
        update_of: int | None = None,
    ) -> int:
        """Owe a message; call inside the transaction of the change that causes it (it joins that transaction)."""
        with transaction(self.db):
            cursor = self.db.conn.execute(
                "INSERT INTO outbox (created_at, case_id, kind, recipient, data, update_of, next_attempt_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (stamp(now), case_id, kind, recipient, json.dumps(data or {}, ensure_ascii=False), update_of,
                 stamp(now)),
            )
        return int(cursor.lastrowid or 0)

    def rows_for_case(self, case_id: str, *, kind: str) -> list[OutboxRow]:
        """The case's messages of one kind that are not given up on, oldest first."""
        return [
            OutboxRow.from_row(row)
            for row in self.db.query(
                "SELECT * FROM outbox WHERE case_id = ? AND kind = ? AND status != 'failed' ORDER BY id",
                [case_id, kind],
            )
        ]

    # -- what the sender does ----------------------------------------------------------------------------

    def claim(self, *, now: datetime, token: str) -> OutboxRow | None:
        """Take the oldest row that is due, marking it `sending` under `token`; None when nothing is due.

        An edit waits until the message it edits has been sent. Claiming an edit also retires the other pending
        edits of the same message: the edit renders the case as it is now, which already includes their changes.
        """
        with transaction(self.db):
            row = self._one(
                "UPDATE outbox SET status = 'sending', attempt_token = ?, attempts = attempts + 1 "
                "WHERE id = (SELECT id FROM outbox AS o WHERE status = 'pending' AND next_attempt_at <= ? "
                "AND (update_of IS NULL OR EXISTS (SELECT 1 FROM outbox AS t WHERE t.id = o.update_of "
                "AND t.status = 'sent')) ORDER BY id LIMIT 1) RETURNING *",
                (token, stamp(now)),
            )
            if row is not None and row.update_of is not None:
                self.db.conn.execute(
                    "UPDATE outbox SET status = 'sent', sent_at = ?, last_error = ? "
                    "WHERE update_of = ? AND status = 'pending' AND id != ?",
                    (stamp(now), SUPERSEDED, row.update_of, row.id),
                )
        return row

    def get(self, row_id: int) -> OutboxRow | None:
        return self._one("SELECT * FROM outbox WHERE id = ?", (row_id,))

    def begin_post(self, row_id: int, *, token: str, channel: str) -> None:
        """Record, before the call, that this attempt is about to post in `channel`: if we die before
        `mark_sent`, the next attempt knows to look there first."""
        self._update(row_id, token, "maybe_posted = 1, channel = ?", (channel,))

    def mark_sent(self, row_id: int, *, token: str, channel: str, ts: str, now: datetime) -> None:
        self._update(row_id, token, "status = 'sent', channel = ?, ts = ?, sent_at = ?, last_error = NULL",
                     (channel, ts, stamp(now)))

    def retry(self, row_id: int, *, token: str, at: datetime, error: str) -> None:
        """Back to `pending`, due again at `at` (keeps `maybe_posted`: a failed call may still have posted)."""
        self._update(row_id, token, "status = 'pending', next_attempt_at = ?, last_error = ?", (stamp(at), error))

    def fail(self, row_id: int, *, token: str, error: str, now: datetime, notify: Sequence[str] = ()) -> list[int]:
        """Give up on a row Slack will never accept, and on the edits waiting for it; owe a `delivery_failed`
        notice to each of `notify` in the same transaction. Returns the notices' ids (none if the claim was stale).
        """
        with transaction(self.db):
            if not self._update(row_id, token, "status = 'failed', last_error = ?", (error,)):
                return []
            self.db.conn.execute(
                "UPDATE outbox SET status = 'failed', last_error = 'the message it edits failed' "
                "WHERE update_of = ? AND status = 'pending'",
                (row_id,),
            )
            failed = self.get(row_id)
            assert failed is not None
            data = {"failed_id": failed.id, "failed_kind": failed.kind, "failed_recipient": failed.recipient,
                    "error": error}
            return [self.add(kind=DELIVERY_FAILED, recipient=user, case_id=failed.case_id, data=data, now=now)
                    for user in notify]

    def failed(self, *, case_id: str | None = None) -> list[OutboxRow]:
        """Rows given up on (all, or one case's), oldest first: what `doctor`, App Home and `cases` show."""
        where, params = ("AND case_id = ?", [case_id]) if case_id is not None else ("", [])
        return [OutboxRow.from_row(row) for row in self.db.query(
            f"SELECT * FROM outbox WHERE status = 'failed' {where} ORDER BY id", params)]

    def failed_case_ids(self) -> set[str]:
        """Cases with at least one message given up on (the marker of `cases list`)."""
        return {case_id for (case_id,) in self.db.conn.execute(
            "SELECT DISTINCT case_id FROM outbox WHERE status = 'failed' AND case_id IS NOT NULL")}

    def requeue_failed(self, *, now: datetime) -> int:
        """Send the failed rows again (their cause has been fixed); returns how many were queued.

        Failure notices are retired rather than re-sent: the message they are about is being sent again now, and
        if it fails again a fresh notice is written.
        """
        with transaction(self.db):
            self.db.conn.execute(
                "UPDATE outbox SET status = 'sent', last_error = ? WHERE status = 'failed' AND kind = ?",
                (SUPERSEDED, DELIVERY_FAILED),
            )
            return self.db.conn.execute(
                "UPDATE outbox SET status = 'pending', next_attempt_at = ?, attempt_token = NULL "
                "WHERE status = 'failed'", (stamp(now),)
            ).rowcount

    def release_abandoned(self) -> int:
        """Put rows left in `sending` by a process that died back to `pending`, due now; returns how many.

        Call once at start, before sending anything: this process holds no claims yet, so every `sending` row
        belonged to a dead one. Their `maybe_posted` flag stays, so the sender checks before posting again.
        """
        with transaction(self.db):
            return self.db.conn.execute(
                "UPDATE outbox SET status = 'pending', attempt_token = NULL WHERE status = 'sending'"
            ).rowcount

    def next_due(self) -> datetime | None:
        """When the earliest pending row falls due (the sender sleeps until then, or until woken)."""
        (value,) = self.db.conn.execute(
            "SELECT MIN(next_attempt_at) FROM outbox WHERE status = 'pending'"
        ).fetchone()
        return datetime.fromisoformat(value) if value else None

    def counts(self) -> dict[str, int]:
        """Rows per status (for logs and benchmarks)."""
        return {status: count for status, count in self.db.conn.execute(
            "SELECT status, COUNT(*) FROM outbox GROUP BY status")}

    # -- internals ------------------------------------------------------------------------------------------

    def _one(self, sql: str, params: tuple[Any, ...]) -> OutboxRow | None:
        cursor = self.db.conn.execute(sql, params)
        values = cursor.fetchone()
        if values is None:
            return None
        return OutboxRow.from_row(dict(zip([c[0] for c in cursor.description], values, strict=True)))

    def _update(self, row_id: int, token: str, assignments: str, params: tuple[Any, ...]) -> bool:
        """Change a claimed row; a sender whose claim was taken from it (a stale token) changes nothing (False)."""
        with transaction(self.db):
            return self.db.conn.execute(
                f"UPDATE outbox SET {assignments} WHERE id = ? AND attempt_token = ?", (*params, row_id, token)
            ).rowcount == 1
