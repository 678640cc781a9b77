"""Opening the case database: one SQLite file shared by the CLI, the Slack app and concurrent workers.

Every process opens the file through `open_db`, which sets the pragmas that make concurrent writers safe (WAL,
a busy timeout) and brings the schema up to date with named migrations. Migrations run on start rather than by
a separate command, so an upgraded bot never meets an old file. These are the case core's tables only; a layer
that keeps tables of its own in the same file (the Slack layer's `feedback`) runs its own list through
`run_migrations` under a history table of its own, so neither history needs to know the other.

Writes that must be atomic (a change and its audit row, the Slack layer's outbox row) use `transaction(db)`,
which takes SQLite's write lock at BEGIN (`BEGIN IMMEDIATE`): a deferred transaction that reads first and writes
later can fail with SQLITE_BUSY without waiting for the busy timeout, while an immediate one just queues.

The file holds personal data, so it is created readable by its owner only (0600), and an existing file with
looser bits is tightened when opened; SQLite gives its `-wal` and `-shm` files the database file's mode.
SQLite's errors name neither the file nor a remedy: `database_errors(path)` turns them into `DatabaseUnavailable`,
which says both.
"""
from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from common.clock import utc_now
from intake.errors import DatabaseUnavailable

if TYPE_CHECKING:  # sqlite_utils loads numpy when present: imported where a database is opened
    import sqlite_utils

__all__ = ["DB_ENV", "HISTORY", "MIGRATIONS", "Migration", "database_errors", "default_db_path", "open_db",
           "run_migrations", "transaction"]

log = logging.getLogger(__name__)

#: The core's migration history table (the Slack layer keeps its own, `bot.migrations.HISTORY`).
HISTORY = "_migrations"

DB_ENV = "PRIVACY_BOT_DB"
BUSY_TIMEOUT_SECONDS = 30.0
#: Owner read/write only: the file holds requesters' names, emails, phones and what they asked.
PRIVATE_MODE = 0o600
#: SQLite's companions of a database in WAL mode, which must be as private as the file itself.
_COMPANIONS = ("-wal", "-shm")


def default_db_path() -> Path:
    """The database file named by `PRIVACY_BOT_DB`, else `./privacy-bot.db`."""
    return Path(os.environ.get(DB_ENV) or "privacy-bot.db")


@contextlib.contextmanager
def transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """Run the block in one write transaction, joining the caller's when one is already open.

    Joining (rather than nesting a savepoint) lets a caller wrap several core calls, plus its own rows such as
    an outbox message, into one commit: either all of it lands or none of it.
    """
    conn = db.conn
    if conn.in_transaction:
        yield db
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    else:
        conn.execute("COMMIT")


@dataclass(frozen=True)
class Migration:
    """A named schema change; its name is recorded in a history table (`_migrations` for the case core's) once
    applied, so it never runs twice."""

    name: str
    sql: str

    def statements(self) -> Iterator[str]:
        """The script split into complete statements.

        `executescript` would COMMIT first and so escape the migration's transaction; executing statement by
        statement keeps the change and its history row in one commit.
        """
        statement = ""
        for line in self.sql.splitlines(keepends=True):
            statement += line
            if sqlite3.complete_statement(statement):
                yield statement
                statement = ""
        if statement.strip():
            raise ValueError(f"migration {self.name}: incomplete SQL statement {statement.strip()[:60]!r}")


# Migration 1: cases, their append-only audit trail and the per-year id counter. (It also made the Slack layer's
# `slack_events` and `feedback` until those moved to bot/migrations.py; files made then keep them, with their rows.)
_INITIAL = """
CREATE TABLE case_counters (
    year INTEGER PRIMARY KEY,
    last_seq INTEGER NOT NULL
);
CREATE TABLE cases (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    status TEXT NOT NULL,
    urgent INTEGER NOT NULL DEFAULT 0,
    received_at TEXT NOT NULL,
    due_at TEXT NOT NULL,
    channel TEXT NOT NULL,
    description TEXT NOT NULL,
    data_role TEXT NOT NULL DEFAULT 'own_user',
    client_name TEXT,
    assignee TEXT,
    requester_name TEXT,
    requester_email TEXT,
    requester_phone TEXT,
    agent_kind TEXT,
    agent_name TEXT,
    agent_contact TEXT,
    agent_evidence TEXT,
    identity_status TEXT NOT NULL DEFAULT 'unverified',
    identity_method TEXT,
    identity_document_type TEXT,
    identity_verified_at TEXT,
    identity_verified_by TEXT,
    outcome TEXT,
    refusal_ground TEXT,
    reason TEXT,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX cases_status_due ON cases(status, due_at);
CREATE INDEX cases_type ON cases(type);
CREATE INDEX cases_due ON cases(due_at);
CREATE INDEX cases_received ON cases(received_at);
CREATE TABLE audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id TEXT NOT NULL REFERENCES cases(id),
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    from_status TEXT,
    to_status TEXT,
    note TEXT,
    details TEXT
);
CREATE INDEX audit_case ON audit(case_id, id);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
    SELECT RAISE(ABORT, 'audit rows are append-only');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
    SELECT RAISE(ABORT, 'audit rows are append-only');
END;
"""

# Migration 2: the outbox of messages the bot owes (bot/delivery.py sends them) and the log of scheduled
# nudges already owed (reminders, escalation re-pings, digests), so a restart neither loses nor repeats one.
_OUTBOX = """
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    case_id TEXT REFERENCES cases(id),
    kind TEXT NOT NULL,
    recipient TEXT NOT NULL,
    data TEXT NOT NULL DEFAULT '{}',
    update_of INTEGER REFERENCES outbox(id),
    status TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    attempt_token TEXT,
    next_attempt_at TEXT NOT NULL,
    maybe_posted INTEGER NOT NULL DEFAULT 0,
    channel TEXT,
    ts TEXT,
    sent_at TEXT,
    last_error TEXT
);
CREATE INDEX outbox_due ON outbox(status, next_attempt_at);
CREATE INDEX outbox_case ON outbox(case_id, kind);
CREATE TABLE schedule_log (
    key TEXT PRIMARY KEY,
    case_id TEXT,
    at TEXT NOT NULL
);
"""

# Migration 3: what made each case, so that the same submission (a modal sent twice, a retried request, the same
# Slack message logged again) finds its case instead of making a second one. A case may have several keys.
_INTAKE_KEYS = """
CREATE TABLE intake_keys (
    key TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id),
    created_at TEXT NOT NULL
);
CREATE INDEX intake_keys_case ON intake_keys(case_id);
"""

# Migration 5: internal notes on a case (issue 13). A note's text lives here and nowhere else: its audit event
# records the note's id only, so that retention can erase `text` while the audit stays append-only.
_CASE_NOTES = """
CREATE TABLE case_notes (
    id INTEGER PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id),
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    text TEXT
);
CREATE INDEX case_notes_case ON case_notes(case_id, id);
"""

# Migration 6: when a case's personal data was erased under the retention policy (intake/retention.py); the case
# row, its type, dates and outcome, and its audit stay.
_RETENTION = """
ALTER TABLE cases ADD COLUMN purged_at TEXT;
"""

# Migration 4 dropped the Slack layer's event table, which bot/migrations.py now owns (and drops). It stays here,
# empty, so that a file which applied it still reads as this version's (`privacy-bot doctor` flags unknown names).
# Migration 7: what a case in `waiting_requester` waits for (a `WAITING_FOR` id, never free text) and since when,
# so the card and App Home can say 「待機中: 本人確認書類（3営業日）」 without reading the audit trail.
_WAITING = """
ALTER TABLE cases ADD COLUMN waiting_for TEXT;
ALTER TABLE cases ADD COLUMN waiting_since TEXT;
"""

# Migration 8: the version of the policy in force when the case was received (issue 14), so that its reply drafts
# quote that version even after a revision takes effect. The key is what the knowledge base names its versions by
# ("2026-12-01", or "base" for the first one held); cases logged before versions existed were received under the
# only version there was, the base.
_POLICY_VERSION = """
ALTER TABLE cases ADD COLUMN policy_version TEXT NOT NULL DEFAULT 'base';
"""

MIGRATIONS: tuple[Migration, ...] = (Migration("0001_initial", _INITIAL), Migration("0002_outbox", _OUTBOX),
                                     Migration("0003_intake_keys", _INTAKE_KEYS),
                                     Migration("0004_drop_slack_events", ""),
                                     Migration("0005_case_notes", _CASE_NOTES),
                                     Migration("0006_retention", _RETENTION),
                                     Migration("0007_waiting", _WAITING),
                                     Migration("0008_policy_version", _POLICY_VERSION))


def run_migrations(
    db: sqlite_utils.Database, migrations: tuple[Migration, ...], *, history: str = HISTORY
) -> None:
    """Apply pending migrations, each in its own immediate transaction together with its row in `history`.

    The check for "already applied" is repeated inside the write lock, so two processes starting at once
    cannot both run the same migration.
    """
    conn = db.conn
    conn.execute(f"CREATE TABLE IF NOT EXISTS {history} (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    applied = {row[0] for row in conn.execute(f"SELECT name FROM {history}")}
    for migration in migrations:
        if migration.name in applied:
            continue
        with transaction(db):
            if conn.execute(f"SELECT 1 FROM {history} WHERE name = ?", (migration.name,)).fetchone():
                continue
            for statement in migration.statements():
                conn.execute(statement)
            conn.execute(
                f"INSERT INTO {history} (name, applied_at) VALUES (?, ?)",
                (migration.name, utc_now().isoformat(timespec="seconds")),
            )


def _create_private(target: Path) -> None:
    """Create the database file with mode 0600 before SQLite does (SQLite would use 0644 less the umask).

    A path that cannot be created (missing directory, a directory, no permission) is left for SQLite to fail
    on, so that every such failure reaches `database_errors` the same way.
    """
    with contextlib.suppress(OSError):
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_MODE))


def _tighten(target: Path) -> None:
    """Take the group's and others' bits off a database file made before the bot created its files 0600 (or
    copied with a loose umask), and off its companions. Only once SQLite has read it as a database: a path
    pointing at some other file by mistake is left as it was."""
    for path in (target, *(Path(f"{target}{suffix}") for suffix in _COMPANIONS)):
        try:
            mode = os.stat(path).st_mode
        except OSError:
            continue
        if not stat.S_ISREG(mode) or not mode & 0o077:
            continue
        private = stat.S_IMODE(mode) & ~0o077
        try:
            os.chmod(path, private)
        except OSError as exc:
            log.warning("the database file %s is readable by others (mode %o) and could not be made private (%s): "
                        "make its owner run privacy-bot, or chmod go= it", path, stat.S_IMODE(mode), exc.strerror)
        else:
            log.info("made the database file %s private (mode %o, was %o): it holds personal data",
                     path, private, stat.S_IMODE(mode))


def open_db(path: str | os.PathLike[str] | None = None) -> sqlite_utils.Database:
    """Open (creating if needed) the case database at `path`, default `default_db_path()`, migrated to date."""
    import sqlite_utils  # here, not at the top: commands that never open the database skip its cost (numpy)

    target = Path(path) if path is not None else default_db_path()
    _create_private(target)
    conn = sqlite3.connect(str(target), timeout=BUSY_TIMEOUT_SECONDS)
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
    db = sqlite_utils.Database(conn)
    # journal_mode can only change outside a transaction, and must be set before anything else writes.
    if db.journal_mode != "wal":
        with db.ensure_autocommit_on():
            conn.execute("PRAGMA journal_mode = wal")
    _tighten(target)
    conn.execute("PRAGMA foreign_keys = ON")
    # Deleted and overwritten values are zeroed in the file instead of lingering in free space (retention).
    conn.execute("PRAGMA secure_delete = ON")
    run_migrations(db, MIGRATIONS)
    return db


@contextlib.contextmanager
def database_errors(path: str | os.PathLike[str]) -> Iterator[None]:
    """Turn an `sqlite3.Error` raised in the block (opening `path` or using it) into `DatabaseUnavailable`."""
    try:
        yield
    except sqlite3.Error as exc:
        problem, remedy = _diagnose(Path(path), exc)
        raise DatabaseUnavailable(str(path), problem, remedy) from exc


def _diagnose(path: Path, exc: sqlite3.Error) -> tuple[str, str]:
    """What is wrong with the file and what to do, from the path itself and SQLite's primary result code."""
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    if not path.parent.is_dir():
        return (f"the directory {path.parent} does not exist",
                f"create it, or set {DB_ENV} to a file in an existing directory")
    if path.is_dir():
        return "it is a directory", f"set {DB_ENV} to a file, e.g. {path / 'privacy-bot.db'}"
    if code == sqlite3.SQLITE_NOTADB:
        return ("it is not a SQLite database",
                f"set {DB_ENV} to the case database, or move this file away to start a new one")
    if code == sqlite3.SQLITE_CORRUPT:
        return "the file is damaged (truncated or corrupt)", "restore it from a backup, keeping the damaged copy aside"
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return (f"another process held its write lock for more than {BUSY_TIMEOUT_SECONDS:.0f} s, so nothing was "
                f"stored", f"try again, and if it persists find that process with: fuser {path}")
    if code == sqlite3.SQLITE_READONLY:
        return ("it is read-only for this user (the file or its directory)",
                "run as the file's owner, or make the file and its directory writable")
    if code in (sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM, sqlite3.SQLITE_AUTH):
        return ("it cannot be opened (permissions of the file or its directory?)",
                "run as the file's owner, or check the permissions of the file and its directory")
    if code == sqlite3.SQLITE_FULL:
        return "the disk is full", "free some space and try again; nothing was stored"
    if code == sqlite3.SQLITE_IOERR:
        return "the disk reported an error while reading or writing it", "check the disk and the file"
    return f"SQLite said: {exc}", "check the file"
