"""Mechanisms of round 27 (after blind sets v42 and v43 were scored): data handed to a company named by its kind
(共催企業) and a question about consent is §8's; a report from which no one can be identified is §13's; a change asked
about after the data change was told is §11's; what a staff member said to another firm on a call, or what a user typed
into a field, is §12's; someone other than the user asking is §8's, but whether the policy covers a partner is §1's
whoever asks; "I want all my details gone" is §11's. Recipients asked by name ("I need the names", "which credit card
company", 具体的にどのサービス), a number of days, a record of what was handed over, a number "if there is one", a
product question (a password reset typed in hiragana, a demo account) are kinds the policy does not state; 整理 and
a month's name are no topic; a mishap told as done is an incident even when the question asks how to respond.

Every question here was written for this test; none comes from an evaluation set.
"""
from __future__ import annotations

import pytest

from knowledge import KnowledgeBase


@pytest.mark.parametrize(
    ("question", "section"),
    [
        ("展示会で集めた名刺情報を協賛企業に渡したいそうです。本人の同意は必要？", "8"),
        ("Sales wants to share a 'calls per region' summary with prospects. Nobody can be identified from it. Can we use that freely?", "13"),
        ("He moved and wants the address on his account changed. What do we have to check before we update it?", "11"),
        ("うちのユーザー企業のスタッフが、電話口で自分から取引先に顧客の住所を話してしまったらしい。うちに責任はある？", "12"),
        ("If a member writes her home address in her public profile note and a stranger finds her, are we liable?", "12"),
        ("知らない男性から、本人じゃない人に奥さんの登録電話番号を教えてくれと言われた。教えていい？", "8"),
        ("A client links a partner ticketing tool and asks how that partner uses their data. Does our privacy policy cover partner tools?", "1"),
        ("Voicemail from an ex-subscriber: 'I want every trace of me removed from your databases.' What applies?", "11"),
    ],
)
def test_sections_named_by_their_shape(kb: KnowledgeBase, question: str, section: str) -> None:
    answer = kb.ask(question)
    assert answer.outcome == "answered" and answer.sections[0].split(".")[0] == section, (answer.outcome, answer.sections)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Which outside contractors handle our support tickets? I need the names.", "named vendors"),
        ("Which credit card company processes our subscription payments?", "named vendors"),
        ("ポリシーにある提携サービスって、具体的にどのサービスのこと？", "named vendors"),
        ("She wants to know how long it will take to correct her record. Does the policy give a number of days?", "number of days"),
        ("お客様から、自分の情報を他社に提供した記録を見せてほしいと言われました。", "records kept"),
        ("開示請求って郵送でも受け付けてる？窓口の番号あれば教えて", "phone number or address"),
        ("ろぐいんぱすわーどのりせっとってどうやるの", "product support"),
        ("Where do I create a demo account for tomorrow's customer call?", "product support"),
    ],
)
def test_kinds_the_policy_does_not_state(kb: KnowledgeBase, question: str, kind: str) -> None:
    answer = kb.ask(question)
    assert answer.outcome != "answered" and kind in answer.not_in_policy, (answer.outcome, answer.not_in_policy)


def test_recipients_asked_outright_are_answered_by_the_list(kb: KnowledgeBase) -> None:
    answer = kb.ask("Who exactly are you passing the pages I viewed on your site to? A user wants to know.")
    assert "who exactly" not in answer.not_in_policy and answer.sections[0].split(".")[0] == "14", (
        answer.not_in_policy, answer.sections)


def test_a_meta_word_and_a_month_are_no_topic(kb: KnowledgeBase) -> None:
    answer = kb.ask("A customer who cancelled in October wants all her data deleted. What applies?")
    assert answer.outcome == "answered" and answer.sections[0].split(".")[0] == "11", (answer.outcome, answer.not_in_policy)


def test_a_mishap_told_as_done_is_an_incident(kb: KnowledgeBase) -> None:
    answer = kb.ask("顧客の請求書PDFを誤って別の会社に送ってしまいました。ポリシーに、こういうときどう対応するか書いてある？")
    assert answer.incident == "leak_report", answer.incident
