"""A case keeps the key of the policy version in force at its receipt: stored as given by the edge that logs it,
read back and shown, and "base" for the cases a database held before versions existed (migration 0008)."""
from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import sqlite_utils

from intake import BASE_POLICY_VERSION, CaseStore, Config, load_request_types, open_db, validate_new_case
from intake.db import MIGRATIONS, run_migrations
from knowledge.versions import BASE_KEY
from tests.intake.conftest import AGENT, NOW, intake_fields


def test_a_case_keeps_the_version_it_was_logged_under(store: CaseStore, config: Config) -> None:
    new = validate_new_case(intake_fields(), request_types=load_request_types(), config=config, now=NOW)
    assert new.policy_version == BASE_POLICY_VERSION  # a knowledge base with one version has only the base
    case = store.create(dataclasses.replace(new, policy_version="2026-12-01"), actor=AGENT, now=NOW)
    assert case.policy_version == "2026-12-01"
    assert store.get(case.id, actor=AGENT).policy_version == "2026-12-01"
    assert store.list_cases(actor=AGENT)[0].policy_version == "2026-12-01"
    assert store.export(actor=AGENT)[0].to_json()["policy_version"] == "2026-12-01"


def test_the_base_key_is_the_knowledge_base_s() -> None:
    assert BASE_POLICY_VERSION == BASE_KEY  # intake does not import knowledge: the two spell it alike


def test_cases_logged_before_versions_existed_were_received_under_the_base(db_path: Path, config: Config) -> None:
    before = sqlite_utils.Database(sqlite3.connect(str(db_path)))
    run_migrations(before, MIGRATIONS[:-1])
    assert MIGRATIONS[-1].name == "0008_policy_version"
    before.conn.execute(
        "INSERT INTO cases (id, type, status, received_at, due_at, channel, description, created_by, created_at, "
        "updated_at) VALUES ('PRV-2026-0001', 'disclosure', 'new', '2026-04-28T06:00:00+00:00', "
        "'2026-05-13T09:00:00+00:00', 'email', '開示してください', 'U0AGENT', '2026-04-28T06:00:00+00:00', "
        "'2026-04-28T06:00:00+00:00')")
    before.conn.commit()
    before.conn.close()
    store = CaseStore(open_db(db_path), config=config)
    assert store.get("PRV-2026-0001", actor=AGENT).policy_version == "base"
