"""Retention: a purge erases the personal data of cases closed before the cut-off from every byte of the database
file (and its write-ahead log), keeps type, dates, outcome and audit, and the monthly report still counts them."""
from __future__ import annotations

from dataclasses import astuple
from datetime import UTC, datetime
from pathlib import Path

import pytest

import gaps
from gaps import GapStore
from intake import JST, CaseDesk, Config, InvalidTransition, NotAuthorised, ValidationError, open_db
from intake.audit import Purged
from intake.commands import AddNote, Purge
from intake.erasure import ERASED
from intake.lifecycle import RETENTION_JOB, SERVER_OPERATOR
from intake.report import monthly_report
from intake.retention import daily_cutoff, purge_closed, purgeable
from tests.intake.conftest import MANAGER, STRANGER
from tests.intake.report_month import EXPECTED, JUNE, PERSONAL_VALUES, generate_june

CUTOFF = datetime(2026, 6, 12, tzinfo=JST)  # G (closed 06-03), A (06-04) and B (06-10) are closed before it
AFTER = datetime(2026, 7, 1, 10, tzinfo=JST)
NOTE = "電話で本人から聞いた住所: 東京都千代田区1-2-3"
QUESTION = "山田さん（090-9999-8888）から削除依頼が来たけどどうする？"
GAP_QUESTION = "佐藤さん（080-1111-2222）の解約後のデータ保存期間は？"


def _bytes(db_path: Path) -> bytes:
    """The database file and its write-ahead log, as an attacker with the disk would read them."""
    wal = Path(f"{db_path}-wal")
    return db_path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def _stored(desk: CaseDesk, case_id: str) -> list[bytes]:
    """The personal values as stored (the phone normalised), encoded as SQLite writes text."""
    case = desk.store.get(case_id, actor=SERVER_OPERATOR)
    values = [case.requester.name, case.requester.email, case.requester.phone, case.description]
    return [value.encode() for value in values if value]


@pytest.fixture
def june(desk: CaseDesk) -> dict[str, str]:
    ids = generate_june(desk, actor=MANAGER)
    # Notes through the desk, as the card's Note button adds them, and the Slack layer's feedback as it is stored.
    for letter in "AC":
        desk.handle(ids[letter], AddNote(f"{NOTE} ({letter})"), actor=MANAGER,
                    now=datetime(2026, 6, 30, 1, 0, tzinfo=UTC))
    desk.db.conn.execute("CREATE TABLE feedback (id INTEGER PRIMARY KEY, created_at TEXT, user_id TEXT, channel_id TEXT,"
                         " question TEXT, answer TEXT, sections TEXT, vote TEXT, comment TEXT)")
    desk.db.conn.execute("INSERT INTO feedback (created_at, user_id, channel_id, question, answer, sections) "
                         "VALUES ('2026-06-01T02:00:00+00:00', 'U0AGENT', 'D1', ?, 'answer', '[]')", (QUESTION,))
    desk.db.conn.commit()
    gaps.migrate(desk.db)  # a question the policy did not answer, recorded as a knowledge gap in June
    GapStore(desk.db).record(GAP_QUESTION, user_id="U0AGENT", channel_id="D1", source="not_covered",
                             outcome="not_covered", now=datetime(2026, 6, 1, 2, tzinfo=UTC))
    return ids


def test_purge_leaves_no_personal_value_in_the_file(june: dict[str, str], desk: CaseDesk, db_path: Path) -> None:
    stored = {letter: _stored(desk, june[letter]) for letter in "GABC"}
    assert all(len(values) == 4 for values in stored.values())
    before = _bytes(db_path)
    assert all(value in before for value in stored["A"])  # the search would find them
    result = purge_closed(desk, closed_before=CUTOFF, actor=MANAGER, now=AFTER)
    assert sorted(result.case_ids) == sorted(june[letter] for letter in "GAB")
    assert result.feedback_rows == 3  # the answer's question, the gap's ask and the gap itself
    after = _bytes(db_path)  # with the connection still open, as the server's is: the log has not been removed
    for letter in "GAB":
        for value in stored[letter]:
            assert value not in after, (letter, value.decode())
    assert f"{NOTE} (A)".encode() not in after and QUESTION.encode() not in after
    assert GAP_QUESTION.encode() not in after
    assert all(value in after for value in stored["C"])  # closed after the cut-off: kept
    assert f"{NOTE} (C)".encode() in after


def test_purge_keeps_type_dates_outcome_and_audit_and_the_report_counts(
        june: dict[str, str], desk: CaseDesk, config: Config) -> None:
    purge_closed(desk, closed_before=CUTOFF, actor=MANAGER, now=AFTER)
    case = desk.store.get(june["B"], actor=SERVER_OPERATOR)
    assert (case.type, case.status, case.refusal_ground, case.outcome) == ("disclosure", "refused", "other_law",
                                                                           "refused_with_ground")
    assert (case.requester.name, case.requester.email, case.requester.phone, case.description) == (
        ERASED, None, None, ERASED)
    assert case.received_at == datetime(2026, 6, 2, 19, tzinfo=JST)
    assert [entry.action for entry in case.history][-1] == "purged"
    event = case.history[-1].event
    assert isinstance(event, Purged) and event.closed_before == CUTOFF and "requester_email" in event.fields
    assert case.history[-1].actor == MANAGER
    report = monthly_report(desk.db, JUNE, calendar=config.calendar)
    assert (report.received, report.by_type, report.overdue, report.purged) == (
        EXPECTED["received"], EXPECTED["by_type"], EXPECTED["overdue"], 2)  # A and B were received in June
    assert astuple(report.close_days) == EXPECTED["close_days"]


def test_dry_run_counts_and_changes_nothing(june: dict[str, str], desk: CaseDesk) -> None:
    result = purge_closed(desk, closed_before=CUTOFF, actor=MANAGER, now=AFTER, dry_run=True)
    assert (len(result.case_ids), result.feedback_rows, result.dry_run) == (3, 3, True)
    assert purgeable(desk.db, CUTOFF) == list(result.case_ids)
    assert desk.store.get(june["A"], actor=SERVER_OPERATOR).requester.name == PERSONAL_VALUES["A"]["name"]


def test_only_closed_cases_before_the_cutoff_once_and_by_a_privileged_actor(
        june: dict[str, str], desk: CaseDesk) -> None:
    with pytest.raises(InvalidTransition):
        desk.handle(june["E"], Purge(AFTER), actor=MANAGER, now=AFTER)  # still open
    with pytest.raises(ValidationError) as refused:
        desk.handle(june["C"], Purge(CUTOFF), actor=MANAGER, now=AFTER)  # closed 06-12 15:00, after the cut-off
    assert list(refused.value.errors) == ["closed_before"]
    for actor in (STRANGER, SERVER_OPERATOR):
        with pytest.raises(NotAuthorised):
            desk.handle(june["A"], Purge(CUTOFF), actor=actor, now=AFTER)
    desk.handle(june["A"], Purge(CUTOFF), actor=RETENTION_JOB, now=AFTER)  # the daily job, as configured
    with pytest.raises(InvalidTransition):
        desk.handle(june["A"], Purge(CUTOFF), actor=MANAGER, now=AFTER)  # already erased
    assert june["A"] not in purgeable(desk.db, AFTER)


def test_daily_cutoff_is_the_start_of_the_day_retention_days_ago() -> None:
    assert daily_cutoff(datetime(2026, 7, 1, 1, tzinfo=JST), 30) == datetime(2026, 6, 1, tzinfo=JST)


def test_connections_zero_what_they_free(db_path: Path) -> None:
    assert open_db(db_path).conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
