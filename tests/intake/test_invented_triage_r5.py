"""Triage round 5 on inquiries invented for it (tests/intake/data/invented_triage_r5.yaml): incidents and
authorities' requests in wordings the round-4 patterns did not know, and traps carrying the same signals with the
evidence against them (hypothetical, past and closed, elsewhere, not an incident, a general question, an officer
acting for themselves, an invitation).

The set was written before the code was changed and scored then: urgent recall 24/90, false urgent 12/82, type
accuracy 77/172. After: 90/90, 0/82, 151/172. It has been tuned on since, so its floors guard the mechanism (an
incident or an authority read from what any wording of one is made of; evidence against is decisive); they do not
measure generalisation.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from intake import classify

SET = Path(__file__).resolve().parent / "data" / "invented_triage_r5.yaml"
TYPE_ACCURACY = 0.87


@pytest.fixture(scope="module")
def items() -> list[dict]:
    return yaml.safe_load(SET.read_text(encoding="utf-8"))


def test_the_set_is_well_formed(items: list[dict]) -> None:
    assert len({item["id"] for item in items}) == len(items)
    assert sum(item["urgent"] for item in items) >= 80 and sum(not item["urgent"] for item in items) >= 80
    for item in items:
        assert item["urgent"] == (item["type"] in ("leak_report", "authority_request")), item["id"]


def test_every_incident_and_authority_is_urgent_with_its_type(items: list[dict]) -> None:
    missed = [(item["id"], classify(item["text"]).type) for item in items
              if item["urgent"] and (lambda r: not r.urgent or r.type != item["type"])(classify(item["text"]))]
    assert missed == []


def test_no_trap_pages_the_manager(items: list[dict]) -> None:
    false_urgent = [(item["id"], classify(item["text"]).signals) for item in items
                    if not item["urgent"] and classify(item["text"]).urgent]
    assert false_urgent == []


def test_the_type_is_right_on_most(items: list[dict]) -> None:
    wrong = [(item["id"], classify(item["text"]).type) for item in items if classify(item["text"]).type != item["type"]]
    assert 1 - len(wrong) / len(items) >= TYPE_ACCURACY, wrong
