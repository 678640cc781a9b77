"""App Home: the team works from a queue with filters (undeliverable messages on top, then the open knowledge gaps with
an Answer button each, then this month's figures); everyone else sees the guide.

Opening the tab publishes the queue with the filter the reader chose last (it rides in the view's metadata);
choosing another filter publishes the view again, for that reader only.
"""
from __future__ import annotations

import logging
from datetime import datetime, time
from typing import Any

from intake import CLOSED_STATUSES, JST, Case, Outbox, Status
from intake.report import Month, monthly_report
from slack_bolt import Ack
from slack_sdk import WebClient

from bot.payloads import field
from bot.services import Services
from bot.views.gaps import home_gap_blocks
from bot.views.home import HomeFilter, guide_home, queue_home
from bot.views.report import home_month_blocks

__all__ = ["choose_filter", "pick_cases", "publish_home"]

log = logging.getLogger(__name__)


def publish_home(event: dict[str, Any], client: WebClient, services: Services) -> None:
    if field(event, "tab") not in ("", "home"):
        return  # the Messages tab: nothing to publish
    view = event.get("view")
    metadata = view.get("private_metadata") if isinstance(view, dict) else None
    _publish(field(event, "user"), HomeFilter.parse(metadata), client, services)


def choose_filter(ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient,
                  services: Services) -> None:
    """The filter select at the top of the queue: publish the queue again with the chosen filter."""
    ack()
    option = action.get("selected_option")
    _publish(field(body, "user", "id"), HomeFilter.parse(option.get("value") if isinstance(option, dict) else None),
             client, services)


def pick_cases(services: Services, *, user_id: str, choice: HomeFilter, now: datetime) -> list[Case]:
    """The cases `choice` shows to `user_id` (a member of the team).

    "Mine" is what the reader is assigned; for the manager also what nobody is, since unassigned cases are the
    manager's (reminders go to them). "Closed this month" counts from the 1st, 00:00 in Japan.
    """
    store = services.store()
    if choice is HomeFilter.CLOSED_THIS_MONTH:
        first = datetime.combine(now.astimezone(JST).date().replace(day=1), time(), tzinfo=JST)
        closed = store.list_cases(actor=user_id, statuses=CLOSED_STATUSES, closed_since=first)
        return sorted(closed, key=lambda case: case.updated_at or case.due_at, reverse=True)  # latest first
    open_cases = store.list_cases(actor=user_id)
    match choice:
        case HomeFilter.MINE:
            manager = services.config.manager
            return [case for case in open_cases
                    if case.assignee == user_id or (case.assignee is None and user_id == manager)]
        case HomeFilter.OVERDUE:
            return [case for case in open_cases if case.due_at < now]
        case HomeFilter.WAITING:
            return [case for case in open_cases if case.status == Status.WAITING_REQUESTER]
    return open_cases


def _publish(user_id: str, choice: HomeFilter, client: WebClient, services: Services) -> None:
    if not services.config.is_privileged(user_id):
        client.views_publish(user_id=user_id, view=guide_home())
        log.info("home published user=%s queue=guide", user_id)
        return
    now = services.clock()
    cases = pick_cases(services, user_id=user_id, choice=choice, now=now)
    failed = Outbox(services.db.get()).failed()
    figures = monthly_report(services.db.get(), Month.of(now), calendar=services.config.calendar, now=now)
    client.views_publish(user_id=user_id, view=queue_home(
        cases, now=now, request_types=services.request_types, calendar=services.config.calendar, choice=choice,
        failed=failed, summary=[*home_gap_blocks(services.gaps.store().gaps(status="open")),
                                *home_month_blocks(figures)]))
    log.info("home published user=%s queue=%s filter=%s", user_id, len(cases), choice.value)
