"""Business-day arithmetic across Japanese holidays, and the deadlines and reminders built on it."""
from __future__ import annotations

from datetime import date, datetime, time

import pytest

from intake import JST, BusinessCalendar, BusinessHours, compute_due, deadline_status, reminder_schedule
from intake.calendar import DateRange, YearlyRange, parse_holiday

CAL = BusinessCalendar()


def jst(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=JST)


class TestBusinessDays:
    """Weekends, national holidays with their substitutes, and the company's year-end are not business days."""

    @pytest.mark.parametrize(
        "day",
        [
            date(2026, 4, 29),  # 昭和の日
            date(2026, 5, 4),
            date(2026, 5, 5),
            date(2026, 5, 6),  # 振替休日: 憲法記念日 fell on a Sunday
            date(2026, 9, 22),  # 国民の休日, sandwiched between two holidays
            date(2027, 3, 22),  # 振替休日 for 春分の日
            date(2027, 5, 3),
            date(2027, 5, 4),
            date(2027, 5, 5),
            date(2026, 12, 29),  # company year-end by default
            date(2027, 1, 1),
            date(2026, 12, 30),
            date(2026, 5, 9),  # Saturday
        ],
    )
    def test_not_business_days(self, day: date) -> None:
        assert not CAL.is_business_day(day)

    @pytest.mark.parametrize("day", [date(2026, 4, 30), date(2026, 5, 1), date(2026, 5, 7), date(2027, 1, 4),
                                     date(2026, 12, 28), date(2027, 4, 30), date(2027, 5, 6)])
    def test_business_days(self, day: date) -> None:
        assert CAL.is_business_day(day)

    def test_golden_week_2026(self) -> None:
        """Five business days from the Tuesday before Golden Week skip 4/29 and 5/2–5/6."""
        assert CAL.add_business_days(date(2026, 4, 28), 5) == date(2026, 5, 11)

    def test_golden_week_2027(self) -> None:
        """In 2027 Golden Week runs Saturday 5/1 to Wednesday 5/5 with 4/29 on a Thursday."""
        assert CAL.add_business_days(date(2027, 4, 28), 2) == date(2027, 5, 6)
        assert CAL.add_business_days(date(2027, 4, 28), 10) == date(2027, 5, 18)

    def test_new_year(self) -> None:
        """From 25 December 2026, 12/29–1/3 are company holidays and 1/4 2027 is a Monday."""
        assert CAL.add_business_days(date(2026, 12, 25), 1) == date(2026, 12, 28)
        assert CAL.add_business_days(date(2026, 12, 25), 2) == date(2027, 1, 4)

    def test_backwards_and_between(self) -> None:
        assert CAL.add_business_days(date(2026, 5, 7), -1) == date(2026, 5, 1)
        assert CAL.business_days_between(date(2026, 4, 28), date(2026, 5, 11)) == 5
        assert CAL.business_days_between(date(2026, 5, 11), date(2026, 4, 28)) == -5

    def test_without_company_holidays_year_end_is_ordinary(self) -> None:
        assert BusinessCalendar(company_holidays=()).is_business_day(date(2026, 12, 29))


class TestHolidayRules:
    """Company holidays are written as dates, yearly dates or ranges of either."""

    def test_forms(self) -> None:
        assert parse_holiday("12-29..01-03") == YearlyRange((12, 29), (1, 3))
        assert parse_holiday("2026-08-14") == DateRange(date(2026, 8, 14), date(2026, 8, 14))
        assert date(2026, 8, 15) in parse_holiday("2026-08-13..2026-08-16")
        assert date(2030, 1, 2) in parse_holiday("12-29..01-03")
        assert date(2030, 1, 4) not in parse_holiday("12-29..01-03")

    @pytest.mark.parametrize("bad", ["13-01", "2026-02-30", "2026-08-16..2026-08-13", "12-29..2027-01-03", "soon"])
    def test_bad_forms(self, bad: str) -> None:
        with pytest.raises(ValueError):
            parse_holiday(bad)


class TestDeadlines:
    """Due = close of business on the Nth business day after the request counts as received."""

    def test_due_inside_hours(self) -> None:
        due = compute_due(received_at=jst(2026, 4, 28, 15), business_days=10, calendar=CAL)
        assert due.astimezone(JST) == jst(2026, 5, 18, 18)

    def test_after_hours_counts_from_next_business_day(self) -> None:
        """Friday 19:00 before Golden Week counts as received on Thursday 7 May."""
        due = compute_due(received_at=jst(2026, 5, 1, 19), business_days=1, calendar=CAL)
        assert due.astimezone(JST) == jst(2026, 5, 8, 18)

    def test_received_on_new_years_day(self) -> None:
        due = compute_due(received_at=jst(2027, 1, 1, 11), business_days=5, calendar=CAL)
        assert due.astimezone(JST) == jst(2027, 1, 12, 18)  # 1/4 counts as day 0; 1/11 is 成人の日

    def test_custom_business_hours(self) -> None:
        cal = BusinessCalendar(hours=BusinessHours(time(9), time(17)))
        due = compute_due(received_at=jst(2026, 6, 1, 16, 59), business_days=1, calendar=cal)
        assert due.astimezone(JST) == jst(2026, 6, 2, 17)

    def test_naive_times_are_refused(self) -> None:
        with pytest.raises(ValueError):
            compute_due(received_at=datetime(2026, 6, 1, 10), business_days=1, calendar=CAL)


class TestReminders:
    """Reminders fall at opening time on business days: T-3, T-1 and once overdue."""

    def test_ladder_across_golden_week(self) -> None:
        reminders = reminder_schedule(received_at=jst(2026, 4, 28, 15), due_at=jst(2026, 5, 11, 18),
                                      ladder=(3, 1), calendar=CAL)
        assert [(r.key, r.at.astimezone(JST)) for r in reminders] == [
            ("T-3", jst(2026, 5, 1, 10)),
            ("T-1", jst(2026, 5, 8, 10)),
            ("overdue", jst(2026, 5, 12, 10)),
        ]

    def test_overdue_over_new_year(self) -> None:
        reminders = reminder_schedule(received_at=jst(2026, 12, 21, 10), due_at=jst(2026, 12, 28, 18),
                                      ladder=(3, 1), calendar=CAL)
        assert reminders[-1].at.astimezone(JST) == jst(2027, 1, 4, 10)
        for reminder in reminders:
            local = reminder.at.astimezone(JST)
            assert CAL.is_business_day(local.date()) and time(10) <= local.time() < time(18)

    def test_steps_before_receipt_are_skipped(self) -> None:
        reminders = reminder_schedule(received_at=jst(2026, 6, 1, 11), due_at=jst(2026, 6, 3, 18),
                                      ladder=(3, 1), calendar=CAL)
        assert [r.key for r in reminders] == ["T-1", "overdue"]


class TestDeadlineStatus:
    """The calendar flags count plain days: after 14 the requester may sue (Art. 39)."""

    def test_day_14_flag_over_golden_week(self) -> None:
        received, due = jst(2026, 4, 28, 15), jst(2026, 5, 18, 18)
        day13 = deadline_status(received_at=received, due_at=due, now=jst(2026, 5, 12, 14), calendar=CAL)
        assert not day13.calendar_flag_day14 and day13.calendar_alert_day10 and not day13.overdue
        day14 = deadline_status(received_at=received, due_at=due, now=jst(2026, 5, 12, 15), calendar=CAL)
        assert day14.calendar_flag_day14 and day14.calendar_days_open == 14
        assert day14.business_days_left == 4

    def test_overdue(self) -> None:
        status = deadline_status(received_at=jst(2026, 4, 28, 15), due_at=jst(2026, 5, 11, 18),
                                 now=jst(2026, 5, 12, 10), calendar=CAL)
        assert status.overdue and status.business_days_left == -1
