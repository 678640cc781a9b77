"""Retention: erase the personal data of cases closed before a cut-off, so that it is really gone from the file.

`retention_days` in the configuration (none by default: nothing is erased unless the company decides) makes the
server's daily job (`bot/scheduler.py`) call `purge_closed` with the cut-off `retention_days` before today, as the
`RETENTION_JOB` actor; `privacy-bot cases purge --closed-before DATE --actor UID` calls it by hand. Each case goes
through `CaseDesk.handle(Purge(...))`, which erases it (`intake.erasure`), writes a `purged` audit event and edits
the manager's cards in Slack in place, so the values leave the DMs too. The question text and comments of the
Slack layer's `feedback` rows from before the cut-off are erased with them (that table exists once the server ran).

SQLite keeps overwritten bytes: in free pages, in the unused part of a page, and in the write-ahead log. The
connections set `secure_delete` (`intake.db.open_db`), which zeroes what a change frees; after a purge the file
is rebuilt (`VACUUM`) and the log checkpointed and truncated, so a search of the file's bytes finds none of the
erased values (tests/intake/test_retention.py does exactly that).
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from intake.audit import utc_text
from intake.calendar import JST
from intake.commands import Purge
from intake.db import transaction
from intake.desk import CaseDesk
from intake.erasure import ERASED
from intake.lifecycle import CLOSED_STATUSES, RETENTION_JOB

if TYPE_CHECKING:  # sqlite_utils loads numpy when present: imported where a database is opened
    import sqlite_utils

__all__ = ["PurgeResult", "daily_cutoff", "purge_closed", "purgeable", "run_daily", "scrub_file"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PurgeResult:
    case_ids: tuple[str, ...]
    feedback_rows: int
    dry_run: bool


def daily_cutoff(now: datetime, retention_days: int) -> datetime:
    """The start of the day (JST) `retention_days` before today: a case closed before it is erased."""
    today = now.astimezone(JST).date()
    return datetime.combine(today - timedelta(days=retention_days), datetime.min.time(), tzinfo=JST)


def purgeable(db: sqlite_utils.Database, closed_before: datetime) -> list[str]:
    """Ids of the closed, not yet erased cases whose closing is before the cut-off, oldest first."""
    marks = ", ".join("?" * len(CLOSED_STATUSES))
    rows = db.conn.execute(
        f"SELECT cases.id, MAX(audit.at) AS closed FROM cases JOIN audit ON audit.case_id = cases.id "
        f"WHERE cases.purged_at IS NULL AND cases.status IN ({marks}) AND audit.action = 'transition' "
        f"AND audit.to_status IN ({marks}) GROUP BY cases.id HAVING closed < ? ORDER BY closed, cases.id",
        (*sorted(CLOSED_STATUSES), *sorted(CLOSED_STATUSES), utc_text(closed_before))).fetchall()
    return [case_id for case_id, _ in rows]


#: Tables that keep what staff asked the bot, with the column saying when: the answers shown (`feedback`, the
#: Slack layer's) and each ask recorded against a knowledge gap (`gap_asks`, gaps/db.py). A pasted customer email
#: can carry personal data, so their text goes with the cases'.
_QUESTION_TABLES = (("feedback", "created_at"), ("gap_asks", "at"))
#: A gap last asked before the cut-off loses its question too, unless a manager's answer is served from it (the
#: answer is matched against that question; the manager has reviewed it).
_STALE_GAPS = "knowledge_gaps WHERE last_asked < ? AND status != 'answered' AND question != ?"


def _feedback_before(db: sqlite_utils.Database, closed_before: datetime, *, erase: bool) -> int:
    """Count (or erase) the question text and comments asked before `closed_before`, in every table that has them."""
    present = set(db.table_names())
    total = 0
    for table, at in _QUESTION_TABLES:
        if table not in present:
            continue
        where = f"{at} < ? AND (question != ? OR comment IS NOT NULL)"
        params = (utc_text(closed_before), ERASED)
        if erase:
            total += db.conn.execute(f"UPDATE {table} SET question = ?, comment = NULL WHERE {where}",
                                     (ERASED, *params)).rowcount
        else:
            total += int(db.conn.execute(f"SELECT COUNT(*) FROM {table} WHERE {where}", params).fetchone()[0])
    if "knowledge_gaps" in present:
        params = (utc_text(closed_before), ERASED)
        if erase:
            total += db.conn.execute(f"UPDATE {_STALE_GAPS.replace(' WHERE', ' SET question = ? WHERE', 1)}",
                                     (ERASED, *params)).rowcount
        else:
            total += int(db.conn.execute(f"SELECT COUNT(*) FROM {_STALE_GAPS}", params).fetchone()[0])
    return total


def purge_closed(desk: CaseDesk, *, closed_before: datetime, actor: str, now: datetime,
                 dry_run: bool = False) -> PurgeResult:
    """Erase every case closed before `closed_before` (each through `desk.handle`, each its own commit) and the
    feedback text from before it, then scrub the file. `dry_run` only counts."""
    ids = purgeable(desk.db, closed_before)
    if dry_run:
        return PurgeResult(tuple(ids), _feedback_before(desk.db, closed_before, erase=False), True)
    for case_id in ids:
        desk.handle(case_id, Purge(closed_before), actor=actor, now=now)
    with transaction(desk.db):
        feedback = _feedback_before(desk.db, closed_before, erase=True)
    if ids or feedback:
        scrub_file(desk.db)
    log.info("retention purged cases=%s feedback=%s", len(ids), feedback)
    return PurgeResult(tuple(ids), feedback, False)


def run_daily(desk: CaseDesk, *, now: datetime) -> PurgeResult | None:
    """The server's daily job: purge with the configured `retention_days` once per day (JST), recorded in
    `schedule_log` after it succeeded, so a restart neither repeats nor skips a day. None when not due or not set."""
    days = desk.config.retention_days
    if days is None:
        return None
    key = f"retention:{now.astimezone(JST).date().isoformat()}"
    if desk.db.conn.execute("SELECT 1 FROM schedule_log WHERE key = ?", (key,)).fetchone():
        return None
    result = purge_closed(desk, closed_before=daily_cutoff(now, days), actor=RETENTION_JOB, now=now)
    with transaction(desk.db):
        desk.db.conn.execute("INSERT OR IGNORE INTO schedule_log (key, case_id, at) VALUES (?, NULL, ?)",
                             (key, utc_text(now)))
    return result


def scrub_file(db: sqlite_utils.Database) -> None:
    """Rebuild the file without its free space and empty the write-ahead log, so erased bytes are gone."""
    db.conn.execute("VACUUM")
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
