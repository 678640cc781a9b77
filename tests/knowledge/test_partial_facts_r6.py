"""Mechanisms of round 6: names and terms of art in Japanese sentences, a specific figure asked for in other words,
questions about changes to the law, and a company or a document asked for in Japanese word orders.

Every question here was written for this test; none comes from an evaluation set.
"""
from __future__ import annotations

import pytest

from knowledge import KnowledgeBase


@pytest.mark.parametrize(
    ("question", "term"),
    [
        # a capitalised Latin word in a Japanese sentence is a name (a vendor, a product, a standard)
        ("問い合わせ管理ってZendesk使ってるの？", "Zendesk"),
        ("メール配信はMailchimp？", "Mailchimp"),
        ("社内チャットのTeamsに顧客情報を貼っていい？", "Teams"),
        # a term of art: a known noun with a qualifier the policy never uses
        ("匿名加工情報を作るときの決まりは？", "匿名加工情報"),
        ("仮名加工情報として社内分析に回すのはOK？", "仮名加工情報"),
        ("要配慮個人情報にあたる項目はある？", "要配慮個人情報"),
    ],
)
def test_a_name_or_term_of_art_the_policy_never_uses_holds_the_answer_back(
    kb: KnowledgeBase, question: str, term: str
) -> None:
    answer = kb.ask(question)
    assert answer.outcome != "answered", (answer.outcome, answer.sections, answer.not_in_policy)
    assert term in answer.not_in_policy, answer.not_in_policy


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # a specific figure asked for in other words than "how many days"
        ("Is there a fixed deadline for answering a correction request?", "number of days"),
        ("do we have a hard time limit for deletion requests?", "number of days"),
        ("開示請求の回答に明確な期限ってある？", "number of days"),
        ("訂正の対応って決まった日数があるの？", "number of days"),
        # a company asked for with どこの before the noun, or its name asked for with words between
        ("配送ってどこの業者に頼んでる？", "named vendors"),
        ("サーバーはどこのクラウドを使ってるんですか", "named vendors"),
        ("委託している会社の社名を全部教えてほしい", "named vendors"),
        # documents asked for in Japanese
        ("第三者から情報をもらうとき、どんな書類を確認すればいい？", "identity documents"),
        ("訂正請求のときに何の書類を出してもらうの？", "identity documents"),
        # a certificate that data was deleted; the invoice of the contract
        ("消したなら削除証明書を出してほしいと言われた", "documents"),
        ("Can we give the customer a certificate of deletion?", "documents"),
        ("請求書の送付先の住所を変えてほしい", "product support"),
        # the company's own number, asked as a dedicated line
        ("個人情報の問い合わせ専用の番号ってある？", "phone number or address"),
        ("プライバシー窓口の直通番号を教えて", "phone number or address"),
    ],
)
def test_a_specific_fact_asked_in_other_words_is_named(kb: KnowledgeBase, question: str, kind: str) -> None:
    answer = kb.ask(question)
    assert answer.outcome != "answered", (answer.outcome, answer.sections, answer.not_in_policy)
    assert kind in answer.not_in_policy, (answer.not_in_policy, answer.sections)


@pytest.mark.parametrize(
    "question",
    [
        "個人情報保護法って今度改正されるの？",
        "次の法改正でオプトアウトのルールは変わる？",
        "Is the APPI going to be amended again soon?",
        "When did the last amendment to Japan's privacy law take effect?",
    ],
)
def test_changes_to_the_law_are_the_law_itself(kb: KnowledgeBase, question: str) -> None:
    answer = kb.ask(question)
    assert answer.outcome != "answered", (answer.outcome, answer.sections)


@pytest.mark.parametrize(
    ("question", "section"),
    [
        # names the policy uses, and ordinary compounds of known words, still answer
        ("Google Analyticsのオプトアウトはどこ？", "14"),
        ("CallConnectで取得する情報は？", "2"),
        ("ユーザー情報の第三者提供はどういうときにする？", "8"),
        ("開示請求の期限は？", "10"),
        ("委託先の監督ってどうしてる？", "7"),
    ],
)
def test_known_names_and_compounds_still_answer(kb: KnowledgeBase, question: str, section: str) -> None:
    answer = kb.ask(question)
    assert answer.outcome == "answered", (answer.outcome, answer.sections, answer.not_in_policy)
    assert answer.sections[0].split(".")[0] == section, answer.sections


@pytest.mark.parametrize(
    ("question", "section"),
    [
        # 必須 said of a step the text states, not of an item a user enters
        ("訂正の依頼を受けたら本人確認は必須？", "11"),
        ("利用停止の請求でも本人かどうかの確認って必須ですか", "11"),
    ],
)
def test_a_required_step_the_text_states_is_answered(kb: KnowledgeBase, question: str, section: str) -> None:
    answer = kb.ask(question)
    assert answer.outcome == "answered", (answer.outcome, answer.sections, answer.not_in_policy)
    assert answer.sections[0].split(".")[0] == section, answer.sections


def test_an_item_asked_to_be_required_is_still_partial(kb: KnowledgeBase) -> None:
    answer = kb.ask("メールアドレスの入力って必須なの？")
    assert answer.outcome != "answered" and "required or optional" in answer.not_in_policy, answer.not_in_policy


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("HIPAA の対応ってしてる？", "HIPAA"),
        ("うちは FedRAMP の要件を満たしてる？", "FedRAMP"),
    ],
)
def test_a_standard_complied_with_is_what_is_asked(kb: KnowledgeBase, question: str, term: str) -> None:
    answer = kb.ask(question)
    assert answer.outcome != "answered" and term in answer.not_in_policy, (answer.outcome, answer.not_in_policy)
