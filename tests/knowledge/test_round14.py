"""Mechanisms of round 14 (after blind set v18 was scored): a pasted message flattened to one line still ends its
quotation before the staff member's question, a question reported with who asked it (「…のか、お客様に聞かれました」)
asks, and a section named with 項 alone (「十一項」) is looked up.

Every question here was written for this test; none comes from an evaluation set.
"""
from __future__ import annotations

import pytest

from knowledge import KnowledgeBase
from knowledge.answerability import kinds_asked
from knowledge.focus import focus


def test_a_closing_quotation_mark_ends_the_pasted_message() -> None:
    found = focus('Forwarding: "Hi team, please delete every recording of my calls. Kind regards, Tom Baker" '
                  "How should we handle it?")
    assert found is not None and "Tom Baker" not in found.question + found.asking, found


def test_a_question_reported_with_who_asked_it_asks() -> None:
    found = focus("退会したら録音はいつ消えるのか、取引先の担当者に聞かれました。\nメールで知らせるのか、サイトに出すのか。\nポリシーではどう？")
    assert found is not None and "録音はいつ消える" in found.question, found


@pytest.mark.parametrize(("question", "entry"), [("プラポリの十一項の中身を教えて", "11"), ("第9項ってなんて書いてある？", "9")])
def test_a_section_named_with_ko_alone(kb: KnowledgeBase, question: str, entry: str) -> None:
    answer = kb.ask(question)
    assert answer.sections[:1] == [entry], answer.sections


def test_a_question_about_yours_points_back() -> None:
    found = focus("Their auditor requires every supplier to hold SOC 2 Type II. Can you send yours?\nThanks")
    assert found is not None and "SOC 2" in found.question, found


def test_something_of_ours_the_customer_requires_is_judged_for_unknown_words(kb: KnowledgeBase) -> None:
    answer = kb.ask("A bank customer says their risk team requires our Vendor Attestation Letter. Does our policy cover this?")
    assert answer.outcome != "answered", (answer.outcome, answer.sections)


@pytest.mark.parametrize(
    ("question", "kind"),
    [("What happens to customer data if the company changes hands?", "business transfer"),
     ("Someone asked whether we pay a bug bounty for security reports.", "security measure")],
)
def test_kinds_in_other_words(question: str, kind: str) -> None:
    assert kind in [k.id for k in kinds_asked(question)]
