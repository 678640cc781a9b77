"""Mechanisms of round 26 (after blind sets v40 and v41 were scored): a name still the maiden one, or a detail to be
changed to a new one, is a correction (§11); whether consent is needed to hand data over is §8's, even to a vendor; an
act "covered by the policy" and a foreign law's rights are no question of §1's scope; data got from other sources is
§5's; outsiders handling our data for us is §7's; part of a disclosure held back is §10's; a stop of use asked in the
person's words is §11's; users to be told of a tweaked policy is §15's; a firm and a name signing a flattened paste are
no part of the question, and help with the reply after a question asked outright adds nothing to it. A channel is asked
only within its sentence; "by name" is asked only in a question; 何年で捨てる asks a retention period; "what's the phone
number?" asks a number the policy does not give.

Every question here was written for this test; none comes from an evaluation set.
"""
from __future__ import annotations

import pytest

from knowledge import KnowledgeBase


@pytest.mark.parametrize(
    ("question", "section"),
    [
        ("結婚後も登録名が旧姓のままになっていると連絡あり。どの条項で対応する？", "11"),
        ("お客様が登録住所を新しいものに変えたいそうです。手続きはどこに書いてある？", "11"),
        ("当選者の住所を運送業者に渡したい。本人の同意って改めて取る必要ある？", "8"),
        ("Do we need permission from each user before passing their emails to the mailing vendor?", "8"),
        ("Is selling anonymised insights to a partner covered by the policy?", "8"),
        ("Are the records we receive from external sources checked for how they were gathered?", "5"),
        ("サポート窓口を外部の会社に任せる予定で、その会社に顧客情報を扱ってもらいます。ポリシー上の注意点は？", "7"),
        ("開示請求の回答で、他の人の名前が出てくる部分だけ黒塗りにして出すことはできる？", "10"),
        ("Can we keep some records back when a customer asks for a copy of his file?", "10"),
        ("A member says he no longer wants us to process his data but wants to stay subscribed. Which clause applies?", "11"),
        ("We reworded one sentence of the privacy policy. Must we notify all users?", "15"),
    ],
)
def test_sections_named_by_their_shape(kb: KnowledgeBase, question: str, section: str) -> None:
    answer = kb.ask(question)
    assert answer.sections[0].split(".")[0] == section, answer.sections


def test_a_foreign_law_is_no_question_of_scope(kb: KnowledgeBase) -> None:
    answer = kb.ask("Does our policy cover CCPA consumer rights for users in California?")
    assert answer.outcome != "answered", (answer.outcome, answer.sections)


def test_a_flattened_signature_is_no_part_of_the_question(kb: KnowledgeBase) -> None:
    message = ("件名：ご相談 自分でメモ欄に書いた連絡先を見た第三者から連絡が来ました。これは御社の責任でしょうか。"
               " 有限会社ミナミ 総務 大野  返信どうしよう？")
    answer = kb.ask(message)
    assert answer.outcome == "answered" and answer.sections[0].split(".")[0] == "12", (answer.outcome, answer.sections)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("通話ログって何年で破棄するルール？", "retention period"),
        ("Can I reach the privacy officer by phone? What's the phone number?", "phone number or address"),
    ],
)
def test_kinds_the_policy_does_not_state(kb: KnowledgeBase, question: str, kind: str) -> None:
    answer = kb.ask(question)
    assert answer.outcome != "answered" and kind in answer.not_in_policy, (answer.outcome, answer.not_in_policy)


def test_a_channel_told_in_the_story_is_not_asked(kb: KnowledgeBase) -> None:
    answer = kb.ask("市役所から照会があり、回答は郵送で送るそうです。 役所に住民の住所を出してもいいんですか？")
    assert "channel" not in answer.not_in_policy, answer.not_in_policy


def test_a_name_to_be_fixed_is_no_name_asked(kb: KnowledgeBase) -> None:
    answer = kb.ask("A user's surname is misspelled on the invoice and she wants the name corrected. Which section covers it?")
    assert "person's name" not in answer.not_in_policy and answer.sections[0].split(".")[0] == "11", (
        answer.not_in_policy, answer.sections)
