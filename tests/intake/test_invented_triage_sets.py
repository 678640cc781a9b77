"""Triage rounds 5 and 6 on inquiries invented for them (tests/intake/data/invented_triage_r5.yaml, _r6.yaml).

Round 5: incidents and authorities' requests in wordings the round-4 patterns did not know, and traps carrying the
same signals with the evidence against them (hypothetical, past and closed, elsewhere, not an incident, a general
question, an officer acting for themselves, an invitation). Written before the code was changed and scored then:
urgent recall 24/90, false urgent 12/82, type accuracy 77/172; after: 90/90, 0/82, 151/172.

Round 6: incidents and authorities' demands in wordings the round-5 mechanisms did not read, and traps that carry the
same words with the evidence against them (a security questionnaire or contract draft asking what would happen, a
newsletter's headlines, a sales pitch, a past trial, a data protection officer addressed by a requester, a phishing
email nobody answered, a threat that waits on a repeat). The first 44 inquiries were written before the code was
changed and scored then: urgent recall 7/19, false urgent 9/25, type accuracy 18/44; the later groups (marked in the
file) were added as guards, each wrong before its fix.

Both have been tuned on since, so their floors guard the mechanisms; they do not measure generalisation.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from intake import classify

DATA = Path(__file__).resolve().parent / "data"
#: Set -> (the share of types right at least, how many urgent and how many calm inquiries it holds at least).
SETS = {"invented_triage_r5.yaml": (0.87, 80), "invented_triage_r6.yaml": (0.85, 0)}


def _items(name: str) -> list[dict]:
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", SETS)
def test_the_set_is_well_formed(name: str) -> None:
    items = _items(name)
    assert len({item["id"] for item in items}) == len(items)
    least = SETS[name][1]
    assert sum(item["urgent"] for item in items) >= least and sum(not item["urgent"] for item in items) >= least
    for item in items:
        assert item["urgent"] == (item["type"] in ("leak_report", "authority_request")), item["id"]


@pytest.mark.parametrize("name", SETS)
def test_every_incident_and_authority_is_urgent_with_its_type(name: str) -> None:
    missed = [(item["id"], result.type) for item in _items(name) if item["urgent"]
              for result in [classify(item["text"])] if not result.urgent or result.type != item["type"]]
    assert missed == []


@pytest.mark.parametrize("name", SETS)
def test_no_trap_pages_the_manager(name: str) -> None:
    false_urgent = [(item["id"], result.signals) for item in _items(name) if not item["urgent"]
                    for result in [classify(item["text"])] if result.urgent]
    assert false_urgent == []


@pytest.mark.parametrize("name", SETS)
def test_the_type_is_right_on_most(name: str) -> None:
    items = _items(name)
    wrong = [(item["id"], result.type) for item in items for result in [classify(item["text"])]
             if result.type != item["type"]]
    assert 1 - len(wrong) / len(items) >= SETS[name][0], wrong


@pytest.mark.parametrize("name", SETS)
def test_the_type_is_the_best_candidate(name: str) -> None:
    """The lifts (an invitation or a study to a general inquiry, a grievance to a complaint) leave the chosen type the
    highest-scoring candidate listed."""
    for item in _items(name):
        result = classify(item["text"])
        best = result.candidates[0]
        assert result.type == best[0] and all(score <= best[1] for _, score in result.candidates)
