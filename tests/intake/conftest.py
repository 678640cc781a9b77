"""Shared parts for the case-core tests: a real SQLite file per test and a configuration with a known team."""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from intake import JST, Case, CaseDesk, CaseStore, Config, load_request_types, open_db, validate_new_case

MANAGER = "U0123MANAGER"
DEPUTY = "U0456DEPUTY"
AGENT = "U0789AGENT"
STRANGER = "U0999STRANGER"
# Tuesday 28 April 2026, mid-afternoon in Tokyo: the day before Golden Week starts.
NOW = datetime(2026, 4, 28, 15, 0, tzinfo=JST)


@pytest.fixture
def config() -> Config:
    return Config(manager=MANAGER, deputy=DEPUTY, privacy_team=(AGENT,), escalation_channel="C0PRIVACY")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "cases.db"


@pytest.fixture
def store(db_path: Path, config: Config) -> CaseStore:
    return CaseStore(open_db(db_path), config=config)


@pytest.fixture
def desk(store: CaseStore, config: Config) -> CaseDesk:
    """Where every change to a case goes (`CaseDesk.handle`), on the store's connection."""
    return CaseDesk(store.db, config=config)


def intake_fields(**overrides: Any) -> dict[str, Any]:
    """A valid intake as the Slack modal or `cases new --json -` would send it."""
    fields: dict[str, Any] = {
        "type": "disclosure",
        "description": "御社が保有している私の個人情報を開示してください。",
        "channel": "email",
        "requester": {"name": "山田太郎", "email": "taro@example.com", "phone": "03-1234-5678"},
        # Verified, so that a disclosure may end as fulfilled (tests/intake/test_case_work.py covers the rule).
        "identity": {"status": "verified", "method": "registered_email"},
    }
    fields.update(overrides)
    return fields


@pytest.fixture
def new_case(store: CaseStore, config: Config) -> Callable[..., Case]:
    """Log a case through validation and the store, as an agent would."""

    def make(*, actor: str = AGENT, now: datetime = NOW, **overrides: Any) -> Case:
        new = validate_new_case(intake_fields(**overrides), request_types=load_request_types(), config=config, now=now)
        return store.create(new, actor=actor, now=now)

    return make
