"""answered / partial / not_covered: the bot says what the policy states, what it does not, and when it is silent.

Every question here was written for this test (none comes from an evaluation set); each names a mechanism of
knowledge.answerability: the kind of fact asked against the cited text, terms the policy never uses, and
questions about the law in general.
"""
from __future__ import annotations

import pytest

from knowledge import KnowledgeBase, load_knowledge_base
from knowledge.answerability import kinds_asked, about_law_in_general


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge_base()


class TestKindOfFact:
    """A section that covers the topic but states no fact of the kind asked gives `partial`, naming the kind."""

    @pytest.mark.parametrize(
        ("question", "kind", "section"),
        [
            ("訂正の依頼って費用を請求してもいいんでしたっけ", "fee", "11"),
            ("Can we bill the user for handling an erasure request? how much?", "fee", "11"),
            ("アクセスログは何年間保管してる？", "retention period", "2"),
            ("how long are the IP addresses we log kept before deletion?", "retention period", "2"),
            ("開示の求めには何営業日以内に回答する決まり？", "number of days", "10"),
            ("委託先はどこの国の会社？", "place or country", "7"),
            ("Which country hosts the cookie data we send to Google?", "place or country", "14"),
            ("業務委託先の社名一覧を見せてもらえますか", "named vendors", "7"),
            ("これまでに第三者提供で問題になった事例ってある？", "past incidents", "8"),
            ("小学生のユーザーの生年月日も取得していい？保護者の同意は？", "age limit", "2"),
        ],
    )
    def test_partial(self, kb: KnowledgeBase, question: str, kind: str, section: str) -> None:
        answer = kb.ask(question)
        assert answer.outcome == "partial", (answer.outcome, answer.sections, answer.not_in_policy)
        assert kind in answer.not_in_policy and answer.sections[0].split(".")[0] == section
        assert not answer.answered

    @pytest.mark.parametrize(
        ("question", "section"),
        [
            ("開示の求めにはいつまでに応じればいい？", "10"),  # "遅滞なく" states a deadline, without a number
            ("Which ad companies receive user data from us?", "14"),  # §14's table names them
            ("決済のためにクレジット会社にデータを預けてる？", "8"),
        ],
    )
    def test_a_stated_fact_is_answered(self, kb: KnowledgeBase, question: str, section: str) -> None:
        answer = kb.ask(question)
        assert answer.outcome == "answered", (answer.not_in_policy, answer.sections)
        assert answer.sections[0].split(".")[0] == section and answer.not_in_policy == []

    def test_kinds_are_read_from_the_question_alone(self) -> None:
        assert [k.id for k in kinds_asked("手数料はいくら？")] == ["fee"]
        assert [k.id for k in kinds_asked("who is in charge of privacy?")] == []
        assert [k.id for k in kinds_asked("何日以内に返す？")] == ["number of days"]


class TestUnknownTerms:
    """A term of art the policy never uses, when the question is about it, is named as missing."""

    @pytest.mark.parametrize(
        ("question", "term"),
        [
            ("Is CallConnect SOC 2 Type II audited?", "SOC 2"),
            ("does our Zendesk integration send personal data to Zendesk?", "Zendesk"),
            ("SalesforceConnectって個人データ送ってる？", "SalesforceConnect"),
            ("HIPAAって対応してます？", "HIPAA"),
        ],
    )
    def test_named_as_missing(self, kb: KnowledgeBase, question: str, term: str) -> None:
        answer = kb.ask(question)
        assert answer.outcome in ("partial", "not_covered")
        assert any(term in item for item in answer.not_in_policy), answer.not_in_policy

    @pytest.mark.parametrize(
        "question",
        ["ユーザーがSNSで自分の住所を公開したら、うちの責任？", "OKです、削除依頼の手順を教えて", "ＤＢの登録住所を直してほしいと言われた"],
    )
    def test_an_aside_does_not_block_an_answer(self, kb: KnowledgeBase, question: str) -> None:
        """An acronym mentioned in passing is not what the question is about."""
        assert kb.ask(question).outcome == "answered"

    def test_english_question_made_of_words_the_policy_never_uses(self, kb: KnowledgeBase) -> None:
        answer = kb.ask("how do I unlock an agent's softphone headset?")
        assert answer.outcome != "answered"


class TestLawInGeneral:
    @pytest.mark.parametrize(
        "question",
        ["個人情報保護法でいう要配慮個人情報とは？", "What counts as personal data under the APPI?", "GDPRの罰金ってどれくらい？"],
    )
    def test_law_questions_are_not_answered_by_the_policy(self, kb: KnowledgeBase, question: str) -> None:
        answer = kb.ask(question)
        assert answer.outcome != "answered", answer.sections

    def test_policy_question_mentioning_the_law_is_not_law_in_general(self) -> None:
        assert not about_law_in_general("うちのポリシーでは個人情報保護法の定義を使ってる？")
        assert about_law_in_general("個人情報保護法の適用対象ってどんな事業者？")


class TestRendering:
    def test_partial_says_what_is_missing_then_quotes_context(self, kb: KnowledgeBase) -> None:
        text = kb.ask("開示請求に手数料はかかる？").render_text()
        first, rest = text.split("\n\n", 1)
        assert "手数料" in first and "記載はありません" in first
        assert "> 当社は、ユーザーご本人より" in rest and "info@selfree.co.jp" in rest

    def test_partial_in_english(self, kb: KnowledgeBase) -> None:
        text = kb.ask("Do we charge a fee to answer a disclosure request?").render_text()
        assert text.startswith("The privacy policy does not say anything about fees or their amount")
        assert "for context only" in text and "info@selfree.co.jp" in text

    def test_not_covered_quotes_nothing(self, kb: KnowledgeBase) -> None:
        answer = kb.ask("how do I book the big meeting room for Friday?")
        assert answer.outcome == "not_covered"
        assert "> " not in answer.render_text() and "info@selfree.co.jp" in answer.render_text()
