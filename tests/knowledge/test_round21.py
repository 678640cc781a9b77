"""Mechanisms of round 21 (after blind sets v30 and v31 were scored): a section called by its number with 番 or a
heading asked for as a セクション is a look-up; who is responsible for personal data is §9's manager, and data the user
gave out themselves is §12's case, whatever other words they use; a list from a partner company (パートナー企業) is
obtained indirectly; ads chosen by who the visitor is are §14's; a kind of fact is asked only when the sentence asks
for it (a name on an account, a count described, an audit firm named as the occasion are not asked); English words in
a Japanese sentence are read as words; the company's own name is no vendor list; sensitive data and techniques of
de-identification are not in the policy.

Every question here was written for this test; none comes from an evaluation set.
"""
from __future__ import annotations

import pytest

from knowledge import KnowledgeBase


@pytest.mark.parametrize(
    ("question", "section"),
    [
        ("プラポリの11番の全文を見せて", "11"),
        ("規約の七番ってなんて書いてある？", "7"),
        ("3番の条文ください", "3"),
        ("「委託先の監督」のセクションを表示して", "7"),
    ],
)
def test_look_ups_by_ban_and_by_section(kb: KnowledgeBase, question: str, section: str) -> None:
    answer = kb.ask(question)
    assert answer.outcome == "answered" and answer.sections == [section], (answer.outcome, answer.sections)


def test_ichiban_is_no_section_number(kb: KnowledgeBase) -> None:
    answer = kb.ask("一番気をつけるべき条文はどれ？")
    assert answer.sections[:1] != ["1"] or answer.outcome != "answered", answer.sections


@pytest.mark.parametrize(
    "question",
    [
        "Who oversees privacy and personal data protection at our company?",
        "A client's compliance form asks who is responsible for personal information protection. What do I put?",
        "取引先の調査票に個人情報の責任者の名前を書く欄がある。誰を書けばいい？",
    ],
)
def test_who_is_responsible_is_the_manager(kb: KnowledgeBase, question: str) -> None:
    answer = kb.ask(question)
    assert answer.outcome == "answered" and answer.sections[0].split(".")[0] in {"9", "16"}, (answer.outcome, answer.sections)


@pytest.mark.parametrize(
    "question",
    [
        "One of our users shared his password with a coworker, who then looked at his call logs. Is that our fault?",
        "利用者が知人にログインIDを教えてしまって、その知人が勝手に使ったみたい。うちの責任になる？",
        "掲示板に自分の電話番号を載せたら迷惑電話が来るようになった、御社の責任だ、と言われています。",
    ],
)
def test_data_the_user_gave_out_is_the_disclaimer(kb: KnowledgeBase, question: str) -> None:
    answer = kb.ask(question)
    assert answer.sections[0].split(".")[0] == "12", answer.sections


def test_asking_where_we_got_ones_data_is_not_giving_it_out(kb: KnowledgeBase) -> None:
    answer = kb.ask("私の住所をどこで手に入れたのか教えてください、という問い合わせです。ポリシーでは？")
    assert answer.sections[0].split(".")[0] != "12", answer.sections


def test_a_list_from_a_partner_company(kb: KnowledgeBase) -> None:
    answer = kb.ask("展示会の来場者リストを協業しているパートナー企業から受け取りました。営業に使う前に何を確かめる？")
    assert answer.sections[0] == "5.2", answer.sections


def test_ads_by_age_and_job_are_cookies_and_ads(kb: KnowledgeBase) -> None:
    answer = kb.ask("会員の職業や年齢で広告を出し分ける施策をやりたいと言われた。ポリシーでカバーされてる？")
    assert answer.sections[0].split(".")[0] == "14", answer.sections


@pytest.mark.parametrize(
    ("question", "section"),
    [
        ("He wants the name on his profile corrected because it is misspelled. Which section covers that?", "11"),
        ("広報が月ごとの問い合わせ件数の推移を、個人が分からない形で記事にしたいそうです。ポリシー上問題ない？", "13"),
        ("来月、監査法人の訪問があります。個人情報の管理責任者は誰と答えればいいですか？", "16"),
    ],
)
def test_a_kind_described_is_not_asked(kb: KnowledgeBase, question: str, section: str) -> None:
    answer = kb.ask(question)
    assert answer.outcome == "answered" and answer.sections[0].split(".")[0] == section, (answer.outcome,
                                                                                          answer.not_in_policy)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("leakしたときのnotificationって誰に送るルール？", "notification"),
        ("顧客データの保管先の国・地域はどこですか", "place or country"),
        ("委託先の監査って実施してる？", "audit"),
        ("センシティブな情報の取り扱いに特別なルールはある？", "sensitive data"),
        ("When exactly will the deletion be finished?", "number of days"),
    ],
)
def test_kinds_the_policy_does_not_state(kb: KnowledgeBase, question: str, kind: str) -> None:
    answer = kb.ask(question)
    assert answer.outcome != "answered" and kind in answer.not_in_policy, (answer.outcome, answer.not_in_policy)


def test_de_identification_techniques_are_not_named(kb: KnowledgeBase) -> None:
    answer = kb.ask("統計にするとき差分プライバシーとかの手法は使ってる？")
    assert answer.outcome != "answered", answer.not_in_policy


def test_a_contact_point_is_no_vendor(kb: KnowledgeBase) -> None:
    answer = kb.ask("個人情報の相談の連絡先ってどこ？")
    assert answer.outcome == "answered" and answer.sections[0].split(".")[0] == "16", (answer.outcome, answer.not_in_policy)
