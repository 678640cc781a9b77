"""Mechanisms of round 15 (after blind set v19 was scored): a kana-typed word is not read into a long vowel, a
sentence that only ends in です is no self-introduction, data said to be wrong is a correction, the date a policy
took effect is a date the policy does not give, whose data it is (私の) is not a thing held, the policy named as the
basis of asking is not its object, and a fragment adds to the sentence before it.

Every question here was written for this test; none comes from an evaluation set.
"""
from __future__ import annotations

import pytest

from knowledge import KnowledgeBase
from knowledge.focus import focus


def test_a_fee_typed_half_in_kana_finds_the_request_it_is_for(kb: KnowledgeBase) -> None:
    answer = kb.ask("開示の手数りょうってかかりますか？")  # りょうって is not 売って (§8)
    assert answer.sections[:1] == ["10"], answer.sections


def test_a_sentence_ending_in_desu_is_kept_as_context() -> None:
    found = focus("マーケティング部が先月の展示会の来場者リストを外部の代理店から仕入れてきたそうです。それを営業のメール配信に使いたいと言っています。規程上まずい？")
    assert found is not None and "来場者リスト" in found.question + found.context, found


def test_data_said_to_be_out_of_date_is_a_correction(kb: KnowledgeBase) -> None:
    answer = kb.ask("チャットで利用者から、登録されているメールアドレスのドメインが古いままだと指摘されました。どう進めればいい？")
    assert answer.sections[:1] == ["11"], answer.sections


@pytest.mark.parametrize("question", ["Since when has the current privacy policy applied?", "このプラポリ、いつ公表されたものですか？"])
def test_the_date_the_policy_took_effect_is_not_given(kb: KnowledgeBase, question: str) -> None:
    answer = kb.ask(question)
    assert answer.outcome != "answered" and "date" in answer.not_in_policy, (answer.outcome, answer.not_in_policy)


def test_whose_data_is_not_a_thing_the_policy_must_list(kb: KnowledgeBase) -> None:
    answer = kb.ask("解約済みの元会員さんから『自分のデータ持ってるなら全部見せて』と連絡がありました。解約後でも開示は必要ですか？")
    assert answer.outcome == "answered" and answer.sections[:1] == ["10"], (answer.outcome, answer.not_in_policy)


def test_the_policy_as_a_basis_is_not_what_is_asked() -> None:
    """「ポリシーを根拠に」 names the basis of the asking, not its object: the question still points back."""
    found = focus("派遣で来ている方が、お客様の連絡先一覧を私物のスマートフォンで撮影していました。ポリシーを根拠にやめさせたいのですが何条？")
    assert found is not None and "連絡先一覧" in found.question, found


def test_a_fragment_adds_to_the_sentence_before_it() -> None:
    """「今週中にやりたいらしい。」 asks, but has one topic word: the question pointing back reaches the sentence before it too."""
    found = focus("営業部から、お客様の通話録音をまるごと外部の分析会社に渡して分析してもらいたいと相談されました。今週中にやりたいらしい。これって問題ない？")
    assert found is not None and "通話録音" in found.question, found
