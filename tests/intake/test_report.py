"""The monthly figures (`intake.report`) of a generated month match the hand count in tests/intake/report_month.py."""
from __future__ import annotations

from dataclasses import astuple
from datetime import datetime

import pytest

from intake import JST, CaseDesk, Config
from intake.report import Month, MonthlyReport, monthly_report, nearest_rank, parse_month
from tests.intake.conftest import MANAGER
from tests.intake.report_month import EXPECTED, JUNE, generate_june


@pytest.fixture
def june(desk: CaseDesk, config: Config) -> MonthlyReport:
    generate_june(desk, actor=MANAGER)
    return monthly_report(desk.db, JUNE, calendar=config.calendar)


def test_counts_match_the_hand_count(june: MonthlyReport) -> None:
    assert june.received == EXPECTED["received"]
    assert june.by_type == EXPECTED["by_type"]
    assert june.by_channel == EXPECTED["by_channel"]
    assert june.closed_by_status == EXPECTED["closed_by_status"]
    assert june.overdue == EXPECTED["overdue"]
    assert june.extended == EXPECTED["extended"]
    assert june.refusals_by_ground == EXPECTED["refusals_by_ground"]
    assert june.urgent == EXPECTED["urgent"]
    assert june.open_at_end == EXPECTED["open_at_end"]


def test_times_match_the_hand_count(june: MonthlyReport) -> None:
    """Business days from the day a case counts as received (after hours: the next one); minutes for urgent."""
    assert astuple(june.acknowledge_days) == EXPECTED["acknowledge_days"]
    assert astuple(june.close_days) == EXPECTED["close_days"]
    assert astuple(june.urgent_acknowledge_minutes) == EXPECTED["urgent_acknowledge_minutes"]


def test_a_month_in_progress_counts_only_what_has_happened(desk: CaseDesk, config: Config) -> None:
    """Seen at 06-12 09:00 (what App Home shows mid-month): E (due 06-15 18:00) is not overdue yet, G was; C (closed
    at 15:00), D and E are the open ones."""
    generate_june(desk, actor=MANAGER)
    partial = monthly_report(desk.db, JUNE, calendar=config.calendar, now=datetime(2026, 6, 12, 9, tzinfo=JST))
    assert (partial.overdue, partial.open_at_end) == (1, 3)


def test_an_empty_month(desk: CaseDesk, config: Config) -> None:
    report = monthly_report(desk.db, Month(2026, 2), calendar=config.calendar)
    assert (report.received, report.acknowledge_days.median, report.close_days.p90) == (0, None, None)


def test_months_and_percentiles() -> None:
    assert parse_month("2026-12").next() == Month(2027, 1)
    assert parse_month("2026-01").previous() == Month(2025, 12)
    for bad in ("2026-13", "2026-00", "2026-1", "May", "2026/05"):
        with pytest.raises(ValueError):
            parse_month(bad)
    assert nearest_rank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90) == 9
    assert nearest_rank([7], 90) == 7
