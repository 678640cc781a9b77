"""Mechanisms of round 17 (after blind sets v22 and v23 were scored): a section counted in order (「七番目の項目」,
"the seventh section"); whether the policy may answer for a partner's service; an act of giving out named without
the data (「一切外部に提供しないで」), unless the user gave it out; a reseller handing us its list; a record of payments
held, or a pricing page visited, asks no fee; "the list" and "everything" point back; where data is kept (japan only,
out of the EU), when it is erased (いつ消される), the date of a revision are facts the policy never states, while "call
history of" asks no past incident; a name the policy gives is stated; data received through a linked service is §2's;
use outside the purposes is §4's; a user asking for the data held about them is disclosure; which items of data are
sent is stated only by a list.

Every question here was written for this test; none comes from an evaluation set.
"""
from __future__ import annotations

import pytest

from knowledge import KnowledgeBase
from knowledge.focus import focus
from knowledge.question_shapes import gives_data_to_another_company


@pytest.mark.parametrize(
    ("question", "section"),
    [("プラポリの十二番目の項目を見せて", "12"), ("4つ目の条ってどういう内容？", "4"), ("What does the ninth section say?", "9"),
     ("Quote the 16th clause, please.", "16")],
)
def test_a_section_counted_in_order(kb: KnowledgeBase, question: str, section: str) -> None:
    answer = kb.ask(question)
    assert answer.sections == [section], answer.sections


def test_a_numbered_question_is_no_section() -> None:
    from knowledge.lookup import find_reference
    kb_policy = {"2": object(), "11": object()}
    assert find_reference("2番目の質問ですが、削除の手続きは？", kb_policy) is None  # type: ignore[arg-type]


def test_whether_the_policy_may_answer_for_a_partner_service(kb: KnowledgeBase) -> None:
    answer = kb.ask("利用者がkintone連携を使っていて、kintone側に保存されたデータの扱いを聞いてきました。うちのポリシーで答えていい話ですか？")
    assert answer.outcome == "answered" and answer.sections[0].split(".")[0] == "1", (answer.outcome, answer.sections)


def test_giving_out_named_without_the_data(kb: KnowledgeBase) -> None:
    answer = kb.ask("「私の電話番号を、今後は外部に提供しないでください」と言われました。ポリシー上どう答えますか？")
    assert answer.sections[0].split(".")[0] == "8", answer.sections


def test_data_the_user_gave_out_is_not_given_by_us() -> None:
    assert not gives_data_to_another_company("ユーザーが自分でチャットの内容を第三者に共有して、それが拡散した場合、うちに責任はありますか？")
    assert gives_data_to_another_company("チャットの内容を第三者に共有してもいいですか？")


def test_a_reseller_handing_us_its_list(kb: KnowledgeBase) -> None:
    answer = kb.ask("A distributor offered to hand over their customer list so our sales team can contact them. We did not "
                    "collect it. What must we check first?")
    assert answer.sections[0].split(".")[0] == "5", answer.sections


@pytest.mark.parametrize(
    "question",
    ["市役所から、ある利用者の契約情報と支払履歴を出すよう文書で依頼がありました。同意なしで出していいですか？",
     "A user says our ads follow her around since she opened our pricing page. How do I explain that?"],
)
def test_payments_held_or_a_pricing_page_ask_no_fee(kb: KnowledgeBase, question: str) -> None:
    answer = kb.ask(question)
    assert "fee" not in answer.not_in_policy, answer.not_in_policy


def test_the_list_points_back() -> None:
    found = focus("A client's auditor wants the names of every company that processes our users' data on our behalf. "
                  "Where do I find the list?")
    assert found is not None and "every company" in found.question, found


@pytest.mark.parametrize(
    ("question", "kind"),
    [("サーバーの場所ってjapan onlyですか？", "place or country"),
     ("Do we move any user data out of the EU or out of Japan?", "place or country"),
     ("退会したら録音データっていつ消されるの？半年なのか2年なのか知りたい", "retention period"),
     ("プラポリを前回改定した日付はいつ？", "date")],
)
def test_facts_the_policy_never_states(kb: KnowledgeBase, question: str, kind: str) -> None:
    answer = kb.ask(question)
    assert answer.outcome != "answered" and kind in answer.not_in_policy, (answer.outcome, answer.not_in_policy)


@pytest.mark.parametrize(
    "question",
    ["The police asked for the call history of one of our numbers for an investigation. Can we give it without consent?",
     "Can we give a user's address to the court without the user's consent?"],
)
def test_ordinary_words_ask_no_fact_kind(kb: KnowledgeBase, question: str) -> None:
    answer = kb.ask(question)
    assert "past incidents" not in answer.not_in_policy and "place or country" not in answer.not_in_policy, answer.not_in_policy


def test_a_name_the_policy_gives_is_stated(kb: KnowledgeBase) -> None:
    answer = kb.ask("個人情報の管理責任者の名前ってポリシーに載ってますか？")
    assert answer.outcome == "answered", (answer.outcome, answer.not_in_policy)


def test_data_received_through_a_linked_service(kb: KnowledgeBase) -> None:
    answer = kb.ask("外部のカレンダーアプリと連携したとき、向こうのユーザーIDをうちで受け取ることってある？")
    assert answer.sections[0].split(".")[0] == "2", answer.sections


@pytest.mark.parametrize(
    "question",
    ["マーケが取得した情報を目的外で使いたいと言っています。本人が同意すればOK？",
     "Could we use call data for something beyond the original purposes if each user says yes first?"],
)
def test_use_outside_the_purposes_is_section_4(kb: KnowledgeBase, question: str) -> None:
    answer = kb.ask(question)
    assert answer.sections[0].split(".")[0] == "4", answer.sections


def test_a_user_asking_for_the_data_held_about_them_is_disclosure(kb: KnowledgeBase) -> None:
    answer = kb.ask("A customer asked for all the information we keep about her. Some of it is an internal dispute note. "
                    "Must we release everything?")
    assert answer.sections[0].split(".")[0] == "10", answer.sections


@pytest.mark.parametrize(
    ("question", "answered"),
    [("Which specific data fields do we pass to Google Analytics?", False), ("ユーザーからどんな項目を集めてる？", True)],
)
def test_data_items_sent_are_stated_only_by_a_list(kb: KnowledgeBase, question: str, answered: bool) -> None:
    answer = kb.ask(question)
    assert (answer.outcome == "answered") is answered, (answer.outcome, answer.not_in_policy)
