"""The state machine through the real store: allowed moves, forbidden moves, required details, who may act."""
from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Callable
from datetime import datetime, timedelta

import pytest

from intake import (
    JST,
    SERVER_OPERATOR,
    Assign,
    Case,
    CaseDesk,
    CaseStore,
    Extend,
    InvalidTransition,
    NotAuthorised,
    Status,
    ValidationError,
    allowed_next,
    command_for_status,
)
from intake.audit import Assigned, Extended, StatusChanged
from intake.lifecycle import TRANSITIONS
from tests.intake.conftest import AGENT, DEPUTY, MANAGER, NOW, STRANGER

# The shortest path of moves from `new` to each status, with the details each move needs.
DETAILS = {
    "refused": {"ground": "other_law", "reason": "他の法令に違反するおそれがあるため"},
    "transferred": {"client": "株式会社サンプル"},
    "waiting_requester": {"waiting_for": "identity_documents"},
}
PATHS = {
    Status.NEW: [],
    Status.ACKNOWLEDGED: ["acknowledged"],
    Status.IN_PROGRESS: ["acknowledged", "in_progress"],
    Status.WAITING_REQUESTER: ["acknowledged", "in_progress", "waiting_requester"],
    Status.RESOLVED: ["acknowledged", "in_progress", "resolved"],
    Status.REFUSED: ["acknowledged", "in_progress", "refused"],
    Status.TRANSFERRED: ["acknowledged", "in_progress", "transferred"],
    Status.WITHDRAWN: ["withdrawn"],
}
ALLOWED = {(a.value, b.value) for a, targets in TRANSITIONS.items() for b in targets}
ALL_PAIRS = list(itertools.product([s.value for s in Status], repeat=2))


def move(desk: CaseDesk, case_id: str, status: str, *, actor: str, now: datetime, **details: str) -> Case:
    """Exactly one step of the state machine, as `cases transition` would ask for it (without stepping through)."""
    return desk.handle(case_id, command_for_status(status, **details), actor=actor, now=now, step_through=False)


def walk(desk: CaseDesk, case: Case, path: list[str]) -> Case:
    for step in path:
        case = move(desk, case.id, step, actor=MANAGER, now=NOW, **DETAILS.get(step, {}))
    return case


class TestTransitions:
    """Exactly the moves of design.md are possible; the rest are refused and change nothing."""

    def test_the_table_is_design_md(self) -> None:
        assert ALLOWED == {
            ("new", "acknowledged"), ("new", "withdrawn"),
            ("acknowledged", "in_progress"), ("acknowledged", "withdrawn"),
            ("in_progress", "waiting_requester"), ("in_progress", "resolved"), ("in_progress", "refused"),
            ("in_progress", "transferred"), ("in_progress", "withdrawn"),
            ("waiting_requester", "in_progress"), ("waiting_requester", "resolved"),
            ("waiting_requester", "refused"), ("waiting_requester", "transferred"),
            ("waiting_requester", "withdrawn"),
        }  # fmt: skip

    @pytest.mark.parametrize(("source", "target"), sorted(ALLOWED))
    def test_allowed(self, desk: CaseDesk, new_case: Callable[..., Case], source: str, target: str) -> None:
        case = walk(desk, new_case(), PATHS[Status(source)])
        moved = move(desk, case.id, target, actor=DEPUTY, now=NOW + timedelta(hours=1), **DETAILS.get(target, {}))
        assert moved.status == target
        last = moved.history[-1]
        assert (last.actor, last.action, last.from_status, last.to_status) == (DEPUTY, "transition", source, target)

    @pytest.mark.parametrize(("source", "target"), sorted(set(ALL_PAIRS) - ALLOWED))
    def test_forbidden(
        self, desk: CaseDesk, store: CaseStore, new_case: Callable[..., Case], source: str, target: str
    ) -> None:
        case = walk(desk, new_case(), PATHS[Status(source)])
        # `new` is where a case starts: no command leads there, and asking for one is refused by name.
        expected = ValidationError if target == Status.NEW else InvalidTransition
        with pytest.raises(expected):
            move(desk, case.id, target, actor=MANAGER, now=NOW, **DETAILS.get(target, {}))
        after = store.get(case.id, actor=MANAGER)
        assert after.status == source and len(after.history) == len(case.history)

    def test_allowed_next_for_buttons(self) -> None:
        assert allowed_next("new") == (Status.ACKNOWLEDGED, Status.WITHDRAWN)
        assert allowed_next("resolved") == ()

    def test_unknown_status(self, desk: CaseDesk, new_case: Callable[..., Case]) -> None:
        with pytest.raises(ValidationError) as info:
            move(desk, new_case().id, "closed", actor=MANAGER, now=NOW)
        assert "status" in info.value.errors


class TestDetails:
    """Refusals, transfers and extensions carry what the law and the audit need."""

    @pytest.fixture
    def working(self, desk: CaseDesk, new_case: Callable[..., Case]) -> Case:
        return walk(desk, new_case(), PATHS[Status.IN_PROGRESS])

    def test_refusal_needs_ground_and_reason(self, desk: CaseDesk, working: Case) -> None:
        with pytest.raises(ValidationError) as info:
            move(desk, working.id, "refused", actor=MANAGER, now=NOW)
        assert set(info.value.errors) == {"ground", "reason"}

    def test_disclosure_refusal_only_on_section_10_grounds(self, desk: CaseDesk, working: Case) -> None:
        with pytest.raises(ValidationError) as info:
            move(desk, working.id, "refused", actor=MANAGER, now=NOW, ground="requirements_not_met", reason="理由")
        assert set(info.value.errors) == {"ground"}
        refused = move(desk, working.id, "refused", actor=MANAGER, now=NOW, ground="business_hindrance",
                       reason="業務に著しい支障")
        assert (refused.refusal_ground, refused.reason) == ("business_hindrance", "業務に著しい支障")
        assert refused.history[-1].event == StatusChanged("in_progress", "refused", "業務に著しい支障",
                                                          ground="business_hindrance", outcome="refused_with_ground")
        assert refused.history[-1].row.details == {"ground": "business_hindrance", "outcome": "refused_with_ground"}
        assert refused.history[-1].note == "業務に著しい支障"

    def test_types_without_grounds_cannot_be_refused(self, desk: CaseDesk, new_case: Callable[..., Case]) -> None:
        case = walk(desk, new_case(type="leak_report"), PATHS[Status.IN_PROGRESS])
        with pytest.raises(InvalidTransition):
            move(desk, case.id, "refused", actor=MANAGER, now=NOW, ground="other_law", reason="x")

    def test_transfer_needs_client(self, desk: CaseDesk, working: Case) -> None:
        with pytest.raises(ValidationError) as info:
            move(desk, working.id, "transferred", actor=MANAGER, now=NOW, client="  ")
        assert set(info.value.errors) == {"client"}
        moved = move(desk, working.id, "transferred", actor=MANAGER, now=NOW, client="株式会社サンプル")
        assert moved.client_name == "株式会社サンプル"

    def test_waiting_names_what_it_waits_for_and_other_says_what(self, desk: CaseDesk, working: Case) -> None:
        with pytest.raises(ValidationError) as info:
            move(desk, working.id, "waiting_requester", actor=MANAGER, now=NOW)
        assert set(info.value.errors) == {"waiting_for"}
        with pytest.raises(ValidationError) as info:
            move(desk, working.id, "waiting_requester", actor=MANAGER, now=NOW, waiting_for="coffee")
        assert set(info.value.errors) == {"waiting_for"}
        with pytest.raises(ValidationError) as info:
            move(desk, working.id, "waiting_requester", actor=MANAGER, now=NOW, waiting_for="other", reason=" ")
        assert set(info.value.errors) == {"reason"}
        with pytest.raises(ValidationError) as info:
            move(desk, working.id, "resolved", actor=MANAGER, now=NOW, waiting_for="more_details")
        assert set(info.value.errors) == {"waiting_for"}

    def test_waiting_records_what_and_since_when_and_keeps_the_due_date(self, desk: CaseDesk, working: Case) -> None:
        later = NOW + timedelta(days=2)
        waiting = move(desk, working.id, "waiting_requester", actor=MANAGER, now=later,
                       waiting_for="identity_documents", reason="運転免許証の写しを依頼")
        assert (waiting.waiting_for, waiting.waiting_since, waiting.due_at) == ("identity_documents", later,
                                                                               working.due_at)
        assert waiting.history[-1].event == StatusChanged("in_progress", "waiting_requester", "運転免許証の写しを依頼",
                                                          waiting_for="identity_documents")
        assert waiting.history[-1].row.details == {"waiting_for": "identity_documents"}
        assert waiting.to_json()["waiting"]["for"] == "identity_documents"
        back = move(desk, working.id, "in_progress", actor=MANAGER, now=later + timedelta(days=1))
        assert (back.waiting_for, back.waiting_since, back.due_at) == (None, None, working.due_at)
        assert back.to_json()["waiting"] is None

    def test_waiting_from_acknowledged_steps_through_in_progress(
            self, desk: CaseDesk, new_case: Callable[..., Case]) -> None:
        case = walk(desk, new_case(), PATHS[Status.ACKNOWLEDGED])
        waiting = desk.handle(case.id, command_for_status("waiting_requester", waiting_for="more_details"),
                              actor=MANAGER, now=NOW)
        assert [e.to_status for e in waiting.history] == ["new", "acknowledged", "in_progress", "waiting_requester"]

    def test_outcome_must_belong_to_type(self, desk: CaseDesk, working: Case) -> None:
        with pytest.raises(ValidationError):
            move(desk, working.id, "resolved", actor=MANAGER, now=NOW, outcome="corrected")
        done = move(desk, working.id, "resolved", actor=MANAGER, now=NOW, outcome="no_data_held")
        assert done.outcome == "no_data_held"

    def test_extension(self, desk: CaseDesk, working: Case) -> None:
        later = working.due_at + timedelta(days=7)
        with pytest.raises(ValidationError) as info:
            desk.handle(working.id, Extend(working.due_at, ""), actor=MANAGER, now=NOW)
        assert set(info.value.errors) == {"reason", "due"}
        extended = desk.handle(working.id, Extend(later, "記録の検索に時間を要するため"), actor=AGENT, now=NOW)
        assert extended.due_at == later and extended.status == "in_progress"
        entry = extended.history[-1]
        assert (entry.action, entry.actor, entry.note) == ("extended", AGENT, "記録の検索に時間を要するため")
        assert entry.event == Extended("in_progress", working.due_at, later, "記録の検索に時間を要するため")
        assert entry.row.details["from_due_at"] == working.due_at.isoformat()

    def test_closed_cases_cannot_be_extended_or_assigned(self, desk: CaseDesk, new_case: Callable[..., Case]) -> None:
        case = walk(desk, new_case(), PATHS[Status.WITHDRAWN])
        with pytest.raises(InvalidTransition):
            desk.handle(case.id, Extend(case.due_at + timedelta(days=1), "r"), actor=MANAGER, now=NOW)
        with pytest.raises(InvalidTransition):
            desk.handle(case.id, Assign(AGENT), actor=MANAGER, now=NOW)

    def test_assign(self, desk: CaseDesk, working: Case) -> None:
        with pytest.raises(ValidationError):
            desk.handle(working.id, Assign(STRANGER), actor=MANAGER, now=NOW)
        assigned = desk.handle(working.id, Assign(AGENT), actor=MANAGER, now=NOW)
        assert assigned.assignee == AGENT
        assert assigned.history[-1].event == Assigned("in_progress", None, AGENT)
        assert assigned.history[-1].row.details == {"from": None, "to": AGENT}


class TestAuthorisation:
    """Only the manager, the deputy and the privacy team act on cases or read their personal data."""

    @pytest.mark.parametrize("actor", [MANAGER, DEPUTY, AGENT])
    def test_team_may_act_and_read(
        self, desk: CaseDesk, store: CaseStore, new_case: Callable[..., Case], actor: str
    ) -> None:
        case = move(desk, new_case().id, "acknowledged", actor=actor, now=NOW)
        assert store.get(case.id, actor=actor).history[-1].actor == actor

    @pytest.mark.parametrize("actor", [STRANGER, "", None])
    def test_others_may_not(
        self, desk: CaseDesk, store: CaseStore, new_case: Callable[..., Case], actor: str | None
    ) -> None:
        case = new_case()
        with pytest.raises(NotAuthorised):
            move(desk, case.id, "acknowledged", actor=actor, now=NOW)  # type: ignore[arg-type]
        with pytest.raises(NotAuthorised):
            desk.handle(case.id, Extend(case.due_at + timedelta(days=1), "r"), actor=actor, now=NOW)  # type: ignore[arg-type]
        with pytest.raises(NotAuthorised):
            desk.handle(case.id, Assign(AGENT), actor=actor, now=NOW)  # type: ignore[arg-type]
        with pytest.raises(NotAuthorised):
            store.get(case.id, actor=actor)
        with pytest.raises(NotAuthorised):
            store.list_cases(actor=actor)
        assert store.get(case.id, actor=MANAGER).status == "new"

    def test_any_staff_member_may_log_a_case(self, new_case: Callable[..., Case]) -> None:
        assert new_case(actor=STRANGER).created_by == STRANGER

    def test_server_operator_reads_but_cannot_act(
        self, desk: CaseDesk, store: CaseStore, new_case: Callable[..., Case]
    ) -> None:
        case = new_case()
        assert store.get(case.id, actor=SERVER_OPERATOR).requester.name == "山田太郎"
        with pytest.raises(NotAuthorised):
            move(desk, case.id, "acknowledged", actor=SERVER_OPERATOR, now=NOW)

    def test_unconfigured_bot_privileges_nobody(self, db_path, new_case: Callable[..., Case]) -> None:  # type: ignore[no-untyped-def]
        from intake import Config, open_db

        bare = CaseDesk(open_db(db_path), config=Config())
        with pytest.raises(NotAuthorised):
            move(bare, new_case().id, "acknowledged", actor=MANAGER, now=NOW)


class TestAudit:
    """Every change writes one audit row in the same transaction; audit rows can never change."""

    def test_one_row_per_change(self, desk: CaseDesk, new_case: Callable[..., Case]) -> None:
        case = new_case()
        case = walk(desk, case, ["acknowledged", "in_progress"])
        case = desk.handle(case.id, Assign(AGENT), actor=MANAGER, now=NOW)
        case = desk.handle(case.id, Extend(case.due_at + timedelta(days=3), "r"), actor=AGENT, now=NOW)
        case = move(desk, case.id, "resolved", actor=AGENT, now=NOW, outcome="fulfilled")
        assert [(e.action, e.actor, e.from_status, e.to_status) for e in case.history] == [
            ("created", AGENT, None, "new"),
            ("transition", MANAGER, "new", "acknowledged"),
            ("transition", MANAGER, "acknowledged", "in_progress"),
            ("assigned", MANAGER, "in_progress", "in_progress"),
            ("extended", AGENT, "in_progress", "in_progress"),
            ("transition", AGENT, "in_progress", "resolved"),
        ]
        assert all(entry.at == NOW for entry in case.history)

    def test_rows_cannot_be_updated_or_deleted(self, store: CaseStore, new_case: Callable[..., Case]) -> None:
        new_case()
        for statement in ("UPDATE audit SET actor = 'U000FORGED'", "DELETE FROM audit"):
            with pytest.raises(sqlite3.DatabaseError, match="append-only"):
                store.db.conn.execute(statement)
        assert [row["actor"] for row in store.db.query("SELECT actor FROM audit")] == [AGENT]

    def test_failed_change_leaves_no_trace(
        self, desk: CaseDesk, store: CaseStore, new_case: Callable[..., Case]
    ) -> None:
        case = new_case()
        with pytest.raises(InvalidTransition):
            move(desk, case.id, "resolved", actor=MANAGER, now=NOW)
        assert store.db.execute("SELECT count(*) FROM audit").fetchone()[0] == 1
        assert not store.db.conn.in_transaction

    def test_times_are_stored_in_utc(self, store: CaseStore, new_case: Callable[..., Case]) -> None:
        case = new_case()
        row = next(store.db.query("SELECT received_at, due_at FROM cases WHERE id = ?", [case.id]))
        assert row == {"received_at": "2026-04-28T06:00:00+00:00", "due_at": "2026-05-18T09:00:00+00:00"}
        assert case.to_json()["due_at"] == "2026-05-18T18:00:00+09:00"
        assert case.received_at.astimezone(JST) == NOW
