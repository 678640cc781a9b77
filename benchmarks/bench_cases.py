"""Case store throughput and queue latency: cases/s with 1 and 8 writer processes, `cases list` at 100k cases.

Each writer process opens the database itself and logs cases through the real path (validation, id allocation
under BEGIN IMMEDIATE, the case row and its audit row in one transaction); afterwards every id is checked unique.
Then a database of 100k cases (2 % of them open, as in a store that has run for years) is filled in bulk and the
open queue, a filtered list and the overdue list are timed (medians).

Targets (issue 5): >= 500 cases/s with 8 writers; list < 200 ms at 100k cases.

Example: python benchmarks/bench_cases.py --cases 400 --list-cases 100000
"""
from __future__ import annotations

import argparse
import multiprocessing
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from intake import SERVER_OPERATOR, CaseStore, Config, load_request_types, open_db, validate_new_case
from intake.store import format_case_id

NOW = datetime(2026, 6, 1, 3, 0, tzinfo=UTC)
MANAGER = "U0123MANAGER"
INTAKE = {
    "type": "deletion",
    "channel": "email",
    "description": "退会したので、登録していた個人情報と通話録音を削除してください。",
    "requester": {"name": "山田太郎", "email": "taro@example.com", "phone": "03-1234-5678"},
}


def _writer(db_path: str, count: int, start: multiprocessing.synchronize.Event, out: multiprocessing.Queue) -> None:  # type: ignore[name-defined, type-arg]
    config = Config(manager=MANAGER)
    store = CaseStore(open_db(db_path), config=config)
    types = load_request_types()
    start.wait()
    ids = []
    for _ in range(count):
        new = validate_new_case(INTAKE, request_types=types, config=config, now=NOW)
        ids.append(store.create(new, actor="U0789AGENT", now=NOW).id)
    out.put(ids)


def bench_writers(processes: int, total: int, directory: Path) -> float:
    db_path = directory / f"writers-{processes}.db"
    open_db(db_path).close()
    ctx = multiprocessing.get_context("fork")
    start, out = ctx.Event(), ctx.Queue()
    workers = [ctx.Process(target=_writer, args=(str(db_path), total // processes, start, out))
               for _ in range(processes)]
    for worker in workers:
        worker.start()
    time.sleep(1.0)  # let every process import and open the database before the clock starts
    began = time.perf_counter()
    start.set()
    ids = [case_id for _ in workers for case_id in out.get(timeout=600)]
    elapsed = time.perf_counter() - began
    for worker in workers:
        worker.join()
    stored = open_db(db_path).execute("SELECT count(*), count(DISTINCT id) FROM cases").fetchone()
    assert len(ids) == len(set(ids)) == stored[0] == stored[1], "duplicate or missing case ids"
    return len(ids) / elapsed


def fill(db_path: Path, count: int) -> None:
    """Bulk-load `count` cases (2 % open, due dates spread over two years) without going case by case."""
    db = open_db(db_path)
    rng = random.Random(5)
    types = [t.id for t in load_request_types()]
    rows, audit = [], []
    for seq in range(1, count + 1):
        received = NOW - timedelta(minutes=rng.randrange(0, 2 * 365 * 24 * 60))
        status = rng.choice(["new", "acknowledged", "in_progress", "waiting_requester"]) if rng.random() < 0.02 \
            else rng.choice(["resolved", "refused", "transferred", "withdrawn"])
        case_id = format_case_id(2026, seq)
        stamp = received.isoformat(timespec="seconds")
        due = (received + timedelta(days=14)).isoformat(timespec="seconds")
        rows.append((case_id, rng.choice(types), status, 0, stamp, due, "email", "内容", "own_user", "山田太郎",
                     "taro@example.com", "+81312345678", "operator", stamp, stamp))
        audit.append((case_id, stamp, "operator", "created", None, "new", None, "{}"))
    with db.conn:
        db.conn.executemany(
            "INSERT INTO cases (id, type, status, urgent, received_at, due_at, channel, description, data_role, "
            "requester_name, requester_email, requester_phone, created_by, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        db.conn.executemany(
            "INSERT INTO audit (case_id, at, actor, action, from_status, to_status, note, details) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            audit,
        )
        db.conn.execute("INSERT INTO case_counters (year, last_seq) VALUES (2026, ?)", (count,))
    db.execute("ANALYZE")
    db.close()


def median_ms(action: object, runs: int) -> float:
    timings = []
    for _ in range(runs):
        began = time.perf_counter()
        action()  # type: ignore[operator]
        timings.append((time.perf_counter() - began) * 1000)
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=800, help="cases to create in each writer run")
    parser.add_argument("--list-cases", type=int, default=100_000, help="cases in the database for list timings")
    parser.add_argument("--runs", type=int, default=15, help="repetitions per list timing")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        for processes in (1, 8):
            rate = bench_writers(processes, args.cases, directory)
            print(f"create: {processes} writer process(es): {rate:,.0f} cases/s ({args.cases} cases, ids unique)")
        db_path = directory / "list.db"
        fill(db_path, args.list_cases)
        store = CaseStore(open_db(db_path), config=Config(manager=MANAGER))
        open_count = len(store.list_cases(actor=SERVER_OPERATOR))
        timings = {
            f"open queue ({open_count} cases)": lambda: store.list_cases(actor=SERVER_OPERATOR),
            "one type, open": lambda: store.list_cases(actor=SERVER_OPERATOR, type_id="disclosure"),
            "overdue": lambda: store.list_cases(actor=SERVER_OPERATOR, overdue_at=NOW),
            "all statuses, first 100": lambda: store.list_cases(actor=SERVER_OPERATOR, statuses=[
                "new", "acknowledged", "in_progress", "waiting_requester", "resolved", "refused", "transferred",
                "withdrawn"], limit=100),
        }
        for name, action in timings.items():
            print(f"list at {args.list_cases:,} cases, {name}: median {median_ms(action, args.runs):.1f} ms")
        command = [sys.executable, "-m", "privacy_bot", "cases", "list"]
        env = {"PRIVACY_BOT_DB": str(db_path), "PATH": "/usr/bin:/bin"}
        whole = median_ms(lambda: subprocess.run(command, env=env, capture_output=True, check=True), 5)
        print(f"`privacy-bot cases list` at {args.list_cases:,} cases, whole process incl. start-up: median {whole:.0f} ms")


if __name__ == "__main__":
    main()
