"""The SQLite store: schema and migrations, case ids under concurrent writers, listing and export."""
from __future__ import annotations

import multiprocessing
import re
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from intake import JST, SERVER_OPERATOR, Acknowledge, Case, CaseDesk, CaseStore, Config, Withdraw, load_request_types, open_db
from intake import transaction
from intake import validate_new_case
from intake.db import MIGRATIONS
from tests.intake.conftest import AGENT, MANAGER, NOW, intake_fields

ID = re.compile(r"^PRV-\d{4}-\d{4,}$")


def _write_cases(db_path: str, count: int, queue: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    config = Config(manager=MANAGER)
    store = CaseStore(open_db(db_path), config=config)
    new = validate_new_case(intake_fields(), request_types=load_request_types(), config=config, now=NOW)
    queue.put([store.create(new, actor=AGENT, now=NOW).id for _ in range(count)])


class TestDatabase:
    """Opening the file sets it up for concurrent use and brings the schema up to date, once."""

    def test_fresh_file(self, db_path: Path) -> None:
        db = open_db(db_path)
        assert db.journal_mode == "wal"
        assert int(db.execute("PRAGMA busy_timeout").fetchone()[0]) >= 5000
        assert {"cases", "audit", "case_counters", "outbox", "schedule_log", "intake_keys", "_migrations"} <= set(
            db.table_names())
        assert not {"slack_events", "feedback"} & set(db.table_names())  # the Slack layer's: tests/bot/test_migrations.py
        assert [row["name"] for row in db.query("SELECT name FROM _migrations")] == [m.name for m in MIGRATIONS]

    def test_reopening_runs_nothing_twice(self, db_path: Path) -> None:
        open_db(db_path).close()
        db = open_db(db_path)
        assert db.execute("SELECT count(*) FROM _migrations").fetchone()[0] == len(MIGRATIONS)

    def test_default_path_from_environment(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        from intake import default_db_path

        monkeypatch.setenv("PRIVACY_BOT_DB", str(tmp_path / "x.db"))
        assert default_db_path() == tmp_path / "x.db"
        monkeypatch.delenv("PRIVACY_BOT_DB")
        assert default_db_path() == Path("privacy-bot.db")

    def test_callers_can_join_a_change_to_their_own_rows(
        self, store: CaseStore, desk: CaseDesk, new_case: Callable[..., Case]
    ) -> None:
        """The Slack layer writes its outbox row in the same transaction as the change; a failure undoes both."""
        case = new_case()
        store.db.conn.execute("CREATE TABLE callers_rows (id INTEGER PRIMARY KEY, note TEXT)")
        with pytest.raises(RuntimeError), transaction(store.db):
            desk.handle(case.id, Acknowledge(), actor=MANAGER, now=NOW)
            store.db.conn.execute("INSERT INTO callers_rows (id, note) VALUES (1, 'q')")
            raise RuntimeError("Slack layer failed")
        assert store.get(case.id, actor=MANAGER).status == "new"
        assert store.db.execute("SELECT count(*) FROM callers_rows").fetchone()[0] == 0


class TestCaseIds:
    """Ids are PRV-YYYY-NNNN, per year of receipt in Japan time, and never repeat."""

    def test_sequence_per_year(self, new_case: Callable[..., Case]) -> None:
        assert [new_case().id for _ in range(3)] == ["PRV-2026-0001", "PRV-2026-0002", "PRV-2026-0003"]
        new_year_in_tokyo = datetime(2027, 1, 1, 0, 30, tzinfo=JST)  # still 2026 in UTC
        assert new_case(now=new_year_in_tokyo, received_at="2027-01-01T00:30").id == "PRV-2027-0001"
        assert new_case().id == "PRV-2026-0004"

    def test_unique_across_processes(self, db_path: Path) -> None:
        open_db(db_path).close()
        ctx = multiprocessing.get_context("spawn")
        queue = ctx.Queue()
        workers = [ctx.Process(target=_write_cases, args=(str(db_path), 15, queue)) for _ in range(4)]
        for worker in workers:
            worker.start()
        ids = [case_id for _ in workers for case_id in queue.get(timeout=60)]
        for worker in workers:
            worker.join(timeout=60)
            assert worker.exitcode == 0
        assert len(ids) == len(set(ids)) == 60
        assert all(ID.match(case_id) for case_id in ids)
        assert sorted(ids) == [f"PRV-2026-{n:04d}" for n in range(1, 61)]
        db = open_db(db_path)
        assert db.execute("SELECT count(*) FROM audit WHERE action = 'created'").fetchone()[0] == 60


class TestCreate:
    """A logged case gets its type's deadline, urgency and the creator in its first audit row."""

    def test_fields(self, new_case: Callable[..., Case]) -> None:
        case = new_case(identity={"status": "verified", "method": "registered_email"},
                        agent={"kind": "appointed", "name": "弁理 花子", "evidence": "委任状"})
        assert case.status == "new" and not case.urgent
        assert case.requester.phone == "+81312345678"
        assert case.identity.verified_by == AGENT and case.identity.verified_at == NOW
        assert case.agent is not None and case.agent.evidence == "委任状"
        assert case.due_at.astimezone(JST) == datetime(2026, 5, 18, 18, tzinfo=JST)

    def test_urgent_by_type_and_by_text(self, new_case: Callable[..., Case]) -> None:
        assert new_case(type="leak_report").urgent
        assert new_case(type="complaint", description="対応次第では弁護士に相談して訴訟を検討します").urgent
        assert not new_case(type="complaint", description="営業電話がしつこくて迷惑です").urgent

    def test_sla_override_and_own_due_date(self, db_path: Path) -> None:
        config = Config(manager=MANAGER, sla_days={**Config().sla_days, "disclosure": 2})
        store = CaseStore(open_db(db_path), config=config)
        new = validate_new_case(intake_fields(), request_types=load_request_types(), config=config, now=NOW)
        assert store.create(new, actor=AGENT, now=NOW).due_at.astimezone(JST) == datetime(2026, 5, 1, 18, tzinfo=JST)
        own = validate_new_case(intake_fields(type="authority_request", due_at="2026-05-08"),
                                request_types=load_request_types(), config=config, now=NOW)
        assert store.create(own, actor=AGENT, now=NOW).due_at.astimezone(JST) == datetime(2026, 5, 8, 18, tzinfo=JST)


class TestReading:
    """The queue lists open cases soonest due first; filters narrow it; export gives everything."""

    @pytest.fixture
    def cases(self, desk: CaseDesk, new_case: Callable[..., Case]) -> list[Case]:
        made = [
            new_case(type="general"),
            new_case(type="deletion", received_at="2026-04-01T10:00"),
            new_case(type="leak_report"),
            new_case(type="general", received_at="2026-03-02T10:00"),
        ]
        desk.handle(made[3].id, Withdraw(), actor=MANAGER, now=NOW)
        return made

    def test_open_queue(self, store: CaseStore, cases: list[Case]) -> None:
        listed = store.list_cases(actor=SERVER_OPERATOR)
        assert [c.id for c in listed] == [cases[1].id, cases[2].id, cases[0].id]
        assert listed[0].history == ()

    def test_filters(self, store: CaseStore, cases: list[Case]) -> None:
        assert [c.id for c in store.list_cases(actor=MANAGER, type_id="general")] == [cases[0].id]
        assert [c.id for c in store.list_cases(actor=MANAGER, statuses=["withdrawn"])] == [cases[3].id]
        assert [c.id for c in store.list_cases(actor=MANAGER, overdue_at=NOW)] == [cases[1].id]
        assert len(store.list_cases(actor=MANAGER, statuses=["new", "withdrawn"], limit=2)) == 2

    def test_export(self, store: CaseStore, cases: list[Case]) -> None:
        exported = store.export(actor=SERVER_OPERATOR)
        assert [c.id for c in exported] == [cases[3].id, cases[1].id, cases[0].id, cases[2].id]
        assert [e.to_status for e in exported[0].history] == ["new", "withdrawn"]
        since = store.export(actor=MANAGER, received_since=datetime(2026, 4, 1, tzinfo=JST))
        assert [c.id for c in since] == [cases[1].id, cases[0].id, cases[2].id]
        assert all(len(c.history) == 1 for c in since)

    def test_later_reads_see_times_in_tokyo(self, store: CaseStore, cases: list[Case]) -> None:
        shown = store.get(cases[1].id, actor=MANAGER).to_json()
        assert shown["received_at"] == "2026-04-01T10:00:00+09:00"
        assert shown["history"][0]["actor"] == AGENT
        assert set(shown) >= {"id", "type", "status", "urgent", "received_at", "due_at", "requester", "channel",
                              "description", "assignee", "history"}
        assert NOW - cases[1].received_at > timedelta(days=14)
