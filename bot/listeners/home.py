"""App Home: the team sees the open queue (overdue first, undeliverable messages on top); everyone else the guide."""
from __future__ import annotations

import logging
from typing import Any

from intake import Outbox
from intake.report import Month, monthly_report
from slack_sdk import WebClient

from bot.payloads import field
from bot.services import Services
from bot.views.home import guide_home, queue_home
from bot.views.report import home_month_blocks

__all__ = ["publish_home"]

log = logging.getLogger(__name__)


def publish_home(event: dict[str, Any], client: WebClient, services: Services) -> None:
    if field(event, "tab") not in ("", "home"):
        return  # the Messages tab: nothing to publish
    user_id = field(event, "user")
    privileged = services.config.is_privileged(user_id)
    cases = services.store().list_cases(actor=user_id) if privileged else []
    failed = Outbox(services.db.get()).failed() if privileged else []
    view = (queue_home(cases, now=services.clock(), request_types=services.request_types, failed=failed)
            if privileged else guide_home())
    if privileged:  # this month's figures under the header (a self-contained section: bot/views/report.py)
        view["blocks"][1:1] = home_month_blocks(monthly_report(
            services.db.get(), Month.of(services.clock()), calendar=services.config.calendar, now=services.clock()))
    client.views_publish(user_id=user_id, view=view)
    log.info("home published user=%s queue=%s", user_id, len(cases) if privileged else "guide")
