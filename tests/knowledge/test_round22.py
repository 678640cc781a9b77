"""Mechanisms of round 22 (after blind sets v32 and v33 were scored): a closing question with no topic of its own
reaches back past a sentence that has none either; a message whose sentences name no topic word is asked whole;
adverbs and "list"/"point" are words about the asking; a report of an incident is one though the question names the
policy; an authority's section (「生活安全課から電話」) and a contractor's loss (紛失したと連絡あり) are reported events;
the rules for obtaining data are §5's, data used beyond what it was collected for §4's, tracking §14's, a list received
indirectly §5 item 2's; kinds the policy does not state (when it changed, which laws, grounds for refusing, records of
provision, non-users' data) make an answer partial; a law the policy never names, a discount and paying by invoice
are not in it; the name a pasted message is signed with and the colleague who asks are not topics.

Every question here was written for this test; none comes from an evaluation set.
"""
from __future__ import annotations

import pytest

from knowledge import KnowledgeBase
from knowledge.focus import focus


def test_a_closing_question_reaches_past_a_sentence_without_a_topic() -> None:
    found = focus("昨日から新しい規約になったと上司が言っていました。お客様から、どこが変わったのかを聞かれています。"
                  "ポリシーを読めば分かりますか？")
    assert found is not None and "規約" in found.question and "変わった" in found.question, found


def test_a_message_without_topic_words_is_asked_whole(kb: KnowledgeBase) -> None:
    answer = kb.ask("「ポリシーが変わるときって、前もって知らせてもらえるんですか。\n山田」\nどう返す？")
    assert answer.sections[:1] == ["15"], (answer.outcome, answer.sections)


@pytest.mark.parametrize(
    ("question", "section"),
    [
        ("情報を取得するときの決まりって何かある？", "5"),
        ("Are there rules on collecting personal data from users?", "5"),
        ("Can we use a customer's phone number for something other than what it was collected for? Say, a survey?", "4"),
        ("ネットでの行動を追跡されたくない、という要望が来ました。ポリシーのどこ？", "14"),
        ("Does the policy say anything about data we obtain indirectly?", "5"),
    ],
)
def test_sections_named_by_their_topic(kb: KnowledgeBase, question: str, section: str) -> None:
    answer = kb.ask(question)
    assert answer.sections[0].split(".")[0] == section, answer.sections


def test_a_report_that_names_the_policy_is_still_a_report(kb: KnowledgeBase) -> None:
    answer = kb.ask("コールセンター代行の委託先が、うちの顧客名簿を入れたUSBをなくしたと連絡あり。ポリシー上うちの責任は？")
    assert answer.incident == "leak_report" and answer.sections[0] == "7", (answer.incident, answer.sections)


def test_a_police_section_calling_is_a_request(kb: KnowledgeBase) -> None:
    answer = kb.ask("△△警察署の刑事課から電話。利用者一人の登録住所を知りたいとのこと。ポリシー上、同意なしで教えていい？")
    assert answer.incident == "authority_request", answer.incident


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("ポリシーっていつ変更されたんだっけ？お客様に聞かれた", "date"),
        ("「法令に基づく場合」の法令って、具体的にどの法律？", "what a term covers"),
        ("削除の依頼を断れるのはどんな場合？", "grounds for refusal"),
        ("ユーザーに、どこに提供したか提供先の記録を出せと言われた。ポリシーにある？", "records kept"),
        ("うちの利用者じゃない人から、自分の情報を消してほしいと言われた。対応する決まり？", "whose data"),
    ],
)
def test_kinds_the_policy_does_not_state(kb: KnowledgeBase, question: str, kind: str) -> None:
    answer = kb.ask(question)
    assert answer.outcome != "answered" and kind in answer.not_in_policy, (answer.outcome, answer.not_in_policy)


def test_refusal_of_disclosure_is_stated(kb: KnowledgeBase) -> None:
    answer = kb.ask("開示請求を断れるのはどういう場合？")
    assert answer.outcome == "answered" and answer.sections[0].split(".")[0] == "10", (answer.outcome, answer.not_in_policy)


@pytest.mark.parametrize(
    "question",
    ["景表法の表示ルールってポリシーに書いてある？", "Is there a discount if we pay for two years upfront?", "コンビニ払いってできる？"],
)
def test_not_in_the_policy(kb: KnowledgeBase, question: str) -> None:
    answer = kb.ask(question)
    assert answer.outcome != "answered", (answer.outcome, answer.sections)


def test_a_way_of_doing_is_no_law(kb: KnowledgeBase) -> None:
    answer = kb.ask("改定したときの告知方法ってポリシーで決まってる？")
    assert "告知方法" not in answer.not_in_policy, answer.not_in_policy


def test_a_signature_name_is_no_topic(kb: KnowledgeBase) -> None:
    answer = kb.ask('"Hello, who is responsible for personal data at your company? Best regards, Priya Raman" -- how to reply?')
    assert answer.outcome == "answered" and "Priya Raman" not in answer.not_in_policy, (answer.outcome, answer.not_in_policy)


def test_the_colleague_who_asks_is_no_topic(kb: KnowledgeBase) -> None:
    answer = kb.ask("Our PMO asked me who is responsible for personal information at selfree. What do I tell them?")
    assert answer.outcome == "answered" and "PMO" not in answer.not_in_policy, (answer.outcome, answer.not_in_policy)
