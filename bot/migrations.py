"""The Slack layer's own tables in the case database, with a migration history of their own.

The case core (`intake/db.py`) migrates the case tables when any process opens the file; what only the Slack
layer reads and writes (`feedback`: the answers shown and the votes on them) is created here, when the server is
built (`bot/runtime.py`), and recorded in `_bot_migrations` so that neither layer's history names the other's
tables. A file made before the split already holds `feedback` (made by the core's first migration), with its
rows: creating it is then a no-op that keeps them.
"""
from __future__ import annotations

import sqlite_utils

from intake.db import Migration, run_migrations

__all__ = ["BOT_MIGRATIONS", "HISTORY", "migrate"]

#: The Slack layer's migration history, beside the core's `_migrations`.
HISTORY = "_bot_migrations"

# Migration 1: one row per answer shown (no vote) and one per vote, so the table reads without joins (bot/feedback.py).
_FEEDBACK = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY,
    created_at TEXT,
    user_id TEXT,
    channel_id TEXT,
    question TEXT,
    answer TEXT,
    sections TEXT,
    vote TEXT,
    comment TEXT
);
"""

# Migration 2: Slack's event ids live in the serving process's own inbox file (bot/inbox.py), which the ack writes
# without waiting on this database; a file from before that change still holds the old table.
_DROP_SLACK_EVENTS = """
DROP TABLE IF EXISTS slack_events;
"""

BOT_MIGRATIONS: tuple[Migration, ...] = (Migration("0001_feedback", _FEEDBACK),
                                         Migration("0002_drop_slack_events", _DROP_SLACK_EVENTS))


def migrate(db: sqlite_utils.Database) -> None:
    """Bring the Slack layer's tables up to date (the core's are, once `intake.db.open_db` has opened `db`)."""
    run_migrations(db, BOT_MIGRATIONS, history=HISTORY)
