"""Mechanisms of round 11: a short question after a story is kept, the company named as staff name it (うち, 自社),
the user's own data asked for, and a data item changed in other words.

Every question here was written for this test; none comes from an evaluation set.
"""
from __future__ import annotations

import pytest

from common.matcher import _one_kanji_off
from knowledge import KnowledgeBase
from knowledge.answerability import kinds_asked
from knowledge.focus import focus
from knowledge.query_words import without_the_policy_named


@pytest.mark.parametrize(
    ("message", "question"),
    [
        ("昨日、三年使ってくれていたユーザー企業が一社退会した。でも請求書の宛名と担当者の携帯番号がまだシステムに残ってる。これって違法？", "これって違法?"),
        ("先週、営業チームが東京の展示会で来場者の名刺を大量に集めてきた。それを本人に何も言わずに全部メルマガに登録したらしい。同意いるよね？",
         "同意いるよね?"),
    ],
)
def test_a_short_question_after_a_story_is_kept(message: str, question: str) -> None:
    found = focus(message)
    assert found is not None and found.question.endswith(question), found


def test_a_short_meta_question_after_a_name_is_still_dropped() -> None:
    found = focus("退会したので私の情報を全部消してください。\n山本\n\n山本さん、これどう返せばいい？")
    assert found is not None and "山本" not in found.question, found


@pytest.mark.parametrize(
    ("question", "section"),
    [
        ("ユーザーが自分のブログに連絡先を載せて、迷惑電話が来たらしい。これってうちの責任？", "12"),
        ("自社のせいになるの？ユーザーが自分でSNSに書いたんだけど", "12"),
        ("わが社はどんな情報を集めてるんだっけ", "2"),
    ],
)
def test_the_company_named_as_staff_name_it_is_the_policys_company(
    kb: KnowledgeBase, question: str, section: str
) -> None:
    answer = kb.ask(question)
    assert answer.outcome == "answered" and answer.sections[0].split(".")[0] == section, (answer.outcome, answer.sections)


@pytest.mark.parametrize(
    ("question", "said"),
    [("これってうちの責任？", "これって当社の責任？"), ("うちって何を集めてる？", "当社って何を集めてる？"),
     ("気づかないうちに集められてた", "気づかないうちに集められてた")],
)
def test_only_the_company_is_said_as_the_policy_says_it(question: str, said: str) -> None:
    assert without_the_policy_named(question) == said


@pytest.mark.parametrize(
    ("question", "section"),
    [
        ("退会前に、自分の登録情報を全部見せてほしいとメールが来たんだけど", "10"),
        ("お客様から「私どもの通話記録を一覧でいただけますか」と問い合わせがありました", "10"),
        ("解約したので、私の登録データを全部見せてほしいです。電話番号と住所も含めて。", "10"),
        ("私の情報を削除していただけますか", "11"),  # another act between the data and the asking
        ("Could you please erase the details you hold about me?", "11"),  # "erase my", a keyword, names the act
        ("登録してる番号を新しいのに変えてほしいって言われた", "11"),
    ],
)
def test_the_users_own_data_asked_for_and_acts_in_other_words(kb: KnowledgeBase, question: str, section: str) -> None:
    answer = kb.ask(question)
    assert answer.outcome == "answered" and answer.sections[0].split(".")[0] == section, (answer.outcome, answer.sections)


def test_data_sent_elsewhere_is_not_the_users_own_copy(kb: KnowledgeBase) -> None:
    answer = kb.ask("私の購入履歴を広告の会社に送っているんですか？")
    assert answer.sections[0].split(".")[0] != "10", answer.sections


@pytest.mark.parametrize(
    "question",
    ["個人情報の責任者って誰？", "Who's our privacy officer? A client wants the name.",
     "取引先から、御社で個人情報の管理に責任を負っている方はどなたですかと聞かれた"],
)
def test_who_a_role_is_is_answered_by_the_entry_that_names_the_person(kb: KnowledgeBase, question: str) -> None:
    answer = kb.ask(question)
    assert answer.outcome == "answered" and answer.sections[0] == "16.2", (answer.outcome, answer.sections)


def test_whether_there_is_a_manager_is_still_the_appointment(kb: KnowledgeBase) -> None:
    answer = kb.ask("個人情報の責任者はいる？")
    assert answer.outcome == "answered" and answer.sections[0] == "9", (answer.outcome, answer.sections)


def test_a_name_nobody_in_the_policy_is_named_for_is_missing(kb: KnowledgeBase) -> None:
    answer = kb.ask("委託先の担当者の名前は？")
    assert answer.outcome == "partial" and "person's name" in answer.not_in_policy, (answer.outcome, answer.not_in_policy)


def test_the_users_region_is_not_a_question_of_where_data_is_kept(kb: KnowledgeBase) -> None:
    answer = kb.ask("A partner wants the phone list of all users in their region to sell to. Nobody consented. Can we?")
    assert answer.outcome == "answered" and answer.sections[0].split(".")[0] == "8", (answer.outcome, answer.sections)


def test_a_kanji_slip_of_the_input_method_still_finds_the_keyword(kb: KnowledgeBase) -> None:
    answer = kb.ask("第三者提共っていつ許される？")  # 提共 for 提供, one kanji of the same sound
    assert answer.outcome == "answered" and answer.sections[0] == "8", (answer.outcome, answer.sections)


@pytest.mark.parametrize(
    ("keyword", "text", "slip"),
    [
        ("第三者提供", "第三者提共の件", True),
        ("保護してる", "保存してる", False),  # one kanji of a short word: another verb, not a slip
        ("個人情報保護", "個人情報保管の件", False),  # 保管 is a word the index writes
        ("第三者提供", "第三者提出の件", False),
    ],
)
def test_only_a_slip_that_leaves_an_unwritten_word_in_a_long_compound_counts(keyword: str, text: str, slip: bool) -> None:
    assert _one_kanji_off(keyword, text, frozenset({"保管", "提出"})) is slip


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("外注してる会社の名前は？", "named vendors"),
        ("How much notice do users get before a policy change takes effect?", "deadline"),
        ("Do we treat students' personal data any differently?", "age limit"),
        ("情報漏えいに備えたサイバー保険って入ってる？", "insurance"),
        ("問い合わせ窓口に直接電話できる番号はありますか", "phone number or address"),
        ("お客さんが責任者と話したいって。電話番号あります？", "phone number or address"),
        ("削除requestって何working daysで対応するの？", "number of days"),
        ("今のプラポリの制定日はいつ？", "date"),
        ("Do operators who can see call recordings go through background screening?", "security measure"),
        ("オペレーター向けの個人情報の研修ってやってる？", "security measure"),
    ],
)
def test_more_kinds_of_fact_the_policy_never_states(kb: KnowledgeBase, question: str, kind: str) -> None:
    answer = kb.ask(question)
    assert answer.outcome != "answered" and kind in answer.not_in_policy, (answer.outcome, answer.not_in_policy)


def test_an_identity_document_is_no_insurance(kb: KnowledgeBase) -> None:
    assert "insurance" not in kb.ask("本人確認は健康保険証のコピーでもいい？").not_in_policy


def test_the_request_a_closing_question_points_back_to_is_judged_for_unknown_words() -> None:
    found = focus("Procurement at a big client requires us to state our SOC 2 report date in the bid. Is that in the policy?")
    assert found is not None and "SOC 2" in found.asking, found


def test_an_integration_named_as_context_is_no_product_question(kb: KnowledgeBase) -> None:
    answer = kb.ask("CallConnectはkintoneと連携できるけど、連携先での個人情報の扱いにも当社が責任を負うの？")
    assert "product support" not in answer.not_in_policy, (answer.outcome, answer.not_in_policy)
    assert "product support" in kb.ask("CallConnectってkintoneと連携できる？").not_in_policy


@pytest.mark.parametrize(("question", "entry"), [("Show me section nine.", "9"), ("What does article five, item two say?", "5.2")])
def test_a_section_by_its_number_in_english_words(kb: KnowledgeBase, question: str, entry: str) -> None:
    answer = kb.ask(question)
    assert answer.outcome == "answered" and answer.sections[0] == entry, (answer.outcome, answer.sections)


def test_a_question_that_names_its_topic_with_tte_stands_alone() -> None:
    found = focus("来月、本社オフィスが渋谷から品川に移転するので、窓口の表記も変わるかもしれない。\n今の問い合わせ先ってどう書いてある？")
    assert found is not None and found.question == "今の問い合わせ先ってどう書いてある?", found


def test_a_relative_asking_for_the_users_data_named_before_the_ask(kb: KnowledgeBase) -> None:
    answer = kb.ask("Someone claiming to be the user's father called. He asked for the phone number on his daughter's profile. Can we?")
    assert answer.sections[0].split(".")[0] == "8", answer.sections


def test_a_responsibility_asked_with_words_between(kb: KnowledgeBase) -> None:
    answer = kb.ask("ユーザーが自分のプロフィール画面を見せながら配信して、電話番号を知られたらしい。責任はこちらにあるのか？")
    assert answer.outcome == "answered" and answer.sections[0].split(".")[0] == "12", (answer.outcome, answer.sections)


@pytest.mark.parametrize("question", ["A bidder asks for the named individual who answers for privacy.",
                                      "The auditor needs a name for the person accountable for data."])
def test_a_name_asked_for_in_a_questionnaires_words(question: str) -> None:
    assert "person's name" in [kind.id for kind in kinds_asked(question)]


@pytest.mark.parametrize("question", ["利用者からどんな項目をもらってるのか、まとめて確認したい", "ざっくりでいいので、お客さんからどんな情報取得してるか一覧で見たい",
                                      "IPアドレスと端末のIDってしゅとくしてますか？"])
def test_what_is_collected_asked_outright_is_the_collection_section(kb: KnowledgeBase, question: str) -> None:
    answer = kb.ask(question)
    assert answer.outcome == "answered" and answer.sections[0].split(".")[0] == "2", (answer.outcome, answer.sections)


def test_a_user_asking_to_be_shown_what_was_collected_asks_for_disclosure(kb: KnowledgeBase) -> None:
    answer = kb.ask("私についてどんな情報を集めたか開示してください")
    assert answer.sections[0] == "10", answer.sections


def test_data_passed_on_with_words_between_is_provision_to_third_parties(kb: KnowledgeBase) -> None:
    answer = kb.ask("Is it OK to pass our customer list over to other companies?")
    assert answer.outcome == "answered" and answer.sections[0].split(".")[0] == "8", (answer.outcome, answer.sections)


def test_someone_elses_data_in_a_file_not_yet_disclosed_is_no_leak(kb: KnowledgeBase) -> None:
    answer = kb.ask("今朝開示請求が届いた。対象の録音データに、別のお客さんの名前も入ってる。全部そのまま出さないといけない？")
    assert answer.incident is None and answer.sections[0] == "10", (answer.incident, answer.sections)
