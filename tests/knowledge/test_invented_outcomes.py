"""The three outcomes on a broad set of questions invented for the test (tests/knowledge/data/invented_outcomes.yaml).

The set was written from the published policy alone, before the word lists of knowledge.answerability were read,
and never from an evaluation set: partial questions for every section and kind of fact (a fee, a period, a
vendor's name, a list the policy never gives, a procedure detail, a yes/no about something it never mentions),
questions it does not cover, and answerable paraphrases, several with sentences of context or a pasted email.
It is tuned on, so its floors guard the mechanisms against falling back; they do not measure generalisation.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from knowledge import KnowledgeBase, load_knowledge_base

SET = Path(__file__).resolve().parent / "data" / "invented_outcomes.yaml"
#: (top-1, top-3) on answerable questions, held back (partial or not_covered) on the others.
#: Before task H5: 86 %, 96 %, 70 %; after: 92 %, 100 %, 90 %.
FLOORS = (0.90, 0.99, 0.88)


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge_base()


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


def test_the_set_is_well_formed() -> None:
    items = yaml.safe_load(SET.read_text(encoding="utf-8"))
    assert len({item["id"] for item in items}) == len(items) >= 150
    for item in items:
        assert item["outcome"] in ("answered", "partial", "not_covered"), item["id"]
        assert bool(item["gold"]) == (item["outcome"] != "not_covered"), item["id"]


def test_invented_set_keeps_its_figures(kb: KnowledgeBase) -> None:
    top1, top3, held = figures(kb, yaml.safe_load(SET.read_text(encoding="utf-8")))
    assert top1 >= FLOORS[0] and top3 >= FLOORS[1] and held >= FLOORS[2], (
        top1, top3, held)
