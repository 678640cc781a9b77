"""Notes, edits and identity before action, through the desk on a real SQLite file (issue 13 items 1 and 3)."""
from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from intake import (
    AddNote,
    Case,
    CaseDesk,
    Code,
    EditDetails,
    InvalidTransition,
    Resolve,
    ValidationError,
    command_for_status,
    load_request_types,
)
from intake.audit import DetailsEdited, NoteAdded, StatusChanged
from tests.intake.conftest import AGENT, MANAGER, NOW
from tests.intake.test_lifecycle import walk

UNVERIFIED = {"status": "unverified"}


def audit_rows(desk: CaseDesk, case_id: str) -> list[dict[str, object]]:
    return list(desk.db.query("SELECT * FROM audit WHERE case_id = ? ORDER BY id", [case_id]))


class TestNotes:
    def test_a_note_is_stored_apart_and_the_audit_keeps_only_its_id(self, desk: CaseDesk,
                                                                     new_case: Callable[..., Case]) -> None:
        case = new_case()
        done = desk.handle(case.id, AddNote(" 本人から折り返し。\n免許証で確認予定 "), actor=AGENT, now=NOW)
        [note] = done.notes
        assert (note.actor, note.at, note.text) == (AGENT, NOW, "本人から折り返し。\n免許証で確認予定")
        assert done.history[-1].event == NoteAdded("new", note.id)
        row = audit_rows(desk, case.id)[-1]
        assert row["action"] == "note_added" and json.loads(str(row["details"])) == {"note_id": note.id}
        assert "免許証" not in json.dumps(audit_rows(desk, case.id), ensure_ascii=False)
        assert done.status == "new"  # a note changes nothing else

    @pytest.mark.parametrize(("text", "code"), [("  ", Code.REQUIRED), ("a\x00b", Code.CONTROL_CHARACTER),
                                                ("x" * 4001, Code.TOO_LONG)])
    def test_a_bad_note_is_refused_and_nothing_is_written(self, desk: CaseDesk, new_case: Callable[..., Case],
                                                          text: str, code: Code) -> None:
        case = new_case()
        with pytest.raises(ValidationError) as info:
            desk.handle(case.id, AddNote(text), actor=MANAGER, now=NOW)
        assert info.value.errors["text"].code is code
        assert desk.store.get(case.id, actor=MANAGER).notes == () and len(audit_rows(desk, case.id)) == 1


class TestEdits:
    def test_the_audit_names_the_fields_changed_never_the_values(self, desk: CaseDesk,
                                                                  new_case: Callable[..., Case]) -> None:
        case = new_case()
        done = desk.handle(case.id, EditDetails({"requester.email": "Hanako@Example.COM", "requester.phone": None,
                                                 "channel": "email", "requester.name": "山田太郎"}),
                           actor=MANAGER, now=NOW)
        assert (done.requester.email, done.requester.phone) == ("Hanako@example.com", None)
        # the name and the channel were already so: only what really changed is named
        assert done.history[-1].event == DetailsEdited("new", ("requester.email", "requester.phone"))
        stored = json.dumps(audit_rows(desk, case.id), ensure_ascii=False)
        assert "Hanako" not in stored and "taro@" not in stored and "03-1234" not in stored

    def test_intake_rules_apply_to_the_case_as_it_would_stand(self, desk: CaseDesk,
                                                              new_case: Callable[..., Case]) -> None:
        case = new_case(identity=UNVERIFIED)
        with pytest.raises(ValidationError) as info:
            desk.handle(case.id, EditDetails({"requester.email": "taro@", "channel": "fax",
                                              "identity.status": "verified"}), actor=MANAGER, now=NOW)
        assert {name: error.code for name, error in info.value.errors.items()} == {
            "requester.email": Code.BAD_EMAIL, "channel": Code.NOT_ONE_OF, "identity.method": Code.METHOD_REQUIRED}
        with pytest.raises(ValidationError) as info:
            desk.handle(case.id, EditDetails({"requester.email": None, "requester.phone": ""}),
                        actor=MANAGER, now=NOW)
        assert info.value.errors["requester.email"].code is Code.CONTACT_REQUIRED
        with pytest.raises(ValidationError) as info:
            desk.handle(case.id, EditDetails({"type": "deletion", "description": "x"}), actor=MANAGER, now=NOW)
        assert {error.code for error in info.value.errors.values()} == {Code.NOT_EDITABLE}
        with pytest.raises(ValidationError) as info:
            desk.handle(case.id, EditDetails({"channel": "email"}), actor=MANAGER, now=NOW)
        assert info.value.errors["channel"].code is Code.NOTHING_CHANGED
        assert len(audit_rows(desk, case.id)) == 1

    def test_identity_marked_verified_records_who_and_when_and_unmarking_clears_it(
            self, desk: CaseDesk, new_case: Callable[..., Case]) -> None:
        case = new_case(identity=UNVERIFIED)
        done = desk.handle(case.id, EditDetails({"identity.status": "verified", "identity.method": "phone_callback"}),
                           actor=AGENT, now=NOW)
        assert (done.identity.status, done.identity.method, done.identity.verified_by, done.identity.verified_at) == (
            "verified", "phone_callback", AGENT, NOW)
        done = desk.handle(case.id, EditDetails({"identity.status": "failed"}), actor=MANAGER, now=NOW)
        assert (done.identity.verified_by, done.identity.verified_at) == (None, None)

    def test_agent_details_can_be_added_and_removed(self, desk: CaseDesk, new_case: Callable[..., Case]) -> None:
        case = new_case()
        with pytest.raises(ValidationError) as info:
            desk.handle(case.id, EditDetails({"agent.name": "山田一郎"}), actor=MANAGER, now=NOW)
        assert info.value.errors["agent.kind"].code is Code.REQUIRED
        done = desk.handle(case.id, EditDetails({"agent.kind": "legal", "agent.name": "山田一郎"}), actor=MANAGER,
                           now=NOW)
        assert done.agent is not None and done.agent.name == "山田一郎"
        done = desk.handle(case.id, EditDetails({"agent.kind": None, "agent.name": None}), actor=MANAGER, now=NOW)
        assert done.agent is None

    def test_a_closed_case_is_not_edited(self, desk: CaseDesk, new_case: Callable[..., Case]) -> None:
        case = desk.handle(new_case().id, command_for_status("withdrawn"), actor=MANAGER, now=NOW)
        with pytest.raises(InvalidTransition):
            desk.handle(case.id, EditDetails({"channel": "letter"}), actor=MANAGER, now=NOW)
        assert desk.handle(case.id, AddNote("取り下げの電話あり"), actor=MANAGER, now=NOW).notes  # notes still fine


class TestIdentityBeforeAction:
    @pytest.mark.parametrize(("type_id", "outcome"), [
        ("disclosure", "fulfilled"), ("disclosure", "partial"), ("correction", "corrected"),
        ("deletion", "fulfilled"), ("suspension", "alternative_measure"), ("third_party_stop", "fulfilled"),
        ("deletion", None)])
    def test_acting_on_data_needs_verified_identity_or_a_reason(
            self, desk: CaseDesk, new_case: Callable[..., Case], type_id: str, outcome: str | None) -> None:
        case = walk(desk, new_case(type=type_id, identity=UNVERIFIED), ["acknowledged", "in_progress"])
        with pytest.raises(ValidationError) as info:
            desk.handle(case.id, Resolve(outcome), actor=MANAGER, now=NOW)
        assert info.value.errors["identity_override"].code is Code.IDENTITY_NOT_VERIFIED
        with pytest.raises(ValidationError):
            desk.handle(case.id, Resolve(outcome, identity_override="  "), actor=MANAGER, now=NOW)
        assert desk.store.get(case.id, actor=MANAGER).status == "in_progress"
        done = desk.handle(case.id, Resolve(outcome, identity_override="法定代理人（親権者）からの請求で、戸籍謄本を確認"),
                           actor=MANAGER, now=NOW)
        assert done.status == "resolved"
        event = done.history[-1].event
        assert isinstance(event, StatusChanged) and event.identity_override == "法定代理人（親権者）からの請求で、戸籍謄本を確認"
        assert json.loads(str(audit_rows(desk, case.id)[-1]["details"]))["identity_override"].startswith("法定代理人")

    def test_verified_identity_or_an_outcome_that_does_not_act_needs_no_reason(
            self, desk: CaseDesk, new_case: Callable[..., Case]) -> None:
        verified = walk(desk, new_case(type="deletion"), ["acknowledged", "in_progress"])
        assert desk.handle(verified.id, Resolve("fulfilled"), actor=MANAGER, now=NOW).status == "resolved"
        unverified = walk(desk, new_case(type="deletion", identity=UNVERIFIED), ["acknowledged", "in_progress"])
        assert desk.handle(unverified.id, Resolve("no_data_held"), actor=MANAGER, now=NOW).status == "resolved"
        general = walk(desk, new_case(type="general", identity=UNVERIFIED), ["acknowledged", "in_progress"])
        assert desk.handle(general.id, Resolve("answered"), actor=MANAGER, now=NOW).status == "resolved"
        event = desk.store.get(unverified.id, actor=MANAGER).history[-1].event
        assert isinstance(event, StatusChanged) and event.identity_override is None

    def test_an_override_is_only_for_resolving(self) -> None:
        with pytest.raises(ValidationError) as info:
            command_for_status("refused", ground="other_law", reason="r", identity_override="x")
        assert info.value.errors["identity_override"].code is Code.OVERRIDE_ONLY_FOR_RESOLVE

    def test_the_rule_is_data_and_names_only_outcomes_of_the_type(self) -> None:
        types = load_request_types()
        assert {t.id for t in types if t.identity_required_for} == {
            "disclosure", "correction", "deletion", "suspension", "third_party_stop"}
        assert all(set(t.identity_required_for) <= set(t.outcomes) for t in types)
