"""Mechanisms of round 13 (after blind set v17 was scored): more kinds of fact the policy never states (a document
asked in mixed language, GPS-level precision, a cookie banner, another country's law, service levels, their direct
number, which company something is given to), the product named for the company, and a fragment that adds an example
to the question before it.

Every question here was written for this test; none comes from an evaluation set.
"""
from __future__ import annotations

import pytest

from knowledge import KnowledgeBase
from knowledge.answerability import kinds_asked
from knowledge.focus import focus


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("訂正のとき、どのID documentを見せてもらう？", "identity documents"),
        ("位置情報ってどれくらいの細かさで取ってる？", "precision"),
        ("Cookieバナーで同意を取る仕組みってポリシーにある？", "how consent is obtained"),
        ("Is recording calls lawful under California law?", "jurisdiction"),
        ("What uptime do we promise in the SLA?", "product support"),
        ("She asked for his direct telephone number.", "phone number or address"),
        ("集計したデータはどこの会社に渡してるの？", "named vendors"),
    ],
)
def test_more_kinds_of_fact(question: str, kind: str) -> None:
    assert kind in [k.id for k in kinds_asked(question)]


def test_the_product_named_for_the_company(kb: KnowledgeBase) -> None:
    answer = kb.ask("利用者が自分で画面共有して顧客の名前を見せてしまい、見られた側からCallConnectの責任じゃないかと言われた。どう答える？")
    assert answer.sections[0].split(".")[0] == "12", answer.sections


def test_a_fragment_with_an_example_belongs_to_the_question_before_it() -> None:
    found = focus("解約したお客様から問い合わせ。\n削除にかかる期間ってポリシーで決まってる？\n2週間とか")
    assert found is not None and "2週間とか" in found.question, found
