"""Mechanisms of round 23 (after blind sets v34 and v35 were scored): a definition asked is given where the policy
defines the term (its own wording, 「…といいます」「定義された「…」」, read from the text); how a linked service treats
the data on its side is §1's scope; a deadline asked after the context wants a firm date asks for a number of days;
kinds the policy does not state, in more words (which fields, "is it two weeks?", the names of a payment processor);
an admin operation, a legal obligation in general and an internal security policy are not in it; a deadline
described (期限が近い) is not asked; sentences about searching the policy are about the asking.

Every question here was written for this test; none comes from an evaluation set.
"""
from __future__ import annotations

import pytest

from knowledge import KnowledgeBase
from knowledge.question_shapes import defined_terms, the_term_defined


@pytest.mark.parametrize(
    ("question", "section"),
    [
        ("ユーザー情報の定義ってどこに書いてある？", "2"),
        ("What does 'personal data' mean in our policy?", "8"),
        ("「提携サービス等」とは何を指しますか", "1"),
        ("What counts as personal information under the policy?", "2"),
    ],
)
def test_a_definition_is_given_where_the_term_is_defined(kb: KnowledgeBase, question: str, section: str) -> None:
    answer = kb.ask(question)
    assert answer.outcome == "answered" and answer.sections[0].split(".")[0] == section, (answer.outcome, answer.sections)


def test_defined_terms_are_read_from_the_text() -> None:
    terms = defined_terms([("5", "以下「会員」といいます。", 'hereinafter "Members"'), ("0", "「当社」といいます", "")])
    assert terms == {"会員": "5", "members": "5"}
    assert the_term_defined("会員の定義は？", terms) == "5"
    assert the_term_defined("会員とは別に管理者もいる", terms) is None or the_term_defined("会員が退会したら？", terms) is None


def test_a_term_only_used_is_no_definition_asked(kb: KnowledgeBase) -> None:
    answer = kb.ask("個人情報の扱いを業者に任せるとき、業者とはどんな契約を結ぶ？")
    assert answer.sections[0].split(".")[0] == "7", answer.sections


def test_how_a_linked_service_treats_data_is_the_scope(kb: KnowledgeBase) -> None:
    answer = kb.ask("HubSpotとの連携を有効にしたら、向こうで自分のデータがどう扱われるのか知りたいと言われた。どう答える？")
    assert answer.outcome == "answered" and answer.sections[0].split(".")[0] == "1", (answer.outcome, answer.sections)


def test_a_firm_date_wanted_before_a_deadline_asked(kb: KnowledgeBase) -> None:
    answer = kb.ask("The user wants an exact date for the correction to be done. What deadline should I quote?")
    assert answer.outcome != "answered" and "number of days" in answer.not_in_policy, (answer.outcome, answer.not_in_policy)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Google Analyticsにはどのfieldsを送信してる？", "data items sent"),
        ("Is the 'reasonable period' for a deletion request three weeks?", "number of days"),
        ("Can you give me the names of the card companies we send billing data to?", "named vendors"),
    ],
)
def test_kinds_the_policy_does_not_state(kb: KnowledgeBase, question: str, kind: str) -> None:
    answer = kb.ask(question)
    assert answer.outcome != "answered" and kind in answer.not_in_policy, (answer.outcome, answer.not_in_policy)


@pytest.mark.parametrize(
    "question",
    [
        "管理画面から不要になったオペレーターのアカウントを消す操作方法を教えて",
        "How do admins deactivate a user account?",
        "顧客に電話するとき、録音していることを伝える法的義務はありますか",
        "Can a client get a copy of our internal information security policy?",
    ],
)
def test_not_in_the_policy(kb: KnowledgeBase, question: str) -> None:
    answer = kb.ask(question)
    assert answer.outcome != "answered", (answer.outcome, answer.sections)


def test_a_deadline_described_is_not_asked(kb: KnowledgeBase) -> None:
    answer = kb.ask("裁判所から利用者の記録の提出を求められています。提出期限が近いのですが、本人の同意なしで出していいですか？")
    assert "deadline" not in answer.not_in_policy, answer.not_in_policy


def test_searching_the_policy_is_about_the_asking(kb: KnowledgeBase) -> None:
    answer = kb.ask("A client's auditor asked how long we keep call recordings after a contract ends. I searched "
                    "everywhere. Does the policy say?")
    assert answer.outcome != "answered" and "retention period" in answer.not_in_policy, (answer.outcome,
                                                                                          answer.not_in_policy)
