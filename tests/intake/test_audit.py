"""Audit entries are typed events, stored in the `audit` table's columns exactly as before, and read back as events."""
from __future__ import annotations

import json
from collections.abc import Callable
from datetime import timedelta

from intake import Acknowledge, Assign, Case, CaseDesk, CaseStore, Extend, Refuse, StartWork
from intake.audit import Assigned, AuditRow, Created, Extended, ReplySent, StatusChanged, from_row, to_row
from tests.intake.conftest import AGENT, MANAGER, NOW


def stored(store: CaseStore, case_id: str) -> list[tuple[str, str | None, str | None, str | None, dict[str, object]]]:
    return [(row["action"], row["from_status"], row["to_status"], row["note"], json.loads(row["details"]))
            for row in store.db.query("SELECT * FROM audit WHERE case_id = ? ORDER BY id", [case_id])]


def test_each_change_is_stored_in_the_columns_auditors_read(
    store: CaseStore, desk: CaseDesk, new_case: Callable[..., Case]
) -> None:
    case = new_case()
    desk.handle(case.id, Acknowledge(), actor=MANAGER, now=NOW)
    desk.handle(case.id, Assign(AGENT), actor=MANAGER, now=NOW)
    later = case.due_at + timedelta(days=2)
    desk.handle(case.id, Extend(later, "記録が大量"), actor=MANAGER, now=NOW)
    desk.handle(case.id, StartWork(), actor=AGENT, now=NOW)
    desk.handle(case.id, Refuse("other_law", "他の法令"), actor=AGENT, now=NOW)
    assert stored(store, case.id) == [
        ("created", None, "new", None,
         {"type": "disclosure", "due_at": "2026-05-18T09:00:00+00:00", "urgent": False, "assignee": None}),
        ("transition", "new", "acknowledged", None, {}),
        ("assigned", "acknowledged", "acknowledged", None, {"from": None, "to": AGENT}),
        ("extended", "acknowledged", "acknowledged", "記録が大量",
         {"from_due_at": "2026-05-18T09:00:00+00:00", "to_due_at": "2026-05-20T09:00:00+00:00"}),
        ("transition", "acknowledged", "in_progress", None, {}),
        ("transition", "in_progress", "refused", "他の法令", {"ground": "other_law", "outcome": "refused_with_ground"}),
    ]


def test_reading_back_gives_the_events(store: CaseStore, desk: CaseDesk, new_case: Callable[..., Case]) -> None:
    case = new_case()
    later = case.due_at + timedelta(days=2)
    desk.handle(case.id, Extend(later, "記録が大量"), actor=MANAGER, now=NOW)
    history = store.get(case.id, actor=MANAGER).history
    assert [entry.event for entry in history] == [
        Created(type="disclosure", due_at=case.due_at, urgent=False, assignee=None),
        Extended("new", case.due_at, later, "記録が大量"),
    ]


def test_every_event_survives_its_row() -> None:
    events = [
        Created(type="deletion", due_at=NOW, urgent=True, assignee=AGENT),
        StatusChanged("in_progress", "transferred", "委託元へ", client=" 株式会社サンプル", outcome="transferred_to_client"),
        StatusChanged("new", "acknowledged"),
        Extended("in_progress", NOW, NOW + timedelta(days=3), None),
        Assigned("new", MANAGER, AGENT),
        ReplySent("refused", "refusal", "en"),
    ]
    for event in events:
        row = to_row(event)
        assert from_row(AuditRow(*row)) == event
        assert to_row(from_row(row)) == row
