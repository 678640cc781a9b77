"""Mechanisms of round 8: a term's scope asked around the term, a name asked for 具体的に, a question whether
something is against the law, quoted words, English verbs in Japanese read for the kind of fact, a leak at a
contractor, and the everyday names of §4's and §14's concepts.

Every question here was written for this test; none comes from an evaluation set.
"""
from __future__ import annotations

import pytest

from common.text import english_stems
from knowledge import KnowledgeBase


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("委託先の監督で、何が適切な監督に当たる？", "what a term covers"),
        ("決済は具体的にどこの会社を使ってる？", "named vendors"),
        ("Which 'business partners' get our data, is there a list?", "named vendors"),
        ("問い合わせ履歴ってどれくらいretainしてる？", "retention period"),
    ],
)
def test_a_kind_of_fact_asked_in_other_words(kb: KnowledgeBase, question: str, kind: str) -> None:
    answer = kb.ask(question)
    assert answer.outcome != "answered" and kind in answer.not_in_policy, (answer.outcome, answer.not_in_policy)


@pytest.mark.parametrize("question", ["従業員の私物スマホに顧客の連絡先を入れると違法になる？", "社外にメールを転送したら法律違反になる？"])
def test_whether_something_is_against_the_law_is_the_law_itself(kb: KnowledgeBase, question: str) -> None:
    answer = kb.ask(question)
    assert answer.outcome != "answered" and "the law itself" in answer.not_in_policy, (answer.outcome, answer.not_in_policy)


@pytest.mark.parametrize(
    "message",
    ["委託先のコールセンター業者でPCが盗まれて、うちの顧客リストが入ってたらしい",
     "Our vendor just told us their server was hacked and our user list was on it."],
)
def test_a_leak_at_a_contractor_cites_the_supervision_of_contractors_first(kb: KnowledgeBase, message: str) -> None:
    answer = kb.ask(message)
    assert answer.incident == "leak_report" and answer.sections[:3] == ["7", "6", "9"], (answer.incident, answer.sections)


@pytest.mark.parametrize(
    ("question", "section"),
    [
        ("Which ad networks receive data from our website?", "14"),
        ("Is it OK to use customer data outside the purpose it was collected for?", "4"),
    ],
)
def test_everyday_names_of_the_policys_concepts(kb: KnowledgeBase, question: str, section: str) -> None:
    answer = kb.ask(question)
    assert answer.outcome == "answered" and answer.sections[0].split(".")[0] == section, (answer.outcome, answer.sections)


@pytest.mark.parametrize(
    ("question", "section"),
    [
        ("登録しているメールアドレスの変更をお願いします", "11"),
        ("The customer wants the phone number on file updated. What do we do?", "11"),
        ("以下の問い合わせです。\n「電話番号が変わったので、新しい番号にしてください。」\nこれってどの手続き？", "11"),
        # the policy itself changing stays §15's
        ("ポリシーの変更はどうやって知らせる？", "15"),
    ],
)
def test_a_change_of_a_users_data_is_a_correction(kb: KnowledgeBase, question: str, section: str) -> None:
    answer = kb.ask(question)
    assert answer.sections[0].split(".")[0] == section, (answer.outcome, answer.sections)


@pytest.mark.parametrize(
    "question",
    [
        # (with a life at risk, §4 item 2 comes first: see test_round16)
        "職場の上司という方から、ユーザーの携帯番号を教えてほしいと電話がありました。教えても大丈夫？",
        "The user's husband phoned and wants her call recordings. Can we give them to him?",
    ],
)
def test_someone_else_asking_for_a_users_data_asks_about_provision_to_a_third_party(kb: KnowledgeBase, question: str) -> None:
    answer = kb.ask(question)
    assert answer.sections[0].split(".")[0] == "8", (answer.outcome, answer.sections)


def test_ad_is_short_for_advertising() -> None:
    """"ad networks" meets the keyword "advertising networks" (§14's item on the recipients), without a keyword of its
    own."""
    assert english_stems("ad networks") == english_stems("advertising networks")
    assert english_stems("ads") == english_stems("advertising")


def test_an_ad_network_question_finds_the_recipients_item(kb: KnowledgeBase) -> None:
    assert kb.ask("Do any ad networks receive call data?").sections[0] == "14.4"


def test_outside_is_beyond() -> None:
    """"outside the purpose" meets §4's "beyond…purpose" without a keyword of its own."""
    assert english_stems("outside the purpose") == english_stems("beyond the purpose")
