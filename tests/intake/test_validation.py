"""Intake fields are checked one by one, with a message per bad field, before anything is stored."""
from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from intake import Code, Config, FieldError, ValidationError, load_request_types, validate_new_case
from tests.intake.conftest import AGENT, NOW, STRANGER, intake_fields


def errors(config: Config, **overrides: Any) -> dict[str, FieldError]:
    with pytest.raises(ValidationError) as info:
        validate_new_case(intake_fields(**overrides), request_types=load_request_types(), config=config, now=NOW)
    return info.value.errors


class TestFields:
    """Each bad field is named; good ones are normalised."""

    def test_good_intake_is_normalised(self, config: Config) -> None:
        new = validate_new_case(
            intake_fields(requester={"name": " 山田 太郎 ", "email": "Taro@Example.COM", "phone": "090-1234-5678"},
                          identity=None),
            request_types=load_request_types(), config=config, now=NOW,
        )
        assert new.requester.name == "山田 太郎"
        assert new.requester.email == "Taro@example.com"
        assert new.requester.phone == "+819012345678"
        assert new.received_at == NOW and new.data_role == "own_user" and new.identity_status == "unverified"

    def test_every_bad_field_at_once(self, config: Config) -> None:
        found = errors(config, type="erasure", description="  ", channel="fax",
                       requester={"name": "", "email": "taro@", "phone": "12"})
        assert set(found) == {"type", "description", "channel", "requester.name", "requester.email",
                              "requester.phone"}
        assert found["requester.email"] == FieldError(Code.BAD_EMAIL)
        assert found["type"] == FieldError(Code.NOT_ONE_OF, {"choices": tuple(load_request_types().types)})

    def test_a_contact_is_needed(self, config: Config) -> None:
        assert set(errors(config, requester={"name": "匿名希望"})) == {"requester.email"}

    def test_international_phone(self, config: Config) -> None:
        new = validate_new_case(intake_fields(requester={"name": "Ann", "phone": "+44 20 7946 0958"}),
                                request_types=load_request_types(), config=config, now=NOW)
        assert new.requester.phone == "+442079460958"

    def test_unknown_fields_are_named(self, config: Config) -> None:
        assert set(errors(config, colour="blue", requester={"name": "A", "email": "a@example.com", "age": 3})) == {
            "colour", "requester.age"}

    def test_agent_needs_kind_and_name(self, config: Config) -> None:
        assert set(errors(config, agent={"evidence": "委任状"})) == {"agent.kind", "agent.name"}
        assert set(errors(config, agent={"kind": "friend", "name": "A"})) == {"agent.kind"}

    def test_identity(self, config: Config) -> None:
        assert set(errors(config, identity={"status": "verified"})) == {"identity.method"}
        assert set(errors(config, identity={"status": "verified", "method": "passport_scan"})) == {"identity.method"}

    def test_times(self, config: Config) -> None:
        assert set(errors(config, received_at=(NOW + timedelta(days=1)).isoformat())) == {"received_at"}
        assert set(errors(config, received_at="yesterday")) == {"received_at"}
        assert set(errors(config, due_at="2026-04-01")) == {"due_at"}

    def test_assignee_must_be_on_the_team(self, config: Config) -> None:
        assert set(errors(config, assignee=STRANGER)) == {"assignee"}
        new = validate_new_case(intake_fields(assignee=AGENT), request_types=load_request_types(), config=config,
                                now=NOW)
        assert new.assignee == AGENT

    def test_wrong_json_types(self, config: Config) -> None:
        assert set(errors(config, urgent="yes", requester="山田", description=42)) == {
            "urgent", "requester", "description", "requester.name", "requester.email"}
