"""Mechanisms of round 18 (after blind sets v24 and v25 were scored): how long something takes is a length the
policy never gives (「合理的な期間」 is no number of days); the policy changing, cookies and ads, and data handed to an
outside firm to handle belong to §15, §14 and §7 whatever else their words name; a spouse who says "she" asks for
someone else's data; a partner's company hands over a list; showing a user their data is disclosure; the last kanji
before kana is a verb's stem, not part of an unknown word; and, in rounds 19 and 20, more wordings of the same shapes and kinds.

Every question here was written for this test; none comes from an evaluation set.
"""
from __future__ import annotations

import pytest

from knowledge import KnowledgeBase


@pytest.mark.parametrize("question", ["How long will it take us to erase a closed account's data?", "訂正の対応ってなんにちかかる？"])
def test_how_long_it_takes_is_not_stated(kb: KnowledgeBase, question: str) -> None:
    answer = kb.ask(question)
    assert answer.outcome != "answered" and "number of days" in answer.not_in_policy, (answer.outcome, answer.not_in_policy)


def test_how_fast_is_answered_by_without_delay(kb: KnowledgeBase) -> None:
    answer = kb.ask("How quickly must we reply when a user asks to see their data?")
    assert answer.outcome == "answered" and answer.sections[0] == "10", (answer.outcome, answer.sections)


@pytest.mark.parametrize(
    ("question", "section"),
    [
        ("規約が変わったとき、お客様にはどうやって伝えるんでしたっけ？", "15"),
        ("A user says we changed the privacy policy without emailing her. Was that against our own policy?", "15"),
        ("Our FAQ says we only use one analytics tool with cookies. Is that what the policy lists?", "14"),
        ("サイトを見てから広告がやたら出てくる、私の閲覧データをどこに送ってるの、というメールが来ました。どう答える？", "14"),
        ("開発部が、問い合わせログの分析を外部の業者に任せたいそうです。外部に預けるときのルールは？", "7"),
    ],
)
def test_sections_named_by_their_topic(kb: KnowledgeBase, question: str, section: str) -> None:
    answer = kb.ask(question)
    assert answer.sections[0].split(".")[0] == section, answer.sections


def test_a_husband_asking_about_her(kb: KnowledgeBase) -> None:
    answer = kb.ask("A man phoned saying he is the husband of one of our users. He wants to know which e-mail address "
                    "she signed up with. Can I tell him?")
    assert answer.sections[0].split(".")[0] == "8", answer.sections


def test_a_list_from_a_partners_company(kb: KnowledgeBase) -> None:
    answer = kb.ask("代理店の会社から見込み客の名簿をもらいました。使う前に確認すべきことはありますか？")
    assert answer.sections[0].split(".")[0] == "5", answer.sections


def test_when_we_may_refuse_to_show_a_user_their_data(kb: KnowledgeBase) -> None:
    answer = kb.ask("When are we allowed to refuse to show a customer the data we keep on them?")
    assert answer.sections[0].split(".")[0] == "10", answer.sections


def test_a_verb_stem_is_no_unknown_word(kb: KnowledgeBase) -> None:
    answer = kb.ask("委託先とはどういう契約結ぶことになってる？")
    assert answer.outcome == "answered", (answer.outcome, answer.not_in_policy)


@pytest.mark.parametrize(
    ("question", "section"),
    [
        # round 19: a contractor acting for us is no agent of the user
        ("外注先がうちの代わりにDMを発送するのは、本人の同意なしでいいの？", "8"),
        # round 19: the right value given (正しくは) is a correction
        ("お客様から「登録の住所が旧住所のままですが、正しくは横浜市の新住所です」と連絡がありました。どう対応する？", "11"),
        # round 19: whether the policy governs a partner's storage
        ("A client asks: does your privacy policy also govern how our helpdesk vendor stores tickets it receives?", "1"),
    ],
)
def test_round_19_shapes(kb: KnowledgeBase, question: str, section: str) -> None:
    answer = kb.ask(question)
    assert answer.outcome == "answered" and answer.sections[0].split(".")[0] == section, (answer.outcome, answer.sections)


def test_a_note_found_inside_is_reported_not_asked(kb: KnowledgeBase) -> None:
    answer = kb.ask("本人から登録情報を全部見せてと言われました。ただ、中に担当者の評価メモも入っていて、出すと揉めそうです。全部出す必要ありますか？")
    assert answer.outcome == "answered", (answer.outcome, answer.not_in_policy)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # round 20: the manager's number asked with 知りたい after it
        ("個人情報の管理責任者の電話番号が知りたい", "phone number or address"),
        # round 20: two words between "which" and the vendors
        ("Which external processing vendors handle our users' data?", "named vendors"),
    ],
)
def test_round_20_kinds(kb: KnowledgeBase, question: str, kind: str) -> None:
    answer = kb.ask(question)
    assert answer.outcome != "answered" and kind in answer.not_in_policy, (answer.outcome, answer.not_in_policy)


@pytest.mark.parametrize(
    ("question", "section"),
    [
        ("A client's counsel asks whether our privacy policy governs what their CRM vendor does with synced data.", "1"),
        ("Sales wants to load contacts that a trade-fair organiser collected. What does the policy say about data we get "
         "second-hand from another company?", "5"),
    ],
)
def test_round_20_shapes(kb: KnowledgeBase, question: str, section: str) -> None:
    answer = kb.ask(question)
    assert answer.sections[0].split(".")[0] == section, answer.sections


def test_a_legal_document_is_not_what_the_scope_rule_answers(kb: KnowledgeBase) -> None:
    answer = kb.ask("A prospect's lawyer wants our Binding Corporate Rules before signing. Does our policy cover this?")
    assert answer.outcome != "answered", (answer.outcome, answer.sections)
