"""One SQLite connection per thread for the Slack layer.

`sqlite3` connections refuse to be used from a thread other than the one that opened them, and the app runs on
several: waitress serves requests on its worker threads (where the dedupe middleware writes) and Bolt runs
listeners on its own executor (where feedback is written). Each thread therefore opens its own connection through
the case core's `open_db`, which also sets WAL and the busy timeout that make these concurrent writers safe.
"""
from __future__ import annotations

import threading
from collections.abc import Callable

import sqlite_utils

__all__ = ["DatabaseOpener", "PerThreadDatabase"]

#: Opens a connection to the bot's database (in production `functools.partial(intake.db.open_db, path)`).
DatabaseOpener = Callable[[], sqlite_utils.Database]


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
