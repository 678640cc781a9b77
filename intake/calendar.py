"""Japanese business days and business hours, the unit of every internal SLA (appi.md §2).

A business day is Monday to Friday, minus 国民の祝日 (national holidays including 振替休日 and 国民の休日, from the
maintained `jpholiday` package rather than a table that goes stale) and the company's own holidays such as
年末年始. Business hours default to the support desk's published 平日10:00~18:00. All wall-clock reasoning is in
Asia/Tokyo whatever the server's zone.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import jpholiday

__all__ = [
    "DEFAULT_COMPANY_HOLIDAYS",
    "JST",
    "BusinessCalendar",
    "BusinessHours",
    "DateRange",
    "YearlyRange",
    "parse_holiday",
]

JST = ZoneInfo("Asia/Tokyo")


@dataclass(frozen=True)
class BusinessHours:
    """Opening and closing time (JST); reminders are only sent inside them."""

    start: time = time(10, 0)
    end: time = time(18, 0)


@dataclass(frozen=True)
class YearlyRange:
    """A company holiday recurring every year, inclusive, possibly wrapping New Year (12-29..01-03)."""

    start: tuple[int, int]
    end: tuple[int, int]

    def __contains__(self, day: date) -> bool:
        key = (day.month, day.day)
        if self.start <= self.end:
            return self.start <= key <= self.end
        return key >= self.start or key <= self.end


@dataclass(frozen=True)
class DateRange:
    """A one-off company holiday (a single date or an inclusive span of dates)."""

    start: date
    end: date

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end


HolidayRule = YearlyRange | DateRange

DEFAULT_COMPANY_HOLIDAYS: tuple[HolidayRule, ...] = (YearlyRange((12, 29), (1, 3)),)


def _parse_point(text: str) -> date | tuple[int, int]:
    parts = text.strip().split("-")
    if len(parts) == 3:
        return date(int(parts[0]), int(parts[1]), int(parts[2]))
    if len(parts) == 2:
        month, day = int(parts[0]), int(parts[1])
        date(2024, month, day)  # a leap year, so 02-29 is accepted and nonsense like 13-01 is not
        return (month, day)
    raise ValueError(text)


def parse_holiday(value: str | date) -> HolidayRule:
    """Read `YYYY-MM-DD`, `MM-DD` (every year), or a range of either joined by `..`.

    Raises ValueError on anything else, including impossible dates and ranges mixing the two forms.
    """
    if isinstance(value, date):
        return DateRange(value, value)
    first, sep, last = value.partition("..")
    start = _parse_point(first)
    end = _parse_point(last) if sep else start
    if isinstance(start, date) and isinstance(end, date):
        if end < start:
            raise ValueError(value)
        return DateRange(start, end)
    if isinstance(start, tuple) and isinstance(end, tuple):
        return YearlyRange(start, end)
    raise ValueError(value)


@functools.lru_cache(maxsize=4096)
def _is_national_holiday(day: date) -> bool:
    return bool(jpholiday.is_holiday(day))


@dataclass(frozen=True)
class BusinessCalendar:
    """Business-day arithmetic for one set of company holidays and business hours."""

    company_holidays: tuple[HolidayRule, ...] = DEFAULT_COMPANY_HOLIDAYS
    hours: BusinessHours = field(default_factory=BusinessHours)

    def is_business_day(self, day: date) -> bool:
        if day.weekday() >= 5 or _is_national_holiday(day):
            return False
        return not any(day in rule for rule in self.company_holidays)

    def next_business_day(self, day: date) -> date:
        """The first business day strictly after `day`."""
        day += timedelta(days=1)
        while not self.is_business_day(day):
            day += timedelta(days=1)
        return day

    def previous_business_day(self, day: date) -> date:
        """The last business day strictly before `day`."""
        day -= timedelta(days=1)
        while not self.is_business_day(day):
            day -= timedelta(days=1)
        return day

    def add_business_days(self, day: date, count: int) -> date:
        """The business day `count` business days after `day` (before it when negative)."""
        step = self.next_business_day if count >= 0 else self.previous_business_day
        for _ in range(abs(count)):
            day = step(day)
        return day

    def business_days_between(self, start: date, end: date) -> int:
        """Business days in (start, end]; negative when end is before start."""
        if end < start:
            return -self.business_days_between(end, start)
        return sum(1 for offset in range(1, (end - start).days + 1) if self.is_business_day(start + timedelta(offset)))

    def opening(self, day: date) -> datetime:
        return datetime.combine(day, self.hours.start, tzinfo=JST)

    def closing(self, day: date) -> datetime:
        return datetime.combine(day, self.hours.end, tzinfo=JST)

    def working_day_of(self, moment: datetime) -> date:
        """The business day a moment counts towards: the same day inside or before hours, else the next one.

        A request that arrives on Saturday or at 19:00 is treated as arriving when the desk next opens, so its
        clock does not lose a business day the team never had.
        """
        local = moment.astimezone(JST)
        day = local.date()
        if self.is_business_day(day) and local.timetz().replace(tzinfo=None) < self.hours.end:
            return day
        return self.next_business_day(day)

    def next_open_moment(self, moment: datetime) -> datetime:
        """`moment` itself when inside business hours, else the next opening time."""
        local = moment.astimezone(JST)
        day = local.date()
        if self.is_business_day(day):
            if local < self.opening(day):
                return self.opening(day)
            if local < self.closing(day):
                return local
        return self.opening(self.next_business_day(day))
