"""`privacy-bot report` and `privacy-bot cases purge` as a person runs them: subprocesses on a real database file
holding the hand-counted June of tests/intake/report_month.py."""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from intake import CaseDesk, Config, open_db
from tests.intake.report_month import PERSONAL_VALUES, generate_june

MANAGER = "U0123MANAGER"


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    config = tmp_path / "privacy-bot.yaml"
    config.write_text(f"manager: {MANAGER}\n", encoding="utf-8")
    db = open_db(tmp_path / "cases.db")
    generate_june(CaseDesk(db, config=Config(manager=MANAGER)), actor=MANAGER)
    db.conn.close()
    return {**os.environ, "PRIVACY_BOT_DB": str(tmp_path / "cases.db"), "PRIVACY_BOT_CONFIG": str(config)}


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "privacy_bot", *args], capture_output=True, text=True,
                          encoding="utf-8", env=env, timeout=120)


def test_report_writes_the_csv_and_the_chart(env: dict[str, str], tmp_path: Path) -> None:
    done = run(env, "report", "--month", "2026-06", "--out", str(tmp_path / "out"))
    assert done.returncode == 0, done.stderr
    raw = (tmp_path / "out" / "privacy-report-2026-06.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = {(row["figure"], row["item"]): row["value"] for row in csv.DictReader(io.StringIO(raw.decode("utf-8-sig")))}
    assert rows[("received", "total")] == "7" and rows[("received_by_type", "disclosure")] == "2"
    assert rows[("time_to_close", "median_business_days")] == "5" and rows[("time_to_close", "p90_business_days")] == "7"
    assert rows[("overdue", "total")] == "2" and rows[("refusals_by_ground", "other_law")] == "1"
    assert rows[("urgent_time_to_first_acknowledgement", "median_minutes")] == "112.5"
    png = (tmp_path / "out" / "privacy-report-2026-06.png").read_bytes()
    assert png.startswith(b"\x89PNG") and len(png) > 20_000
    assert "findfont" not in done.stderr and "missing from font" not in done.stderr  # every glyph was found


@pytest.mark.parametrize("month", ["2026-13", "June", "2026-6"])
def test_report_refuses_a_bad_month(env: dict[str, str], tmp_path: Path, month: str) -> None:
    done = run(env, "report", "--month", month, "--out", str(tmp_path / "out"))
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1 and "2026-05" in done.stderr


def test_purge_dry_run_then_purge(env: dict[str, str], tmp_path: Path) -> None:
    dry = run(env, "cases", "purge", "--closed-before", "2026-06-12", "--actor", MANAGER, "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "削除予定 (would erase): 案件 (cases) 3" in dry.stdout
    listed = json.loads(run(env, "cases", "purge", "--closed-before", "2026-06-12", "--actor", MANAGER, "--dry-run",
                            "--json").stdout)
    assert listed["dry_run"] is True and len(listed["cases"]) == 3 and listed["cases"][0].startswith("PRV-2026-")
    assert PERSONAL_VALUES["A"]["email"].encode() in Path(env["PRIVACY_BOT_DB"]).read_bytes()
    done = run(env, "cases", "purge", "--closed-before", "2026-06-12", "--actor", MANAGER)
    assert done.returncode == 0 and "削除 (erased): 案件 (cases) 3" in done.stdout
    data = Path(env["PRIVACY_BOT_DB"]).read_bytes()
    assert all(PERSONAL_VALUES[letter]["email"].encode() not in data for letter in "GAB")
    shown = run(env, "cases", "show", "PRV-2026-0002", "--json")
    assert '"action": "purged"' in shown.stdout and PERSONAL_VALUES["A"]["name"] not in shown.stdout
    report = run(env, "report", "--month", "2026-06", "--out", str(tmp_path / "out"))
    assert "受付 (received) 7" in report.stdout  # purged cases still count


@pytest.mark.parametrize(("args", "words"), [
    (("--closed-before", "2026-06-12", "--actor", "U0STRANGER"), "not authorised"),
    (("--closed-before", "yesterday", "--actor", MANAGER), "is not a date"),
    (("--closed-before", "2099-01-01", "--actor", MANAGER), "future"),
])
def test_purge_refusals(env: dict[str, str], args: tuple[str, ...], words: str) -> None:
    done = run(env, "cases", "purge", *args)
    assert done.returncode == 2 and words in done.stderr and len(done.stderr.strip().splitlines()) == 1
