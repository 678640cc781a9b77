"""Mechanisms of round 24 (after blind sets v36 and v37 were scored): "timeframe" asks a deadline, not opening hours,
and "commit" or "promise" are words about the asking; consent taken again is renewed consent only where a revision
of the policy is named, in the question or its context; what changed between versions, a web address and grounds
named by a description are kinds the policy does not state; a log that is only described (対応履歴) is no records
question; data the user posted themselves is read in the whole story; where the data came from is §5's; a term
"treated as" (ユーザー情報扱い) asks its definition; "on behalf of advertisers" is no agent's request.

Every question here was written for this test; none comes from an evaluation set.
"""
from __future__ import annotations

import pytest

from knowledge import KnowledgeBase


def test_a_timeframe_is_a_deadline_the_policy_states(kb: KnowledgeBase) -> None:
    answer = kb.ask("A user wants to know when her correction will be made. What timeframe does our policy promise?")
    assert answer.outcome == "answered" and answer.sections[0].split(".")[0] == "11", (answer.outcome, answer.not_in_policy)


def test_consent_again_for_a_delivery_is_no_renewed_consent(kb: KnowledgeBase) -> None:
    answer = kb.ask("抽選の景品を送るため配送業者に住所を渡します。ユーザーに同意を取り直す必要はある？")
    assert "renewed consent" not in answer.not_in_policy, answer.not_in_policy


def test_consent_again_after_a_revision_named_in_the_context(kb: KnowledgeBase) -> None:
    answer = kb.ask("規約を大きく改定する予定です。上司から「全員に同意を取り直す？」と聞かれました。ポリシーではどうなってる？")
    assert answer.outcome != "answered" and "renewed consent" in answer.not_in_policy, (answer.outcome,
                                                                                         answer.not_in_policy)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("前回の改定で何が変わったのか、変更点の一覧はある？", "changes made"),
        ("Is there a change history of the privacy policy somewhere?", "changes made"),
        ("Cookieを止めるページのURLを直接教えて", "web address"),
    ],
)
def test_kinds_the_policy_does_not_state(kb: KnowledgeBase, question: str, kind: str) -> None:
    answer = kb.ask(question)
    assert answer.outcome != "answered" and kind in answer.not_in_policy, (answer.outcome, answer.not_in_policy)


def test_a_log_described_is_no_records_question(kb: KnowledgeBase) -> None:
    answer = kb.ask("開示請求が来ました。問い合わせ履歴にオペレーターのメモも入っています。全部出す必要がありますか？")
    assert "records kept" not in answer.not_in_policy, answer.not_in_policy


def test_data_the_user_posted_is_read_in_the_whole_story(kb: KnowledgeBase) -> None:
    answer = kb.ask("A customer shared her own mobile number on a public blog. Now strangers call her and she blames us. "
                    "What's our position?")
    assert answer.sections[0].split(".")[0] == "12", answer.sections


@pytest.mark.parametrize(
    "question",
    ["「うちの住所をどこで手に入れたんですか」と怒りの電話。ポリシー的にどう説明する？", "Where did you get my email address? I never signed up."],
)
def test_where_the_data_came_from_is_acquisition(kb: KnowledgeBase, question: str) -> None:
    answer = kb.ask(question)
    assert answer.sections[0].split(".")[0] == "5", answer.sections


def test_treated_as_asks_the_definition(kb: KnowledgeBase) -> None:
    answer = kb.ask("無料トライアル中の人の情報もユーザー情報扱い？")
    assert answer.sections[0].split(".")[0] == "2", answer.sections


def test_on_behalf_of_advertisers_is_no_agent(kb: KnowledgeBase) -> None:
    answer = kb.ask("Do we analyse user data on behalf of advertisers?")
    assert "request by an agent" not in answer.not_in_policy, answer.not_in_policy
