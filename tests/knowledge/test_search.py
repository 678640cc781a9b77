"""The search: both languages, colloquial phrasing, verbatim quotes, and abstention instead of guessing."""
from __future__ import annotations

import pytest

from knowledge import KnowledgeBase
from knowledge.check import SOURCE_FILE, BUNDLED_DIR, verbatim_key


def top_section(kb: KnowledgeBase, question: str) -> str:
    answer = kb.ask(question)
    assert answer.answered, answer.render_text()
    return answer.sections[0].split(".")[0]


class TestJapanese:
    """Japanese questions, formal and colloquial, find their section."""

    @pytest.mark.parametrize(
        ("question", "section"),
        [
            ("開示請求の手続きは？", "10"),
            ("自分の情報を見せてほしいと言われた", "10"),
            ("メールアドレスを直してほしいという依頼", "11"),
            ("データを消してほしいと頼まれた", "11"),
            ("クッキーを無効にしたい", "14"),
            ("決済代行会社に個人データを渡してる？", "8"),
            ("責任者って誰？", "16"),
            ("プライバシーポリシーが改定されたら通知される？", "15"),
        ],
    )
    def test_finds_section(self, kb: KnowledgeBase, question: str, section: str) -> None:
        assert top_section(kb, question) == section

    def test_kana_typed_for_kanji(self, kb: KnowledgeBase) -> None:
        """A word typed in kana (かいじ) meets the policy's kanji (開示)."""
        assert top_section(kb, "かいじ請求がきた") == "10"

    def test_half_width_katakana(self, kb: KnowledgeBase) -> None:
        assert top_section(kb, "ｸｯｷｰを止めたい") == "14"


class TestEnglish:
    """English questions find Japanese sections through the English renderings and synonyms."""

    @pytest.mark.parametrize(
        ("question", "section"),
        [
            ("A customer wants a copy of all the data we hold about them", "10"),
            ("How do we handle a request to erase an account's personal data?", "11"),
            ("Do we share data with payment processors?", "8"),
            ("How can someone opt out of Google Ads?", "14"),
            ("Who is responsible for personal information?", "9|16"),
        ],
    )
    def test_finds_section(self, kb: KnowledgeBase, question: str, section: str) -> None:
        assert top_section(kb, question) in section.split("|")

    def test_english_answer_has_marked_translation(self, kb: KnowledgeBase) -> None:
        text = kb.ask("Can we refuse to disclose a user's data?").render_text()
        assert "translation" in text.lower() and "Section 10" in text
        assert "遅滞なく" in text  # the Japanese original is quoted too


class TestAbstention:
    """Below the threshold the bot says the policy does not cover it and points to §16, never a guess."""

    @pytest.mark.parametrize(
        "question",
        ["社員旅行の行き先はどこ？", "経費精算の締め日はいつ？", "What is on the lunch menu today?", "今日の天気は？"],
    )
    def test_off_topic(self, kb: KnowledgeBase, question: str) -> None:
        answer = kb.ask(question)
        assert not answer.answered
        assert "info@selfree.co.jp" in answer.render_text()

    def test_policy_silent_faq_abstains_and_says_why(self, kb: KnowledgeBase) -> None:
        """A question the FAQ marks as not covered by the policy is not answered from a nearby section."""
        answer = kb.ask("ユーザーデータは何年保存するの？")
        assert not answer.answered and answer.faq_id == "retention-period"
        assert "info@selfree.co.jp" in answer.render_text()

    def test_abstain_english(self, kb: KnowledgeBase) -> None:
        answer = kb.ask("What time does the cafeteria open?")
        assert not answer.answered and "won't guess" in answer.render_text()


class TestAnswers:
    """What an answer carries."""

    def test_quotes_are_verbatim(self, kb: KnowledgeBase) -> None:
        """Every line of every quote is published policy text."""
        published = verbatim_key((BUNDLED_DIR / SOURCE_FILE).read_text(encoding="utf-8"))
        for question in ("開示請求", "第三者提供", "Cookie", "利用目的", "問い合わせ先", "statistics"):
            for hit in kb.ask(question).hits:
                for line in hit.quote.splitlines():
                    assert verbatim_key(line) in published, (hit.id, line)

    def test_citation_format(self, kb: KnowledgeBase) -> None:
        answer = kb.ask("開示請求の手続きは？")
        assert answer.hits[0].citation_ja == "「第10条（ユーザー情報の開示）」"
        assert "「第10条（ユーザー情報の開示）」" in answer.render_text()

    def test_purposes_are_never_invented(self, kb: KnowledgeBase) -> None:
        """§3's list is empty: the answer says so."""
        answer = kb.ask("ユーザー情報の利用目的を教えて")
        assert answer.sections[0] == "3"
        assert "空欄" in answer.render_text()
        assert "empty" in kb.ask("What are the purposes of use?").render_text()

    def test_sections_are_distinct_top_levels(self, kb: KnowledgeBase) -> None:
        sections = [s.split(".")[0] for s in kb.ask("第三者提供と開示について").sections]
        assert len(sections) == len(set(sections))

    def test_build_once_answer_many(self, kb: KnowledgeBase) -> None:
        """Asking twice gives the same answer (no state kept between questions)."""
        assert kb.ask("Cookie").to_json() == kb.ask("Cookie").to_json()
