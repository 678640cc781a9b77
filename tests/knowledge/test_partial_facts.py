"""More kinds of fact the policy leaves open, and the specific value a question names (task H5).

Every question here was written for this test; none comes from an evaluation set.
"""
from __future__ import annotations

import pytest

from knowledge import KnowledgeBase


@pytest.mark.parametrize(
    ("question", "kind", "sections"),
    [
        # a channel named that the cited text does not state (it states another, for something else)
        ("ポリシー改定のとき、ユーザーにメールで一人ずつ連絡してる？", "channel", {"15"}),
        ("When the policy changes, do we email each user about it?", "channel", {"15"}),
        ("他社から名簿を入手するとき、提供元の確認は書面でやってるの？", "channel", {"5"}),
        # which company does a job the policy names only by its kind
        ("クレカ決済の代行会社ってどこを使ってるんだっけ", "named vendors", {"8"}),
        ("プレゼントの配送業者ってどこ？", "named vendors", {"8"}),
        ("which bank do we send billing details to?", "named vendors", {"8"}),
        ("which courier gets the shipping addresses for gifts?", "named vendors", {"8"}),
        ("Could you list all the partner services the policy leaves out?", "named vendors", {"1"}),
        # counts of companies, a period guessed or a vague one made precise, paying
        ("広告主って何社くらいに分析結果を出してる？", "count", {"14"}),
        ("what counts as a reasonable period to fix someone's details?", "number of days", {"11"}),
        ("訂正の依頼、合理的な期間って具体的にどれくらい？", "number of days", {"11"}),
        ("erasure requests - do we get 2 weeks?", "number of days", {"11"}),
        ("They asked for their records last week. Do they have to pay anything for the copy?", "fee", {"10"}),
        # the person told, in the passive
        ("If we hand data to a contractor, is the customer informed?", "notification", {"8", "7"}),
        # the company's phone number or address: §16 gives an email address and a name
        ("個人情報管理責任者の電話番号って分かる？", "phone number or address", {"16", "9"}),
        ("Can I get the privacy manager's phone number?", "phone number or address", {"16", "9", "2"}),
        ("問い合わせ先の住所を教えて、郵送したいので", "phone number or address", {"16"}),
        # details of cookies and of a product's configuration
        ("サイトのクッキーの名前一覧ってある？", "cookie details", {"14"}),
        ("are the ad cookies first-party cookies?", "cookie details", {"14"}),
        ("グーグルアナリティクスでIPの匿名化は設定してる？", "configuration", {"14"}),
        # a place asked as a region
        ("Do we store the statistics in the EU?", "place or country", {"13"}),
    ],
)
def test_partial_names_the_kind(kb: KnowledgeBase, question: str, kind: str, sections: set[str]) -> None:
    answer = kb.ask(question)
    assert answer.outcome == "partial", (answer.outcome, answer.sections, answer.not_in_policy)
    assert kind in answer.not_in_policy and answer.sections[0].split(".")[0] in sections, (
        answer.not_in_policy, answer.sections)


@pytest.mark.parametrize(
    ("question", "sections"),
    [
        ("委託先とは契約を結んでるの？", {"7"}),  # 「とは」 as "with", not a definition
        ("アクセス解析って何使ってる？", {"14"}),  # 「って何」 followed by a verb
        ("can we use the data for other things than what we told users?", {"4", "3"}),  # told, not notified
        ("問い合わせは電話でもいいの？", {"16"}),  # §16 gives the address: that answers which way to use
        ("Which companies get data from the ad tags on our site?", {"14"}),  # §14's table names them
    ],
)
def test_near_misses_stay_answered(kb: KnowledgeBase, question: str, sections: set[str]) -> None:
    answer = kb.ask(question)
    assert answer.outcome == "answered", (answer.not_in_policy, answer.sections)
    assert answer.sections[0].split(".")[0] in sections


@pytest.mark.parametrize(
    "question",
    ["仮名加工情報と匿名加工情報の違いって何？", "what is the difference between anonymised and pseudonymised data?"],
)
def test_a_definition_of_a_term_the_policy_never_uses_is_not_answered(kb: KnowledgeBase, question: str) -> None:
    assert kb.ask(question).outcome != "answered"


def test_a_phone_number_of_the_user_is_not_the_company_s(kb: KnowledgeBase) -> None:
    answer = kb.ask("a user shared their own phone number on social media and got calls - are we liable?")
    assert "phone number or address" not in answer.not_in_policy


def test_a_general_question_about_the_law_reports_no_incident(kb: KnowledgeBase) -> None:
    """"a company that leaks data" in a question about the law is not a leak happening here."""
    answer = kb.ask("Under the APPI, what are the fines for a company that leaks customer data?")
    assert answer.incident is None and answer.outcome != "answered"
    assert "the law itself" in answer.not_in_policy


@pytest.mark.parametrize(
    ("question", "item", "section"),
    [
        ("うちが取得する情報に通話の録音って入ってる？", "通話の録音", "2"),
        ("委託先との基本契約に再委託禁止の条項は含まれる？", "再委託禁止の条項", "7"),
    ],
)
def test_a_thing_asked_to_be_among_what_the_text_lists_must_be_named_there(
    kb: KnowledgeBase, question: str, item: str, section: str
) -> None:
    answer = kb.ask(question)
    assert answer.outcome == "partial" and item in answer.not_in_policy, (answer.outcome, answer.not_in_policy)
    assert answer.sections[0].split(".")[0] == section


@pytest.mark.parametrize(
    "question", ["取得する情報に端末の位置情報は含まれる？", "Cookieの送信先にヤフーは入ってる？", "取得情報にIPアドレスも含まれますか"]
)
def test_a_thing_the_text_names_is_answered(kb: KnowledgeBase, question: str) -> None:
    assert kb.ask(question).outcome == "answered"
