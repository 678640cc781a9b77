"""A month's figures for the privacy office: what came in, how fast it was acknowledged and closed, what ran late.

Computed from the columns a purge keeps (type, channel, urgency, dates, status, outcome, refusal ground) and the
append-only audit, never from personal data, so erased cases still count and the figures can go to a DM or a CSV.
Every moment is read in Japan time; "the month" is [the 1st 00:00 JST, the next 1st 00:00 JST).

Definitions (the README repeats them for the reader of the CSV):

- *received*: cases received in the month, by type and by channel; *urgent*: those of them marked urgent.
- *time to acknowledge*: for each case first acknowledged in the month, business days from the day it counts as
  received (`BusinessCalendar.working_day_of`: after hours counts from the next business day) to the day of the
  acknowledgement; 0 means the same business day.
- *time to close*: the same, to the day the case reached a closed status, for each case closed in the month.
- *urgent time to first acknowledgement*: clock minutes (not business time: a leak does not wait for Monday) from
  receipt to the first acknowledgement, for the urgent cases received in the month that have one.
- *overdue*: cases that were open and past their due time at some moment of the month.
- *extended*: cases whose due date was extended in the month; *refusals*: cases refused in the month, by ground.

Medians are the middle value (the mean of the two middle ones for an even count); the 90th percentile is the
nearest rank (the smallest value with at least 90 % of the values at or below it), so every figure is one a
person can count by hand from the list. Nothing here reads the clock.
"""
from __future__ import annotations

import math
import re
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from intake.audit import utc_text
from intake.calendar import JST, BusinessCalendar
from intake.lifecycle import CLOSED_STATUSES, Status

if TYPE_CHECKING:  # sqlite_utils loads numpy when present: imported where a database is opened
    import sqlite_utils

__all__ = ["Month", "MonthlyReport", "Spread", "monthly_report", "nearest_rank", "parse_month"]

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True, order=True)
class Month:
    """A calendar month in Japan time."""

    year: int
    month: int

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def start(self) -> datetime:
        return datetime(self.year, self.month, 1, tzinfo=JST)

    @property
    def end(self) -> datetime:
        """The first moment after the month."""
        return self.next().start

    def next(self) -> Month:
        return Month(self.year + self.month // 12, self.month % 12 + 1)

    def previous(self) -> Month:
        return Month(self.year - (self.month == 1), (self.month - 2) % 12 + 1)

    @classmethod
    def of(cls, moment: datetime) -> Month:
        local = moment.astimezone(JST)
        return cls(local.year, local.month)

    def first_business_day(self, calendar: BusinessCalendar) -> date:
        day = self.start.date()
        return day if calendar.is_business_day(day) else calendar.next_business_day(day)


def parse_month(text: str) -> Month:
    """`YYYY-MM` → Month; ValueError for anything else (13, 00, a missing zero)."""
    match = _MONTH.match(text.strip())
    if not match or not 1 <= int(match.group(2)) <= 12 or int(match.group(1)) < 2000:
        raise ValueError(text)
    return Month(int(match.group(1)), int(match.group(2)))


def nearest_rank(values: Sequence[float], percent: float) -> float:
    """The nearest-rank percentile of a non-empty list."""
    ordered = sorted(values)
    return ordered[max(1, math.ceil(percent / 100 * len(ordered))) - 1]


@dataclass(frozen=True)
class Spread:
    """How many values, their median and 90th percentile (None without values)."""

    count: int
    median: float | None
    p90: float | None

    @classmethod
    def of(cls, values: Sequence[float]) -> Spread:
        if not values:
            return cls(0, None, None)
        return cls(len(values), float(statistics.median(values)), float(nearest_rank(values, 90)))


@dataclass(frozen=True)
class MonthlyReport:
    month: Month
    received: int
    by_type: dict[str, int]
    by_channel: dict[str, int]
    acknowledge_days: Spread
    close_days: Spread
    closed_by_status: dict[str, int]
    overdue: int
    extended: int
    refusals_by_ground: dict[str, int]
    urgent: int
    urgent_acknowledge_minutes: Spread
    purged: int = 0
    #: Cases still open when the month ended (or now, for the month in progress).
    open_at_end: int = 0


@dataclass(frozen=True)
class _Row:
    """What the report reads of a case: no personal data."""

    id: str
    type: str
    channel: str
    urgent: bool
    status: str
    received_at: datetime
    due_at: datetime
    refusal_ground: str | None
    purged: bool
    acknowledged_at: datetime | None
    closed_at: datetime | None
    extended_at: tuple[datetime, ...]


def _rows(db: sqlite_utils.Database, *, before: datetime) -> list[_Row]:
    """Every case received before `before`, with the moments its audit records."""
    has_purged = "purged_at" in {column.name for column in db["cases"].columns}
    purged = "purged_at IS NOT NULL" if has_purged else "0"
    cases = db.conn.execute(
        f"SELECT id, type, channel, urgent, status, received_at, due_at, refusal_ground, {purged} FROM cases "
        "WHERE received_at < ?", (utc_text(before),)).fetchall()
    acknowledged: dict[str, datetime] = {}
    closed: dict[str, datetime] = {}
    extended: dict[str, list[datetime]] = {}
    closed_names = sorted(CLOSED_STATUSES)
    for case_id, at, action, to_status in db.conn.execute(
            "SELECT case_id, at, action, to_status FROM audit WHERE action IN ('transition', 'extended') ORDER BY id"):
        moment = datetime.fromisoformat(at)
        if action == "extended":
            extended.setdefault(case_id, []).append(moment)
        elif to_status == Status.ACKNOWLEDGED and case_id not in acknowledged:
            acknowledged[case_id] = moment
        elif to_status in closed_names and case_id not in closed:
            closed[case_id] = moment
    return [
        _Row(id=case_id, type=type_id, channel=channel, urgent=bool(urgent), status=status,
             received_at=datetime.fromisoformat(received), due_at=datetime.fromisoformat(due),
             refusal_ground=ground, purged=bool(was_purged), acknowledged_at=acknowledged.get(case_id),
             closed_at=closed.get(case_id), extended_at=tuple(extended.get(case_id, ())))
        for case_id, type_id, channel, urgent, status, received, due, ground, was_purged in cases
    ]


def _business_days(calendar: BusinessCalendar, start: datetime, end: datetime) -> int:
    return max(0, calendar.business_days_between(calendar.working_day_of(start), end.astimezone(JST).date()))


def monthly_report(db: sqlite_utils.Database, month: Month, *, calendar: BusinessCalendar,
                   now: datetime | None = None) -> MonthlyReport:
    """The figures of `month` (see the module's definitions). `now` cuts a month in progress short: what has
    not happened yet is not counted as open or overdue."""
    start, end = month.start, month.end
    horizon = min(end, now) if now is not None else end

    def inside(moment: datetime | None) -> bool:
        return moment is not None and start <= moment < end

    rows = _rows(db, before=end)
    received = [row for row in rows if inside(row.received_at)]
    acknowledged = [row for row in rows if inside(row.acknowledged_at)]
    closed = [row for row in rows if inside(row.closed_at)]
    urgent = [row for row in received if row.urgent]

    def overdue(row: _Row) -> bool:
        # Open and past due at some moment t of the month: max(start, due, received) < min(horizon, closed).
        until = min(horizon, row.closed_at) if row.closed_at is not None else horizon
        return max(start, row.due_at, row.received_at) < until

    return MonthlyReport(
        month=month,
        received=len(received),
        by_type=dict(Counter(row.type for row in received).most_common()),
        by_channel=dict(Counter(row.channel for row in received).most_common()),
        acknowledge_days=Spread.of([_business_days(calendar, row.received_at, row.acknowledged_at)
                                    for row in acknowledged if row.acknowledged_at is not None]),
        close_days=Spread.of([_business_days(calendar, row.received_at, row.closed_at)
                              for row in closed if row.closed_at is not None]),
        closed_by_status=dict(Counter(row.status for row in closed).most_common()),
        overdue=sum(1 for row in rows if overdue(row)),
        extended=sum(1 for row in rows if any(inside(moment) for moment in row.extended_at)),
        refusals_by_ground=dict(Counter(row.refusal_ground or "" for row in closed
                                        if row.status == Status.REFUSED).most_common()),
        urgent=len(urgent),
        urgent_acknowledge_minutes=Spread.of([
            round((row.acknowledged_at - row.received_at).total_seconds() / 60)
            for row in urgent if row.acknowledged_at is not None]),
        purged=sum(1 for row in received if row.purged),
        open_at_end=sum(1 for row in rows if row.received_at < horizon
                        and (row.closed_at is None or row.closed_at >= horizon)),
    )
