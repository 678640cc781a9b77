"""Mechanisms of round 7: a keyword inside a longer keyword found too, a company's name or a figure asked in more
words, and the terms of other privacy laws judged against the policy's own text.

Every question here was written for this test; none comes from an evaluation set.
"""
from __future__ import annotations

import pytest

from common.matcher import MatchDocument, Matcher
from knowledge import KnowledgeBase


def test_a_keyword_inside_a_longer_one_found_too_is_the_longer_ones_evidence() -> None:
    matcher = Matcher([
        MatchDocument(key="safety", keywords=("data protection", "protection"), passages=(), phrases=()),
        MatchDocument(key="officer", keywords=("data protection officer",), passages=(), phrases=()),
    ])
    ranked = matcher.rank("how do I reach the data protection officer?")
    assert ranked[0].key == "officer"
    assert all(m.key != "safety" or m.score < ranked[0].score / 2 for m in ranked), ranked


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("統計を渡している相手の会社名ってわかる？", "named vendors"),
        ("How fast do we answer a correction request, in business days?", "number of days"),
        ("what is the deadline for stopping use, in days?", "number of days"),
    ],
)
def test_a_name_or_a_figure_asked_in_more_words(kb: KnowledgeBase, question: str, kind: str) -> None:
    answer = kb.ask(question)
    assert answer.outcome != "answered" and kind in answer.not_in_policy, (answer.outcome, answer.not_in_policy)


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("Which lawful basis does selfree rely on for analytics?", "lawful basis"),
        ("Do we rely on legitimate interests for marketing emails?", "legitimate interests"),
        ("新機能の前にDPIAってやってる？", "DPIA"),
    ],
)
def test_terms_of_other_privacy_laws_are_not_the_policys(kb: KnowledgeBase, question: str, term: str) -> None:
    answer = kb.ask(question)
    assert answer.outcome != "answered", (answer.outcome, answer.sections, answer.not_in_policy)
    assert any(term.lower() in m.lower() for m in answer.not_in_policy), answer.not_in_policy


@pytest.mark.parametrize(
    ("question", "section"),
    [
        # the policy named only as the place where something is written
        ("外部の会社への業務の委託についてポリシーになんて書いてある？", "7"),
        # the policy as a document: its changes and its scope keep their words
        ("ポリシーが変わったらどうやって知らせるの？", "15"),
        ("Is a partner's website covered by our privacy policy?", "1"),
    ],
)
def test_the_policy_named_as_a_place_is_not_the_topic(kb: KnowledgeBase, question: str, section: str) -> None:
    answer = kb.ask(question)
    assert answer.outcome == "answered", (answer.outcome, answer.sections, answer.not_in_policy)
    assert answer.sections[0].split(".")[0] == section, answer.sections


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("A prospect emailed asking whether we use Snowflake for analytics. Where is that in our policy?", "Snowflake"),
        ("お客様からHIPAAに準拠しているかと聞かれました。ポリシーのどこを見ればいい？", "HIPAA"),
    ],
)
def test_a_reported_question_is_the_customers_own_words(kb: KnowledgeBase, question: str, term: str) -> None:
    """Terms the policy lacks count in a question the customer asked, though the staff member's closing question
    points back to it."""
    answer = kb.ask(question)
    assert answer.outcome != "answered" and term in answer.not_in_policy, (answer.outcome, answer.not_in_policy)


@pytest.mark.parametrize(
    ("question", "section"),
    [
        ("Do we hand user info to another business?", "8"),
    ],
)
def test_another_company_is_another_word_for_other_companies(kb: KnowledgeBase, question: str, section: str) -> None:
    answer = kb.ask(question)
    assert answer.outcome == "answered" and answer.sections[0].split(".")[0] == section, answer.sections


@pytest.mark.parametrize(
    "question",
    ["ほかの会社に顧客の情報渡すケースってある？", "よその企業に利用者のデータを渡すことはある？", "他の業者にお客さんの名前を渡すのってOK？"],
)
def test_another_company_in_japanese_is_a_third_party(kb: KnowledgeBase, question: str) -> None:
    """「他の会社」「よその企業」 say what the keywords say as 他社."""
    answer = kb.ask(question)
    assert answer.outcome == "answered" and answer.sections[0].split(".")[0] == "8", (answer.outcome, answer.sections)


def test_a_keyword_whose_words_are_all_in_a_longer_one_found_too_counts_for_nothing() -> None:
    matcher = Matcher([
        MatchDocument(key="purposes", keywords=("purposes",)),
        MatchDocument(key="use outside them", keywords=("outside…purpose",)),
    ])
    ranked = matcher.rank("can we use data outside the purpose it was given for?")
    assert [m.key for m in ranked] == ["use outside them"], ranked
