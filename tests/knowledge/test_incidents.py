"""A staff member reporting a possible leak or an authority's request gets the section that applies, cited first.

Such a message names data (§2), a request (§10, §11) and a channel; matched on words alone, any of them can come
first. What governs the next step is §6 (safe management, overseen by §9's manager) for a leak, and §8 item 6 /
§4 item 1 ("when permitted by law") for data asked for by an authority. Every message here was written for this
test; none comes from an evaluation set.
"""
from __future__ import annotations

import pytest

from knowledge import KnowledgeBase


LEAKS = [
    "顧客リストを間違えて別のお客様にメールで送ってしまいました。どうすればいいですか？",
    "漏えいしたかもしれません。管理画面のエクスポートファイルが外部から見える状態でした。",
    "We emailed a customer list to the wrong person this morning. What should I do?",
    "I think some user data may have leaked, a colleague's laptop was stolen.",
    "お客様から以下の問い合わせがありました。\n「御社から届いた請求書に、知らない会社の住所が記載されていました。どういうことですか。」\n"
    "対応方法を教えてください。",
    # a staff member's own words: 「メールしちゃった」, a login nobody can account for, found and then asked about
    "やばい、顧客リストを間違えて別の会社にメールしちゃった",
    "管理画面に見覚えのないログインの履歴を見つけた。ポリシー上どうすればいい？",
]
AUTHORITIES = [
    "警察から電話があって、ある利用者の登録情報を提出してほしいと言われています。対応どうすればいい？",
    "The police called and asked us to hand over a user's call logs. Can we give it to them?",
    "税務署から利用者の情報について照会が来ました。",
    "A regulator sent us a letter asking for records about one of our users.",
    "弁護士会から23条照会が届きました。回答していいですか？",  # 「23条」 names the law's article, not a section
    "弁護士法第23条の2に基づく照会が来ました",
    # the request reported and then a question about the rules: still a request received
    "検察から利用者の通話履歴について照会がきました。本人の同意がなくても出していいの？",
    "A regional court sent us an order for one user's login history. What does our policy let us do?",
]
#: A condition, not an event: the guidance would push aside the answer to a question about the rules.
HYPOTHETICAL = [
    "If the police sent us a request for a user's data, what does the policy say?",
    "警察から照会がきたらどうすればいい？",
]


@pytest.mark.parametrize("message", LEAKS)
def test_a_leak_report_cites_safe_management_first(kb: KnowledgeBase, message: str) -> None:
    """§6 and §9 are what the policy says about it, but not what to do now: that is partial, and the reply (after the
    guidance of the bot's own) says the policy is silent on it."""
    answer = kb.ask(message)
    assert answer.outcome == "partial" and "incident response" in answer.not_in_policy, answer.not_in_policy
    assert [s.split(".")[0] for s in answer.sections[:2]] == ["6", "9"], answer.sections


@pytest.mark.parametrize(
    "question",
    [
        "情報漏えいが起きたら何をすればいい？",
        "もし顧客データが流出したら、誰にどう報告する決まり？",
        "What's our process if customer data gets exposed by a hacked account?",
        "if we ever send someone's file to the wrong customer, what are the steps?",
    ],
)
def test_how_to_handle_a_leak_is_not_in_the_policy(kb: KnowledgeBase, question: str) -> None:
    answer = kb.ask(question)
    assert answer.outcome != "answered" and "incident response" in answer.not_in_policy, (
        answer.outcome, answer.not_in_policy)


@pytest.mark.parametrize("question", ["顧客データって漏えいしないように守られてる？", "Is customer data protected against leaks?"])
def test_whether_data_is_kept_safe_is_answered(kb: KnowledgeBase, question: str) -> None:
    answer = kb.ask(question)
    assert answer.outcome == "answered" and answer.sections[0].split(".")[0] == "6", (answer.outcome, answer.sections)


@pytest.mark.parametrize("message", AUTHORITIES)
def test_an_authority_request_cites_provision_permitted_by_law_first(kb: KnowledgeBase, message: str) -> None:
    answer = kb.ask(message)
    assert answer.outcome == "answered", answer.not_in_policy
    assert answer.sections[0] == "8.6" and answer.sections[1].split(".")[0] == "4", answer.sections


def test_news_of_a_leak_elsewhere_lifts_nothing(kb: KnowledgeBase) -> None:
    """No incident here is reported, so nothing is lifted: the cookie question still finds §14."""
    answer = kb.ask("I read in the news that another company leaked call recordings. How do users opt out of cookies here?")
    assert answer.sections[0].split(".")[0] == "14", answer.sections


@pytest.mark.parametrize("message", HYPOTHETICAL)
def test_a_condition_is_no_incident(kb: KnowledgeBase, message: str) -> None:
    assert kb.ask(message).incident is None
