"""Mechanisms of round 12 (after blind sets v15 and v16 were scored): where in the policy something is written is no
question of where data is kept; 担当者, an everyday word, names nobody's role in §9; and the lifts of this round.

Every question here was written for this test; none comes from an evaluation set.
"""
from __future__ import annotations

import pytest

from knowledge import KnowledgeBase
from knowledge.answerability import kinds_asked
from knowledge.focus import focus


@pytest.mark.parametrize("question", ["委託先の監督をしてるってポリシーのどこに書いてある？", "責任者を置いてるのはどこに載ってる？"])
def test_where_in_the_policy_is_no_place_where_data_is_kept(question: str) -> None:
    assert "place or country" not in [kind.id for kind in kinds_asked(question)]


def test_where_data_is_put_is_still_a_place() -> None:
    assert "place or country" in [kind.id for kind in kinds_asked("顧客のデータを置いてるのってどこ？")]


def test_a_person_in_charge_named_in_a_story_is_no_privacy_manager(kb: KnowledgeBase) -> None:
    answer = kb.ask("ユーザーが担当者の氏名をチャットに自分で書いて外に出た。責任ある？")
    assert answer.sections[0].split(".")[0] == "12", answer.sections


@pytest.mark.parametrize(
    "question",
    ["お世話になっております。私個人について御社が保管している情報の項目を、一覧にしていただけますか。",
     "当方の担当者として登録した私の連絡先など、御社で保持している内容のリストを送ってほしいです。"],
)
def test_what_is_held_about_the_writer_asked_to_be_listed_is_disclosure(kb: KnowledgeBase, question: str) -> None:
    answer = kb.ask(question)
    assert answer.sections[0] == "10", answer.sections


@pytest.mark.parametrize(
    "question",
    ["新聞社の記者から、あるユーザー企業の契約状況を教えてほしいと連絡がありました。断るとしてポリシーの根拠は？",
     "A reporter called asking for the usage figures of one of our customers. Which part of the policy lets us say no?"],
)
def test_the_press_asking_about_a_user_asks_for_provision_to_a_third_party(kb: KnowledgeBase, question: str) -> None:
    answer = kb.ask(question)
    assert answer.sections[0].split(".")[0] == "8", answer.sections


@pytest.mark.parametrize(
    "question",
    ["kintone連携で向こうに送った顧客データも、うちのプラポリで保護されるの？",
     "If a customer syncs call notes into HubSpot, is that data still covered by our privacy policy?"],
)
def test_whether_the_policy_covers_something_is_its_scope(kb: KnowledgeBase, question: str) -> None:
    answer = kb.ask(question)
    assert answer.sections[0].split(".")[0] == "1", answer.sections


@pytest.mark.parametrize(
    "question",
    ["Do you transfer my personal data to your subsidiaries?", "グループ会社に顧客データを渡すのってあり？", "関連会社へ名簿を提供しても大丈夫？"],
)
def test_data_given_to_another_company_is_provision_to_a_third_party(kb: KnowledgeBase, question: str) -> None:
    answer = kb.ask(question)
    assert answer.outcome == "answered" and answer.sections[0].split(".")[0] == "8", (answer.outcome, answer.sections)


def test_data_given_to_a_company_that_works_for_us_is_not_lifted_to_provision(kb: KnowledgeBase) -> None:
    answer = kb.ask("委託先の会社にデータを渡すときのルールは？")
    assert answer.sections[0].split(".")[0] == "7", answer.sections


def test_a_question_the_writer_says_they_write_to_ask_is_the_question() -> None:
    found = focus("Dear team,\nI am writing to ask whether you keep call recordings after I cancel. Please confirm by post.\nKen")
    assert found is not None and "call recordings" in found.question, found


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("再委託先の会社名ってポリシーに載ってる？", "named vendors"),
        ("Which third parties have seen my records so far?", "named vendors"),
        ("Have we had any security incidents in the last two years?", "past incidents"),
        ("ここ3年で情報漏えいの事故ってあった？", "past incidents"),
        ("The caller says he is the user's solicitor and asks for her billing history.", "request by an agent"),
        ("Do customers need 14 days' notice before we change anything?", "number of days"),
        ("病院のお客さんから、患者の情報を扱うときの特別なルールはあるか聞かれた", "sensitive data"),
        ("Can support use call transcripts to train our AI models?", "AI training"),
    ],
)
def test_kinds_of_fact_in_the_words_of_vendor_questionnaires(question: str, kind: str) -> None:
    assert kind in [k.id for k in kinds_asked(question)]


@pytest.mark.parametrize(
    "question",
    ["She is on the paid plan and wants us to stop using her data. Possible?", "代理店から名簿をもらう。本人から同意を取ってるか確認は必要？"],
)
def test_a_paid_plan_named_or_consent_obtained_asks_no_fee_and_no_item(question: str) -> None:
    asked = [k.id for k in kinds_asked(question)]
    assert "fee" not in asked, asked


def test_a_question_whose_only_verb_is_in_te_form_points_back() -> None:
    found = focus("取引先から監査の質問票が来た。\n通話録音の保存期間を書く欄がある。\nポリシーに載ってる情報で書けますか？")
    assert found is not None and "保存期間" in found.question, found


def test_a_leak_with_the_question_what_the_policy_promises_about_safety_is_answered(kb: KnowledgeBase) -> None:
    answer = kb.ask("A user just told us they can see another company's contacts in their account. "
                    "What does our policy promise about keeping data safe?")
    assert answer.incident == "leak_report" and answer.outcome == "answered", (answer.incident, answer.outcome)


def test_a_leak_with_the_question_what_to_do_stays_partial(kb: KnowledgeBase) -> None:
    answer = kb.ask("A user just told us they can see another company's contacts in their account. What do we do now?")
    assert answer.outcome == "partial" and "incident response" in answer.not_in_policy, (answer.outcome, answer.not_in_policy)
