"""Due dates, reminder times and the Art. 39 two-week flag of a case, all computed from a given `now`.

The law says 遅滞なく; the company's SLA says N business days (appi.md §2). The due moment is the close of business
(JST) on the Nth business day after the day the request counts as received (the next business day when it came
in after hours or on a holiday). Reminders fall at opening time on business days, so nobody is pinged at 3 a.m.
or on a holiday. Nothing here reads the clock: callers pass `now`, which makes every rule testable.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from intake.calendar import JST, BusinessCalendar

__all__ = [
    "CALENDAR_ALERT_DAYS",
    "CALENDAR_FLAG_DAYS",
    "DeadlineStatus",
    "Reminder",
    "compute_due",
    "deadline_status",
    "reminder_schedule",
]

#: Art. 39: the requester may sue two weeks after the request arrived; appi.md suggests an alert on day 10 too.
CALENDAR_FLAG_DAYS = 14
CALENDAR_ALERT_DAYS = 10


def _aware(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("times must carry a time zone; naive datetimes are ambiguous")
    return moment


def compute_due(*, received_at: datetime, business_days: int, calendar: BusinessCalendar) -> datetime:
    """Close of business on the `business_days`-th business day after the day of receipt, in UTC."""
    start = calendar.working_day_of(_aware(received_at))
    return calendar.closing(calendar.add_business_days(start, business_days)).astimezone(UTC)


@dataclass(frozen=True)
class Reminder:
    """A nudge owed on a case: `key` is stable ("T-3", "T-1", "overdue") so a sender can record it once."""

    key: str
    at: datetime


def reminder_schedule(
    *, received_at: datetime, due_at: datetime, ladder: tuple[int, ...], calendar: BusinessCalendar
) -> list[Reminder]:
    """When to remind about a case: opening time N business days before the due day, and once overdue.

    Steps that would fall before the request arrived (a short SLA) are skipped. The overdue reminder is the first
    business-hours moment after the due time.
    """
    due_day = _aware(due_at).astimezone(JST).date()
    reminders = []
    for steps in sorted(set(ladder), reverse=True):
        at = calendar.opening(calendar.add_business_days(due_day, -steps))
        if at > _aware(received_at):
            reminders.append(Reminder(f"T-{steps}", at.astimezone(UTC)))
    overdue = calendar.next_open_moment(due_at + timedelta(seconds=1))
    reminders.append(Reminder("overdue", overdue.astimezone(UTC)))
    return reminders


@dataclass(frozen=True)
class DeadlineStatus:
    """Where a case stands against its clocks at a given moment."""

    overdue: bool
    business_days_left: int
    calendar_days_open: int
    calendar_alert_day10: bool
    calendar_flag_day14: bool


def deadline_status(
    *, received_at: datetime, due_at: datetime, now: datetime, calendar: BusinessCalendar
) -> DeadlineStatus:
    """Overdue or not, business days to the due day (negative once past), and the calendar-day alerts."""
    elapsed = _aware(now) - _aware(received_at)
    return DeadlineStatus(
        overdue=now > due_at,
        business_days_left=calendar.business_days_between(now.astimezone(JST).date(), due_at.astimezone(JST).date()),
        calendar_days_open=elapsed.days,
        calendar_alert_day10=elapsed >= timedelta(days=CALENDAR_ALERT_DAYS),
        calendar_flag_day14=elapsed >= timedelta(days=CALENDAR_FLAG_DAYS),
    )
