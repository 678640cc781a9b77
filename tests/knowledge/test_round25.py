"""Mechanisms of round 25 (after blind sets v38 and v39 were scored): data handed to a vendor that works for us is
§7's; what a visit to the site gives away and pages viewed are §14's; the means of collecting, said either way round,
are §5's, and so is data that comes through partners rather than from the user; a use other than what the user was
told is §4's; a quoted request ending 「…消して」とのこと is a request, and 開示していただく asks for one's own data;
reasons for refusing, "how long … is supposed to take", "records like that", a company that "might be acquired" and
"SSO (SAML)" are kinds or terms the policy does not state; an incident told in the plain past (誤送信した) is one.

Every question here was written for this test; none comes from an evaluation set.
"""
from __future__ import annotations

import pytest

from knowledge import KnowledgeBase


@pytest.mark.parametrize(
    ("question", "section"),
    [
        ("保守を頼むベンダーに顧客の通話履歴を渡すことになりそう。ポリシー上何を整えておけばいい？", "7"),
        ("ホームページを見ただけで情報を取られるのは嫌だ、という声が来ています。どう説明する？", "14"),
        ("Marketing wants to group users by the pages they visited and send the stats to an ad partner. OK?", "14"),
        ("うちは適正なやり方で個人情報を集めてるって言い切れる？", "5"),
        ("Is there a rule for data we get via partners rather than from the user directly?", "5"),
        ("Can we use an email address for something other than what we originally told the customer?", "4"),
        ("元会員から電話、「登録してる情報をもう全部消して」とのこと。手続きは？", "11"),
        ("ユーザーから、御社が持っている私の情報を開示していただけますかとメールが来ました。", "10"),
    ],
)
def test_sections_named_by_their_topic(kb: KnowledgeBase, question: str, section: str) -> None:
    answer = kb.ask(question)
    assert answer.sections[0].split(".")[0] == section, answer.sections


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("訂正の依頼を断れる根拠ってポリシーにある？", "grounds for refusal"),
        ("Tell me how long an erasure request is supposed to take under our policy.", "number of days"),
        ("A user wants every transfer of his data listed. Do we keep any records like that?", "records kept"),
        ("If our company might be acquired, what does the policy say happens to user data?", "business transfer"),
    ],
)
def test_kinds_the_policy_does_not_state(kb: KnowledgeBase, question: str, kind: str) -> None:
    answer = kb.ask(question)
    assert answer.outcome != "answered" and kind in answer.not_in_policy, (answer.outcome, answer.not_in_policy)


def test_a_product_term_in_brackets_is_named(kb: KnowledgeBase) -> None:
    answer = kb.ask("MFA（TOTP）って使える？顧客のセキュリティ担当に聞かれた")
    assert answer.outcome != "answered", (answer.outcome, answer.sections)


def test_an_incident_told_in_the_plain_past(kb: KnowledgeBase) -> None:
    answer = kb.ask("顧客の住所リストを別の取引先に誤送信した。まず何をすればいい？")
    assert answer.incident == "leak_report", answer.incident
