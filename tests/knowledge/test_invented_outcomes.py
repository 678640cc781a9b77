"""The three outcomes on broad sets of questions invented for the test (tests/knowledge/data/invented_outcomes*.yaml).

Each set was written from the published policy alone and never from an evaluation set: partial questions for
every section and kind of fact (a fee, a period, a vendor's name, a list the policy never gives, a procedure
detail, a yes/no about something it never mentions), questions it does not cover, and answerable paraphrases,
several with sentences of context or a pasted email. `invented_outcomes.yaml` (task H5) and the first part of
`invented_outcomes_r4.yaml` (task T1) were written before knowledge.answerability's word lists were read. Both are
tuned on, so their floors guard the mechanisms against falling back; they do not measure generalisation.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from knowledge import KnowledgeBase

DATA = Path(__file__).resolve().parent / "data"
#: (top-1, top-3) on answerable questions, held back (partial or not_covered) on the others.
FLOORS = {
    # Before task H5: 86 %, 96 %, 70 %; after: 92 %, 100 %, 90 %.
    "invented_outcomes.yaml": (0.90, 0.99, 0.90),
    # Before task T1: 77 %, 93 %, 72 % (measured before lines too close to the tuned-on sets were rewritten).
    # After: 98 %, 99 %, 98 %.
    "invented_outcomes_r4.yaml": (0.95, 0.98, 0.95),
}


def figures(kb: KnowledgeBase, items: list[dict]) -> tuple[float, float, float]:
    top1 = top3 = held = answerable = 0
    for item in items:
        answer = kb.ask(item["q"])
        sections = [s.split(".")[0] for s in answer.sections]
        if item["outcome"] == "answered":
            answerable += 1
            top1 += bool(answer.outcome == "answered" and sections and sections[0] in item["gold"])
            top3 += any(s in item["gold"] for s in sections[:3])
        else:
            held += answer.outcome != "answered"
    return top1 / answerable, top3 / answerable, held / (len(items) - answerable)


#: Not tuned on (see its header): floors at the figures it was scored at, flattened as score.py sends questions.
UNTUNED = {"fresh_r4.yaml": (0.60, 0.80, 0.80)}


@pytest.mark.parametrize("name", FLOORS)
def test_the_set_is_well_formed(name: str) -> None:
    items = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    assert len({item["id"] for item in items}) == len(items) >= 150
    for item in items:
        assert item["outcome"] in ("answered", "partial", "not_covered"), item["id"]
        assert bool(item["gold"]) == (item["outcome"] != "not_covered"), item["id"]


@pytest.mark.parametrize("name", FLOORS)
def test_invented_set_keeps_its_figures(kb: KnowledgeBase, name: str) -> None:
    top1, top3, held = figures(kb, yaml.safe_load((DATA / name).read_text(encoding="utf-8")))
    floor1, floor3, floor_held = FLOORS[name]
    assert top1 >= floor1 and top3 >= floor3 and held >= floor_held, (top1, top3, held)


@pytest.mark.parametrize("name", UNTUNED)
def test_untuned_set_keeps_its_figures(kb: KnowledgeBase, name: str) -> None:
    items = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    flat = [dict(item, q=item["q"].replace("\n", " ")) for item in items]
    top1, top3, held = figures(kb, flat)
    floor1, floor3, floor_held = UNTUNED[name]
    assert top1 >= floor1 and top3 >= floor3 and held >= floor_held, (top1, top3, held)
