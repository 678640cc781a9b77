"""The gap tables in the case database, with a migration history of their own (`_gap_migrations`), beside the
core's `_migrations` and the Slack layer's `_bot_migrations`: neither layer's history names these tables, and the
command line (`kb gaps`, `kb answer`) migrates them as the server does.
"""
from __future__ import annotations

import sqlite_utils

from intake.db import Migration, run_migrations

__all__ = ["GAP_MIGRATIONS", "HISTORY", "migrate"]

HISTORY = "_gap_migrations"

# Migration 1: a gap (one question, however many times and ways asked), each time it was asked, and the manager's
# answers. `knowledge_gaps.question` is the first wording; `gap_asks` keeps every wording (the matcher compares a new
# question with all of them), who asked (Slack ids) and why it is a gap. `manager_answers` is never deleted from: a
# withdrawn answer keeps its row with who withdrew it and when.
_GAPS = """
CREATE TABLE knowledge_gaps (
    id INTEGER PRIMARY KEY,
    question TEXT NOT NULL,
    language TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open',
    outcome TEXT NOT NULL,
    first_asked TEXT NOT NULL,
    last_asked TEXT NOT NULL,
    dismissed_by TEXT,
    dismissed_at TEXT
);
CREATE INDEX knowledge_gaps_status ON knowledge_gaps(status, last_asked);
CREATE TABLE gap_asks (
    id INTEGER PRIMARY KEY,
    gap_id INTEGER NOT NULL REFERENCES knowledge_gaps(id),
    at TEXT NOT NULL,
    user_id TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    question TEXT NOT NULL,
    sources TEXT NOT NULL,
    answer_id INTEGER,
    feedback_id INTEGER,
    comment TEXT,
    told_at TEXT
);
CREATE INDEX gap_asks_gap ON gap_asks(gap_id, id);
CREATE INDEX gap_asks_answer ON gap_asks(answer_id);
CREATE TABLE manager_answers (
    id INTEGER PRIMARY KEY,
    gap_id INTEGER NOT NULL REFERENCES knowledge_gaps(id),
    answer_ja TEXT NOT NULL,
    answer_en TEXT,
    cites TEXT NOT NULL,
    all_staff INTEGER NOT NULL,
    approved_by TEXT NOT NULL,
    approved_at TEXT NOT NULL,
    withdrawn_by TEXT,
    withdrawn_at TEXT
);
CREATE INDEX manager_answers_gap ON manager_answers(gap_id, id);
CREATE TABLE manager_answer_uses (
    id INTEGER PRIMARY KEY,
    answer_id INTEGER NOT NULL REFERENCES manager_answers(id),
    at TEXT NOT NULL,
    user_id TEXT NOT NULL
);
CREATE INDEX manager_answer_uses_at ON manager_answer_uses(at);
"""

GAP_MIGRATIONS: tuple[Migration, ...] = (Migration("0001_gaps", _GAPS),)


def migrate(db: sqlite_utils.Database) -> None:
    """Bring the gap tables up to date (the core's are, once `intake.db.open_db` has opened `db`)."""
    run_migrations(db, GAP_MIGRATIONS, history=HISTORY)
