"""Triage round 6 on inquiries invented for it (tests/intake/data/invented_triage_r6.yaml): incidents and
authorities' demands in wordings the round-5 mechanisms did not read, and traps that carry the same words with the
evidence against them (a security questionnaire or contract draft asking what would happen, a newsletter's
headlines, a sales pitch, a past trial, a data protection officer addressed by a requester, a phishing email nobody
answered, a threat that waits on a repeat).

The first 44 inquiries were written before the code was changed and scored then: urgent recall 7/19, false urgent
9/25, type accuracy 18/44; the later groups (marked in the file) were added as guards, each wrong before its fix.
It has been tuned on since, so its floors guard the mechanisms; they do not measure generalisation.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from intake import classify

SET = Path(__file__).resolve().parent / "data" / "invented_triage_r6.yaml"
TYPE_ACCURACY = 0.85


@pytest.fixture(scope="module")
def items() -> list[dict]:
    return yaml.safe_load(SET.read_text(encoding="utf-8"))


def test_the_set_is_well_formed(items: list[dict]) -> None:
    assert len({item["id"] for item in items}) == len(items)
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


def test_the_type_is_the_best_candidate(items: list[dict]) -> None:
    """The lifts (an invitation or a study to a general inquiry, a grievance to a complaint) leave the chosen type the
    highest-scoring candidate listed."""
    for item in items:
        result = classify(item["text"])
        assert result.type == result.candidates[0][0] and all(s <= result.candidates[0][1] for _, s in result.candidates)
