"""What the bot owes the people who asked: every question, written down before Slack gets its 200.

Slack treats a 2xx as "handled": it never redelivers that event, and a slash command is never resent. So a
question is written here *before* the ack, and the answer worker (`bot/answer_worker.py`) answers from here and
marks it done. A `kill -9` between the ack and the answer then loses nothing: the next start finds the row still
owed. The same row is the dedupe of Slack's retries (the event id is unique), so a retry that races the first
delivery, or a redelivery after a restart, is recognised and answered by nobody a second time.

The inbox is its own small SQLite file beside the case database (`<db>-inbox`) that only the serving process
writes, so an ack never waits on the case database, which the command line and other processes may hold for
seconds. Writes here take microseconds; an ack waits for them at most `RECEIVE_WAIT` seconds, and when even that
is not enough (a full disk, a second server hogging the file) the event is refused with 503 so that Slack retries
it, instead of being acknowledged and lost. Commits use WAL with `synchronous=NORMAL`: a commit survives the
process being killed; a power cut may lose the last few (as for the case database).

    owed ──claim──→ answering ──→ done      (answered, or told the bot is busy; the question text is cleared)
      ↑                 │  └────→ failed    (Slack refused for good, or gave up after retries; the asker is told)
      └──── retry ──────┘                   (Slack failed or rate-limited: later, and look before posting again)

Bounded: at most `backlog_limit` questions are owed at once. Beyond it a question is still recorded, but owed a
short "busy, please try again" instead of an answer (sent first, since it is cheap), or, for a slash command,
given that notice in the ack itself. Rows are kept a day after they are done (Slack's last retry comes after five
minutes), then pruned; only ids and outcomes remain once a row is done.
"""
from __future__ import annotations

import json
import os
import sqlite3
import threading
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from enum import Enum
from pathlib import Path
from typing import Any, Literal

from intake.outbox import stamp

__all__ = ["BACKLOG_LIMIT", "Inbox", "InboxRow", "InboxUnavailable", "Question", "Receipt", "inbox_path"]

#: Questions owed at once before new ones are told "busy". With Slack healthy the worker answers about 50 a second
#: (8 threads, ~150 ms per post), so this is some 40 s of answers; Slack sends an app at most 30,000 events an
#: hour (about 8 a second), so only a Web API that has slowed to a crawl or stopped fills it, and then a further
#: question would wait minutes for its answer: better to say so at once and let the asker try again.
BACKLOG_LIMIT = 2000
#: The longest an ack waits to record an event (the in-process lock, then SQLite's busy timeout, each half).
RECEIVE_WAIT = 1.0
KEEP_FOR = timedelta(days=1)
#: Claim order: a busy notice is one short post and tells someone to come back, so it goes before answers.
PRIORITY = {"busy": 0, "answer": 1}
SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE inbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    key TEXT NOT NULL UNIQUE,
    received_at TEXT NOT NULL,
    reply TEXT,
    priority INTEGER,
    status TEXT NOT NULL,
    question TEXT,
    message TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    attempt_token TEXT,
    maybe_posted INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    finished_at TEXT,
    outcome TEXT
);
CREATE INDEX inbox_owed ON inbox(status, priority, id);
CREATE INDEX inbox_finished ON inbox(finished_at);
"""


def inbox_path(db_path: str | os.PathLike[str]) -> Path:
    """The inbox file of a case database: beside it, `<db>-inbox`."""
    return Path(f"{os.fspath(db_path)}-inbox")


class InboxUnavailable(Exception):
    """The inbox could not record a request in time; nothing was recorded."""


class Receipt(Enum):
    OWED = "owed"  # recorded; an answer is owed
    BUSY = "busy"  # recorded; the backlog is full, a "busy" notice is owed (or, for a command, goes in the ack)
    SEEN = "seen"  # recorded for dedupe only; nothing is owed (another bot's message, an edit, App Home)
    DUPLICATE = "duplicate"  # already recorded: a retry or a redelivery


@dataclass(frozen=True)
class Question:
    """What was asked, where, and where the reply goes. `via`: a channel mention (answered in `thread_ts`), a DM
    (answered in the DM, in `thread_ts` if the question was in a thread), or `/privacy` (at `response_url`)."""

    via: Literal["mention", "dm", "command"]
    channel: str
    user: str
    text: str
    thread_ts: str | None = None
    response_url: str | None = None

    def encode(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def decode(cls, text: str) -> Question:
        return cls(**json.loads(text))


@dataclass(frozen=True)
class InboxRow:
    id: int
    key: str
    received_at: datetime
    reply: Literal["answer", "busy"]
    question: Question
    message: dict[str, Any] | None
    attempts: int
    attempt_token: str
    maybe_posted: bool

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> InboxRow:
        return cls(
            id=row["id"],
            key=row["key"],
            received_at=datetime.fromisoformat(row["received_at"]),
            reply=row["reply"],
            question=Question.decode(row["question"]),
            message=json.loads(row["message"]) if row["message"] else None,
            attempts=row["attempts"],
            attempt_token=row["attempt_token"],
            maybe_posted=bool(row["maybe_posted"]),
        )


class Inbox:
    """The inbox file, through one connection shared by this process's threads under one lock.

    One connection rather than one per thread: SQLite lets one writer in at a time anyway, and an in-process lock
    hands over in microseconds where SQLite's busy handler sleeps in steps (see `bot/storage.py`).
    """

    def __init__(self, path: str | os.PathLike[str], *, backlog_limit: int = BACKLOG_LIMIT) -> None:
        self.path = Path(path)
        self.backlog_limit = backlog_limit
        self._lock = threading.Lock()
        # The file holds question text until it is answered: readable by its owner only. SQLite gives its -wal
        # and -shm files the mode of the database file.
        os.close(os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600))
        self._conn = sqlite3.connect(self.path, timeout=RECEIVE_WAIT / 2, isolation_level=None,
                                     check_same_thread=False)
        self._conn.execute("PRAGMA journal_mode = wal")
        self._conn.execute("PRAGMA synchronous = NORMAL")
        self._migrate()

    def _migrate(self) -> None:
        conn = self._conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            (version,) = conn.execute("PRAGMA user_version").fetchone()
            if version == 0:
                for statement in _SCHEMA.split(";"):
                    if statement.strip():
                        conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            elif version != SCHEMA_VERSION:
                raise sqlite3.DatabaseError(f"{self.path}: inbox schema {version} is newer than this bot")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    # -- at receipt, before the ack ---------------------------------------------------------------------------

    def receive(self, key: str, question: Question | None, *, now: datetime) -> Receipt:
        """Record a request under `key` (unique); raises `InboxUnavailable` when that cannot be done in time."""
        if not self._lock.acquire(timeout=RECEIVE_WAIT / 2):
            raise InboxUnavailable("inbox lock")
        try:
            return self._receive(key, question, now)
        except sqlite3.Error as error:
            raise InboxUnavailable(type(error).__name__) from error
        finally:
            self._lock.release()

    def _receive(self, key: str, question: Question | None, now: datetime) -> Receipt:
        conn = self._conn
        if conn.execute("SELECT 1 FROM inbox WHERE key = ?", (key,)).fetchone():
            return Receipt.DUPLICATE
        receipt = Receipt.SEEN
        if question is not None:
            (owed,) = conn.execute("SELECT COUNT(*) FROM inbox WHERE status IN ('owed', 'answering')").fetchone()
            receipt = Receipt.OWED if owed < self.backlog_limit else Receipt.BUSY
        reply = {Receipt.OWED: "answer", Receipt.BUSY: "busy"}.get(receipt)
        if question is None or (reply == "busy" and question.via == "command"):
            reply = None  # nothing owed: a command's busy notice goes back in its ack
        if reply is None:
            sql = ("INSERT OR IGNORE INTO inbox (key, received_at, status, next_attempt_at, finished_at, outcome) "
                   "VALUES (?, ?, 'done', ?, ?, ?)")
            params: tuple[Any, ...] = (key, stamp(now), stamp(now), stamp(now), receipt.value)
        else:
            assert question is not None
            sql = ("INSERT OR IGNORE INTO inbox (key, received_at, reply, priority, status, question, "
                   "next_attempt_at) VALUES (?, ?, ?, ?, 'owed', ?, ?)")
            params = (key, stamp(now), reply, PRIORITY[reply], question.encode(), stamp(now))
        return receipt if conn.execute(sql, params).rowcount else Receipt.DUPLICATE

    # -- the worker ---------------------------------------------------------------------------------------------

    def claim(self, *, now: datetime, token: str) -> InboxRow | None:
        """Take the next owed row that is due (busy notices first, then oldest first); None when there is none."""
        with self._lock:
            cursor = self._conn.execute(
                "UPDATE inbox SET status = 'answering', attempt_token = ? WHERE id = (SELECT id FROM inbox "
                "WHERE status = 'owed' AND next_attempt_at <= ? ORDER BY priority, id LIMIT 1) RETURNING *",
                (token, stamp(now)),
            )
            values = cursor.fetchone()
            if values is None:
                return None
            return InboxRow.from_row(dict(zip([c[0] for c in cursor.description], values, strict=True)))

    def begin_post(self, row: InboxRow, *, message: dict[str, Any]) -> None:
        """Record, before the call, the message about to be posted: if we die before `finish`, the next attempt
        looks for it in Slack first, and otherwise posts this very message (same buttons) rather than a new one."""
        self._update(row, "maybe_posted = 1, message = ?", (json.dumps(message, ensure_ascii=False),))

    def finish(self, row: InboxRow, *, now: datetime, outcome: str) -> None:
        self._update(row, "status = 'done', finished_at = ?, outcome = ?, question = NULL, message = NULL",
                     (stamp(now), outcome))

    def fail(self, row: InboxRow, *, now: datetime, error: str) -> None:
        self._update(row, "status = 'failed', finished_at = ?, outcome = ?, question = NULL, message = NULL",
                     (stamp(now), error))

    def retry(self, row: InboxRow, *, at: datetime, error: str, counted: bool, nothing_posted: bool = False) -> None:
        """Owed again from `at`. `counted`: the failure counts towards giving up (a rate limit does not).
        `nothing_posted`: this attempt certainly posted nothing (Slack said 429), so `maybe_posted` goes back to
        what it was before the attempt; otherwise it stays set, and the next attempt looks before posting."""
        assignments = "status = 'owed', next_attempt_at = ?, outcome = ?, attempts = attempts + ?"
        params: tuple[Any, ...] = (stamp(at), error, int(counted))
        if nothing_posted:
            assignments += ", maybe_posted = ?"
            params += (int(row.maybe_posted),)
        self._update(row, assignments, params)

    def release_abandoned(self) -> int:
        """Rows a killed process was answering are owed again (their `maybe_posted` stays); returns how many.
        Call once at start, before answering: this process holds no claims yet."""
        with self._lock:
            return self._conn.execute(
                "UPDATE inbox SET status = 'owed', attempt_token = NULL WHERE status = 'answering'").rowcount

    def next_due(self) -> datetime | None:
        with self._lock:
            (value,) = self._conn.execute("SELECT MIN(next_attempt_at) FROM inbox WHERE status = 'owed'").fetchone()
        return datetime.fromisoformat(value) if value else None

    def prune(self, *, now: datetime) -> int:
        """Forget rows done or failed more than a day ago (well past Slack's last retry)."""
        with self._lock:
            return self._conn.execute("DELETE FROM inbox WHERE finished_at < ?", (stamp(now - KEEP_FOR),)).rowcount

    def _update(self, row: InboxRow, assignments: str, params: tuple[Any, ...]) -> None:
        """Change a claimed row; a worker whose claim was released (a stale token) changes nothing."""
        with self._lock:
            self._conn.execute(f"UPDATE inbox SET {assignments} WHERE id = ? AND attempt_token = ?",
                               (*params, row.id, row.attempt_token))
