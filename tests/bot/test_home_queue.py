"""App Home as a queue to work from, over the real HTTP endpoint: each filter shows the right cases in the right
order (urgent and overdue first, then by due date), rows name the assignee and how long a case has waited, the
choice re-publishes the view for its reader and is kept when the tab is opened again, and 100 blocks are never
exceeded."""
from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest
from intake import (
    JST,
    Acknowledge,
    Assign,
    CaseDesk,
    Resolve,
    StartWork,
    WaitForRequester,
    load_request_types,
    validate_new_case,
)

from bot.views.home import BLOCKS_PER_CASE
from tests.bot.conftest import DEPUTY, MANAGER, STRANGER, TEAM_MEMBER, RunningBot

#: The bot's clock: Monday 25 May 2026, 10:00 in Tokyo.
NOW = datetime(2026, 5, 25, 10, 0, tzinfo=JST)


def day(month: int, date: int, hour: int = 11) -> datetime:
    return datetime(2026, month, date, hour, 0, tzinfo=JST)


def new_case(desk: CaseDesk, type_id: str, *, received: datetime, due: datetime) -> str:
    data = {"type": type_id, "channel": "email", "description": "依頼の内容", "requester": {"name": "依頼者",
            "email": "someone@example.com"}, "received_at": received.isoformat(), "due_at": due.isoformat()}
    new = validate_new_case(data, request_types=desk.request_types, config=desk.config, now=received)
    return desk.log(new, actor=MANAGER, now=received).id


@pytest.fixture
def queue(start_bot: Callable[..., RunningBot]) -> tuple[RunningBot, dict[str, str]]:
    """Six cases on one database: overdue (the team member's), urgent, the manager's, waiting since Wednesday 20
    May (three business days by the bot's Monday), closed this month, closed last month."""
    bot = start_bot(now=NOW, deputy=DEPUTY, privacy_team=(TEAM_MEMBER,))
    desk = CaseDesk(bot.db(), config=bot.config, request_types=load_request_types())
    cases = {
        "overdue": new_case(desk, "general", received=day(5, 11), due=day(5, 18, 18)),
        "urgent": new_case(desk, "leak_report", received=day(5, 22), due=day(5, 29, 18)),
        "mine": new_case(desk, "deletion", received=day(5, 13), due=day(5, 27, 18)),
        "waiting": new_case(desk, "disclosure", received=day(5, 18), due=day(6, 5, 18)),
        "closed": new_case(desk, "general", received=day(5, 12), due=day(5, 19, 18)),
        "last_month": new_case(desk, "general", received=day(4, 20), due=day(4, 27, 18)),
    }
    desk.handle(cases["overdue"], Assign(TEAM_MEMBER), actor=MANAGER, now=day(5, 12))
    desk.handle(cases["mine"], Assign(MANAGER), actor=MANAGER, now=day(5, 14))
    desk.handle(cases["waiting"], Acknowledge(), actor=MANAGER, now=day(5, 19))
    desk.handle(cases["waiting"], WaitForRequester("identity_documents"), actor=MANAGER, now=day(5, 20))
    for key, closing in (("closed", day(5, 20)), ("last_month", day(4, 24))):
        desk.handle(cases[key], Acknowledge(), actor=MANAGER, now=closing)
        desk.handle(cases[key], StartWork(), actor=MANAGER, now=closing)
        desk.handle(cases[key], Resolve("answered"), actor=MANAGER, now=closing)
    return bot, cases


def open_home(bot: RunningBot, user: str, *, view: dict[str, Any] | None = None) -> dict[str, Any]:
    before = len(bot.fake.calls_to("views.publish"))
    event: dict[str, Any] = {"type": "app_home_opened", "user": user, "channel": "DHOME", "tab": "home"}
    if view is not None:
        event["view"] = {"id": "V0HOME", "type": "home", "private_metadata": view["private_metadata"]}
    bot.slack.event(event)
    published = bot.fake.wait_for("views.publish", count=before + 1)[-1]
    assert published.params["user_id"] == user
    return published.json_param("view")


def choose(bot: RunningBot, user: str, view: dict[str, Any], value: str) -> dict[str, Any]:
    """Pick `value` in the Home tab's filter select, as Slack sends it."""
    [select] = next(b for b in view["blocks"] if b.get("block_id") == "home_filter")["elements"]
    option = next(o for o in select["options"] if o["value"] == value)
    before = len(bot.fake.calls_to("views.publish"))
    bot.slack.interaction({
        "type": "block_actions", "user": {"id": user}, "team": {"id": "T0FAKE"}, "trigger_id": "9.9.9",
        "container": {"type": "view", "view_id": "V0HOME"}, "view": {"id": "V0HOME", "type": "home"},
        "actions": [{"type": "static_select", "action_id": select["action_id"], "block_id": "home_filter",
                     "selected_option": option, "action_ts": "1700000600.000100"}]})
    published = bot.fake.wait_for("views.publish", count=before + 1)[-1]
    assert published.params["user_id"] == user
    return published.json_param("view")


def rows(view: dict[str, Any]) -> list[str]:
    """The case ids of the queue, in order."""
    return [b["accessory"]["value"] for b in view["blocks"] if b.get("accessory", {}).get("action_id") == "case_open"]


def row_text(view: dict[str, Any], case_id: str) -> str:
    return next(b["text"]["text"] for b in view["blocks"] if b.get("accessory", {}).get("value") == case_id)


class TestFilters:
    def test_all_open_puts_urgent_and_overdue_first_then_by_due_date(self, queue) -> None:  # type: ignore[no-untyped-def]
        bot, cases = queue
        view = open_home(bot, MANAGER)
        assert rows(view) == [cases["overdue"], cases["urgent"], cases["mine"], cases["waiting"]]
        assert f"<@{TEAM_MEMBER}>" in row_text(view, cases["overdue"]) and "期限超過" in row_text(view, cases["overdue"])
        assert "未割り当て" in row_text(view, cases["urgent"]) and "🚨" in row_text(view, cases["urgent"])
        assert "本人確認書類" in row_text(view, cases["waiting"]) and "3営業日" in row_text(view, cases["waiting"])

    def test_each_filter_shows_its_cases_to_the_one_who_chose(self, queue) -> None:  # type: ignore[no-untyped-def]
        bot, cases = queue
        view = open_home(bot, MANAGER)
        expected = {
            "mine": [cases["urgent"], cases["mine"], cases["waiting"]],  # the manager's own, and nobody's
            "overdue": [cases["overdue"]],
            "waiting": [cases["waiting"]],
            "closed_this_month": [cases["closed"]],
            "open": [cases["overdue"], cases["urgent"], cases["mine"], cases["waiting"]],
        }
        for value, ids in expected.items():
            view = choose(bot, MANAGER, view, value)
            assert rows(view) == ids, value
            [select] = next(b for b in view["blocks"] if b.get("block_id") == "home_filter")["elements"]
            assert select["initial_option"]["value"] == value and view["private_metadata"] == value
        assert rows(choose(bot, TEAM_MEMBER, open_home(bot, TEAM_MEMBER), "mine")) == [cases["overdue"]]

    def test_opening_the_tab_again_keeps_the_chosen_filter(self, queue) -> None:  # type: ignore[no-untyped-def]
        bot, cases = queue
        waiting = choose(bot, MANAGER, open_home(bot, MANAGER), "waiting")
        assert rows(open_home(bot, MANAGER, view=waiting)) == [cases["waiting"]]

    def test_a_stranger_choosing_a_filter_sees_the_guide(self, queue) -> None:  # type: ignore[no-untyped-def]
        bot, cases = queue
        guide = choose(bot, STRANGER, open_home(bot, MANAGER), "closed_this_month")
        text = json.dumps(guide, ensure_ascii=False)
        assert rows(guide) == [] and "/privacy intake" in text and not any(c in text for c in cases.values())


class TestLimits:
    def test_a_long_queue_stays_within_100_blocks_and_says_how_many_more(
            self, start_bot: Callable[..., RunningBot]) -> None:
        bot = start_bot(now=NOW)
        desk = CaseDesk(bot.db(), config=bot.config, request_types=load_request_types())
        for _ in range(120):
            new_case(desk, "general", received=day(5, 20), due=day(5, 27, 18))
        view = open_home(bot, MANAGER)
        assert 100 - BLOCKS_PER_CASE < len(view["blocks"]) <= 100  # as many rows as fit, each two blocks
        more = re.search(r"and (\d+) more", json.dumps(view, ensure_ascii=False))
        assert more is not None and len(rows(view)) + int(more.group(1)) == 120
