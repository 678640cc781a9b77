"""Issue 13 items 5 and 6 in the running bot: the manager's monthly report DM (once per month, from the database
like the reminders), this month's figures in App Home, and the daily retention purge. Over the real HTTP endpoint
with the fake Slack and a real SQLite file; the month is tests/intake/report_month.py's hand-counted June."""
from __future__ import annotations

import json
import time
from collections.abc import Callable
from datetime import datetime

from intake import JST, SERVER_OPERATOR, CaseDesk, CaseStore, Router
from intake.erasure import ERASED
from tests.bot.conftest import MANAGER, RunningBot
from tests.intake.report_month import PERSONAL_VALUES, generate_june

JULY_1_OPENING = datetime(2026, 7, 1, 10, 0, tzinfo=JST)  # Wednesday: July's first business day


def _june(bot: RunningBot) -> dict[str, str]:
    return generate_june(CaseDesk(bot.db(), config=bot.config), actor=MANAGER)


def _report_dms(bot: RunningBot, count: int = 1) -> list[str]:
    deadline = time.monotonic() + 5
    while True:
        texts = [call.all_text() for call in bot.fake.calls_to("chat.postMessage") if "月次レポート" in call.all_text()]
        if len(texts) >= count or time.monotonic() > deadline:
            return texts
        time.sleep(0.01)


def _personal(text: str) -> list[str]:
    return [value for values in PERSONAL_VALUES.values() for value in values.values() if value in text]


def test_the_manager_gets_last_months_report_once_on_the_first_business_day(
        start_bot: Callable[..., RunningBot]) -> None:
    bot = start_bot(now=datetime(2026, 6, 30, 17, tzinfo=JST))
    _june(bot)
    bot.tick(datetime(2026, 6, 30, 17, 30, tzinfo=JST))  # still June: nothing to report
    bot.tick(datetime(2026, 7, 1, 9, 30, tzinfo=JST))  # before opening
    assert [row for row in bot.outbox() if row["kind"] == "monthly_report"] == []
    bot.tick(JULY_1_OPENING)
    [text] = _report_dms(bot)
    assert "2026-06" in text and "受付 / Received: *7件*" in text and "期限超過 / Overdue: *2件*" in text
    assert "中央値 5 ・ 90%点 7 営業日（5件）" in text  # time to close, as counted by hand
    assert "開示請求 / Disclosure request 2" in text and "電話 / Phone 2" in text
    assert "他の法令に違反するおそれがある / Would violate another law 1" in text and "other_law" not in text
    assert _personal(text) == []
    [row] = [row for row in bot.outbox() if row["kind"] == "monthly_report"]
    assert row["recipient"] == MANAGER and row["case_id"] is None
    bot.tick(datetime(2026, 7, 1, 15, tzinfo=JST))
    # A restarted server reads the same schedule_log: the month is owed once.
    Router(bot.db(), config=bot.config).tick(now=datetime(2026, 7, 1, 16, tzinfo=JST))
    bot.tick(datetime(2026, 7, 2, 10, tzinfo=JST))
    assert len([row for row in bot.outbox() if row["kind"] == "monthly_report"]) == 1


def test_app_home_shows_this_months_figures(start_bot: Callable[..., RunningBot]) -> None:
    bot = start_bot(now=datetime(2026, 6, 30, 17, tzinfo=JST))
    _june(bot)
    bot.slack.event({"type": "app_home_opened", "user": MANAGER, "channel": "DHOME", "tab": "home"})
    [published] = bot.fake.wait_for("views.publish")
    text = json.dumps(published.json_param("view"), ensure_ascii=False)
    assert "今月の数字 / This month (2026-06)" in text and "受付 / Received 7" in text and "至急 / Urgent 2" in text
    assert _personal(text) == []


def test_the_daily_job_erases_cases_closed_retention_days_ago(start_bot: Callable[..., RunningBot]) -> None:
    bot = start_bot(now=datetime(2026, 7, 13, 9, tzinfo=JST), retention_days=30)
    ids = _june(bot)
    bot.tick(datetime(2026, 7, 13, 9, 30, tzinfo=JST))  # cut-off 06-13 00:00: G A B C were closed before it
    store = CaseStore(bot.db(), config=bot.config)
    for letter in "GABC":
        case = store.get(ids[letter], actor=SERVER_OPERATOR)
        assert (case.requester.name, case.requester.email, case.description) == (ERASED, None, ERASED)
        assert (case.history[-1].action, case.history[-1].actor) == ("purged", "retention")
    assert store.get(ids["F"], actor=SERVER_OPERATOR).requester.name == PERSONAL_VALUES["F"]["name"]
    assert {row["case_id"] for row in bot.outbox() if row["kind"] == "card_update"} >= {ids[x] for x in "GABC"}
    # The cards in the manager's DMs are edited in place: the values leave Slack too.
    updates = bot.fake.wait_for("chat.update", count=4)
    erased = [call.all_text() for call in updates if "保存期間の設定 が個人情報を削除" in call.all_text()]
    assert len(erased) >= 4 and all(_personal(text) == [] for text in erased)
    bot.tick(datetime(2026, 7, 13, 15, tzinfo=JST))  # once a day
    assert len([1 for row in bot.db().query("SELECT * FROM audit WHERE action = 'purged'")]) == 4
