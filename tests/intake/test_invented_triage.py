"""Triage on a broad set of inquiries invented for the test (tests/intake/data/invented_triage.yaml).

Traps written to look urgent (至急 on an ordinary request, the police or a lawyer mentioned in passing or in general,
newsletters and webinars about breaches, questions about the leak clause, leaks at other companies) must page
nobody; real leaks and authorities' requests, in many wordings, must all be urgent; the weaker types must be found.
The set is tuned on (its second part was written after the first was, to check that the rules carried over), so
its floors guard the mechanisms; they do not measure generalisation.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from intake import classify

SET = Path(__file__).resolve().parent / "data" / "invented_triage.yaml"
#: Before task T1: type accuracy 70 %, 21 false urgent of 82 traps, urgent recall 27 of 40 (13 missed).
#: After: 93 %, none, all.
TYPE_ACCURACY = 0.93


@pytest.fixture(scope="module")
def items() -> list[dict]:
    return yaml.safe_load(SET.read_text(encoding="utf-8"))


def test_the_set_is_well_formed(items: list[dict]) -> None:
    assert len({item["id"] for item in items}) == len(items) >= 120
    assert sum(item["urgent"] for item in items) >= 40 and sum(not item["urgent"] for item in items) >= 80
    for item in items:
        assert item["urgent"] == (item["type"] in ("leak_report", "authority_request")), item["id"]


def test_no_trap_pages_the_manager(items: list[dict]) -> None:
    false_urgent = [item["id"] for item in items if not item["urgent"] and classify(item["text"]).urgent]
    assert false_urgent == []


def test_every_incident_and_authority_is_urgent(items: list[dict]) -> None:
    missed = [item["id"] for item in items if item["urgent"] and not classify(item["text"]).urgent]
    assert missed == []


def test_the_type_is_right_on_most(items: list[dict]) -> None:
    wrong = [(item["id"], classify(item["text"]).type) for item in items if classify(item["text"]).type != item["type"]]
    assert 1 - len(wrong) / len(items) >= TYPE_ACCURACY, wrong
