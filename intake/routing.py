"""Who must hear about a case, and when: the messages the core owes, written to the outbox.

Routing (design.md): every new case goes to the manager as a case card (a DM with the details and buttons);
an urgent one (by type, by its text, or flagged) also to the deputy, and to the escalation channel with its id,
type and due date only. The agent who logged it gets a confirmation. When the case changes, every card of it is
edited in place. Scheduled nudges come from `tick(now)`, run every minute by the server:

- reminders T-N business days before the due date and once overdue (`intake.deadlines.reminder_schedule`), to the
  assignee or else the manager, in business hours only;
- an urgent case still `new` after `escalation_ack_minutes` of business time: a second card to the manager, the
  deputy and the privacy team;
- a daily digest of the open queue to the manager, from opening time on business days;
- the previous month's report (`intake.report`: counts and times only) to the manager, from opening time on the
  first business day of the month.

Each nudge is recorded in `schedule_log` under a stable key in the same transaction as its outbox row, so it is
owed exactly once however often `tick` runs and whatever restarts happen in between. Nothing reads the clock.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from intake.calendar import JST, BusinessCalendar
from intake.case import Case
from intake.config import Config
from intake.db import transaction
from intake.deadlines import reminder_schedule
from intake.lifecycle import SERVER_OPERATOR, Status
from intake.outbox import Outbox, stamp
from intake.report import Month
from intake.store import CaseStore

if TYPE_CHECKING:  # sqlite_utils loads numpy when present: imported where a database is opened
    import sqlite_utils

__all__ = ["Kind", "Router", "business_minutes_between"]


class Kind(StrEnum):
    """What an outbox row is; the Slack layer has one renderer per kind."""

    CASE_CARD = "case_card"  # DM with details and buttons (manager, deputy, assignee, team on re-ping)
    CARD_UPDATE = "card_update"  # chat.update of a sent card, after any change to its case
    CONFIRMATION = "intake_confirmation"  # DM to the agent who logged the case: id and due date
    ESCALATION_POST = "escalation_post"  # escalation channel: id, type, due date only
    REMINDER = "reminder"  # T-N / overdue, to the assignee or the manager
    DIGEST = "digest"  # the manager's daily list of open cases
    MONTHLY_REPORT = "monthly_report"  # the manager's figures of the month before (counts only; data: month)


def business_minutes_between(start: datetime, end: datetime, calendar: BusinessCalendar) -> float:
    """Minutes of business time in [start, end): what an "acknowledge within an hour" clock counts."""
    total = 0.0
    day: date = start.astimezone(JST).date()
    last = end.astimezone(JST).date()
    while day <= last:
        if calendar.is_business_day(day):
            opened = max(start, calendar.opening(day))
            closed = min(end, calendar.closing(day))
            if closed > opened:
                total += (closed - opened).total_seconds() / 60
        day += timedelta(days=1)
    return total


class Router:
    """Writes the outbox rows owed for cases; every method joins the caller's transaction."""

    def __init__(self, db: sqlite_utils.Database, *, config: Config) -> None:
        self.db = db
        self.config = config
        self.outbox = Outbox(db)

    # -- on changes -----------------------------------------------------------------------------------------

    def case_created(self, case: Case, *, agent: str | None, now: datetime) -> None:
        """The manager's card (plus the deputy's and the channel post when urgent) and the agent's confirmation.

        `agent` is None when nobody in Slack logged it (the command line's operator): no confirmation then.
        """
        with transaction(self.db):
            recipients = [self.config.manager]
            if case.urgent:
                recipients.append(self.config.deputy)
            recipients.append(case.assignee)
            for user in _unique(recipients):
                self.outbox.add(kind=Kind.CASE_CARD, recipient=user, case_id=case.id, now=now)
            if case.urgent and self.config.escalation_channel:
                self.outbox.add(kind=Kind.ESCALATION_POST, recipient=self.config.escalation_channel,
                                case_id=case.id, now=now)
            if agent:
                self.outbox.add(kind=Kind.CONFIRMATION, recipient=agent, case_id=case.id, now=now)

    def case_changed(self, case: Case, *, now: datetime) -> None:
        """Edit every card of the case in place; a new assignee without a card gets one."""
        with transaction(self.db):
            cards = self.outbox.rows_for_case(case.id, kind=Kind.CASE_CARD)
            for card in cards:
                self.outbox.add(kind=Kind.CARD_UPDATE, recipient=card.recipient, case_id=case.id,
                                update_of=card.id, now=now)
            if case.assignee and case.assignee not in {card.recipient for card in cards}:
                self.outbox.add(kind=Kind.CASE_CARD, recipient=case.assignee, case_id=case.id, now=now)

    # -- on the clock ---------------------------------------------------------------------------------------

    def tick(self, *, now: datetime) -> int:
        """Owe whatever reminders, escalation re-pings and digest have fallen due by `now`; returns rows added."""
        calendar = self.config.calendar
        if calendar.next_open_moment(now) != now:
            return 0  # outside business hours: nobody is nudged at night, on weekends or on holidays
        added = 0
        with transaction(self.db):
            cases = CaseStore(self.db, config=self.config).list_cases(actor=SERVER_OPERATOR)
            for case in cases:
                added += self._reminder(case, now=now, calendar=calendar)
                added += self._escalation(case, now=now, calendar=calendar)
            added += self._digest(cases, now=now, calendar=calendar)
            added += self._monthly_report(now=now, calendar=calendar)
        return added

    def _reminder(self, case: Case, *, now: datetime, calendar: BusinessCalendar) -> int:
        """The latest reminder due; earlier ones missed while the server was down are recorded, not sent late."""
        recipient = case.assignee or self.config.manager
        if recipient is None:
            return 0
        schedule = reminder_schedule(received_at=case.received_at, due_at=case.due_at,
                                     ladder=self.config.reminder_ladder, calendar=calendar)
        due = [reminder for reminder in schedule if reminder.at <= now]
        # Keyed by the due date too: an extension re-arms the ladder for the new date.
        owed = [self._once(f"reminder:{case.id}:{r.key}:{stamp(case.due_at)}", case.id, now) for r in due]
        if not owed or not owed[-1]:
            return 0
        self.outbox.add(kind=Kind.REMINDER, recipient=recipient, case_id=case.id, now=now,
                        data={"key": due[-1].key})
        return 1

    def _escalation(self, case: Case, *, now: datetime, calendar: BusinessCalendar) -> int:
        if not case.urgent or case.status != Status.NEW or case.created_at is None:
            return 0
        waited = business_minutes_between(case.created_at, now, calendar)
        if waited < self.config.escalation_ack_minutes or not self._once(f"escalation:{case.id}", case.id, now):
            return 0
        recipients = _unique([self.config.manager, self.config.deputy, *self.config.privacy_team])
        for user in recipients:
            self.outbox.add(kind=Kind.CASE_CARD, recipient=user, case_id=case.id, now=now, data={"repeat": True})
        return len(recipients)

    def _digest(self, cases: list[Case], *, now: datetime, calendar: BusinessCalendar) -> int:
        today = now.astimezone(JST).date()
        if not cases or self.config.manager is None or not calendar.is_business_day(today):
            return 0
        if not self._once(f"digest:{today.isoformat()}", None, now):
            return 0
        self.outbox.add(kind=Kind.DIGEST, recipient=self.config.manager, now=now, data={"date": today.isoformat()})
        return 1

    def _monthly_report(self, *, now: datetime, calendar: BusinessCalendar) -> int:
        """Once per month (`schedule_log` key `report:YYYY-MM` of the month reported), on the first business day: a
        server first started later in the month does not send a stale report (`privacy-bot report` makes one)."""
        month = Month.of(now)
        if self.config.manager is None or now.astimezone(JST).date() != month.first_business_day(calendar):
            return 0
        reported = month.previous()
        if not self._once(f"report:{reported}", None, now):
            return 0
        self.outbox.add(kind=Kind.MONTHLY_REPORT, recipient=self.config.manager, now=now,
                        data={"month": str(reported)})
        return 1

    def _once(self, key: str, case_id: str | None, now: datetime) -> bool:
        """Record `key`; False when it was recorded before (the nudge is already owed or sent)."""
        return self.db.conn.execute(
            "INSERT OR IGNORE INTO schedule_log (key, case_id, at) VALUES (?, ?, ?)", (key, case_id, stamp(now))
        ).rowcount == 1


def _unique(users: list[str | None]) -> list[str]:
    seen: list[str] = []
    for user in users:
        if user and user not in seen:
            seen.append(user)
    return seen
