"""One SQLite connection per thread for the Slack layer.

`sqlite3` connections refuse to be used from a thread other than the one that opened them, and the app runs on
several: Bolt runs listeners on its own executor (where cases and votes are written), the answer worker and the
outbox sender on theirs. Each thread therefore opens its own connection through the case core's `open_db`, which
also sets WAL and the busy timeout that make these concurrent writers safe.
"""
from __future__ import annotations

import contextlib
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator

import sqlite_utils

__all__ = ["DatabaseBusy", "DatabaseOpener", "PerThreadDatabase"]

#: Opens a connection to the bot's database (in production `functools.partial(intake.db.open_db, path)`).
DatabaseOpener = Callable[[], sqlite_utils.Database]


class DatabaseBusy(Exception):
    """The database could not be written within the time allowed; nothing was written."""


class PerThreadDatabase:
    """Hands each thread its own connection, opened on first use, and one lock for this process's writes.

    SQLite lets one writer in at a time and makes the others wait in its busy handler, which sleeps in steps of
    up to 100 ms: fine between processes, but it put 400 ms tails on the ack of an event (benchmarks/). Writers of
    one process take `write_lock` instead, which hands over in microseconds; the busy timeout still covers other
    processes (the CLI, a second worker).
    """

    def __init__(self, opener: DatabaseOpener) -> None:
        self._opener = opener
        self._local = threading.local()
        self.write_lock = threading.Lock()

    def get(self) -> sqlite_utils.Database:
        db: sqlite_utils.Database | None = getattr(self._local, "db", None)
        if db is None:
            db = self._local.db = self._opener()
            # WAL + NORMAL cannot corrupt the file; at worst a power cut loses the last few commits (an event id
            # or a vote), and each commit no longer waits for an fsync.
            db.conn.execute("PRAGMA synchronous = NORMAL")
        return db

    @contextlib.contextmanager
    def bounded_write(self, seconds: float) -> Iterator[sqlite_utils.Database]:
        """This thread's connection, for one write that must start within `seconds` or not at all.

        For a reply Slack waits at most 3 s for (the intake modal): the database's own busy timeout is long,
        because the command line and other processes may hold the file for seconds, and a write that ends after
        Slack gave up would be stored while the agent is shown an error. Here both waits, for this process's lock
        and then for SQLite's write lock, stop at `seconds` and raise `DatabaseBusy`; `transaction()` (BEGIN
        IMMEDIATE) takes SQLite's lock first, so nothing has been written then. Once in, the statements take
        milliseconds.
        """
        deadline = time.monotonic() + seconds
        if seconds <= 0 or not self.write_lock.acquire(timeout=seconds):
            raise DatabaseBusy
        try:
            db = self.get()
            (usual,) = db.conn.execute("PRAGMA busy_timeout").fetchone()
            left_ms = int((deadline - time.monotonic()) * 1000)
            if left_ms <= 0:
                raise DatabaseBusy
            db.conn.execute(f"PRAGMA busy_timeout = {left_ms}")
            try:
                yield db
            except sqlite3.OperationalError as error:
                if (error.sqlite_errorcode & 0xFF) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):  # extended codes too
                    raise DatabaseBusy from error
                raise
            finally:
                db.conn.execute(f"PRAGMA busy_timeout = {int(usual)}")
        finally:
            self.write_lock.release()
