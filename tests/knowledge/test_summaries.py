"""Summaries: every answer opens with plain sentences, one per section and item, that add no fact the policy lacks."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from knowledge import KnowledgeBase, read_knowledge
from knowledge.check import BUNDLED_DIR
from knowledge.grounding import ungrounded

FILES = ("policy.yaml", "faq.yaml", "summaries.yaml", "callconnect-privacy-policy.txt")
SECTION_10_JA = ["当社は、ユーザーご本人より当該本人のユーザー情報の開示を求められた場合には、遅滞なく応じます。"]
SECTION_10_EN = ["When a user asks the Company to disclose that user's own user information, the Company will respond without delay."]


@pytest.fixture
def kb_copy(tmp_path: Path) -> Path:
    for name in FILES:
        shutil.copy(BUNDLED_DIR / name, tmp_path / name)
    return tmp_path


class TestGrounding:
    """The check catches an invented fact: a number, a name, a standard, a word the text does not use."""

    @pytest.mark.parametrize(
        ("summary", "invented"),
        [
            ("開示の求めには30日以内に応じます。", "30"),
            ("開示の求めには遅滞なく応じます。ISMSの手順に従ってください。", "ISMS"),
            ("開示したデータは暗号化して送ります。", "暗号化"),
            ("開示の求めには遅滞なく応じ、手数料は無料です。", "手数料"),
            ("開示はメールボックスで受け付けます。", "メールボックス"),
        ],
    )
    def test_japanese(self, summary: str, invented: str) -> None:
        assert invented in ungrounded(summary, "ja", SECTION_10_JA, SECTION_10_EN, "10")

    @pytest.mark.parametrize(
        ("summary", "invented"),
        [
            ("The Company responds within 14 days.", "14"),
            ("The Company responds without delay, by encrypted email.", "encrypted"),
            ("Requests are handled by our Tokyo office without delay.", "Tokyo"),
            ("The Company responds without delay and charges no fee.", "charges"),
        ],
    )
    def test_english(self, summary: str, invented: str) -> None:
        assert invented in ungrounded(summary, "en", SECTION_10_JA, SECTION_10_EN, "10")

    def test_restating_the_text_with_staff_words_passes(self) -> None:
        assert ungrounded("本人から開示を求められたら、当社は遅滞なく応じます。確認してください。", "ja",
                          SECTION_10_JA, SECTION_10_EN, "10") == []
        assert ungrounded("When a user asks for disclosure of their own user information, tell the customer the Company "
                          "will respond without delay.", "en", SECTION_10_JA, SECTION_10_EN, "10") == []


class TestKbCheck:
    def test_bundled_summaries_cover_every_entry(self) -> None:
        files = read_knowledge()
        assert not files.problems
        assert {s.cites for s in files.summaries} == {e.id for e in files.policy}

    def test_an_invented_fact_is_reported_with_its_line(self, kb_copy: Path) -> None:
        path = kb_copy / "summaries.yaml"
        text = path.read_text(encoding="utf-8")
        text = text.replace("遅滞なく応じます。ただし第10条", "30日以内に応じます。ただし第10条", 1)
        path.write_text(text, encoding="utf-8")
        line = next(n for n, l in enumerate(text.splitlines(), 1) if "30日以内" in l)
        result = subprocess.run([sys.executable, "-m", "privacy_bot", "kb", "check", str(kb_copy)],
                                capture_output=True, text=True, encoding="utf-8", timeout=60)
        assert result.returncode == 1
        assert f"summaries.yaml:{line - 1}: summary of 10 (ja) says what 10 does not: 30" in result.stdout

    def test_a_summary_citing_nothing_and_an_entry_without_one(self, kb_copy: Path) -> None:
        path = kb_copy / "summaries.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace('cites: "13"', 'cites: "13.9"'), encoding="utf-8")
        problems = [str(p) for p in read_knowledge(kb_copy).problems]
        assert any("unknown policy id '13.9'" in p for p in problems)
        assert any("policy entry 13 has no summary" in p for p in problems)


class TestAnswers:
    @pytest.mark.parametrize(
        "question", ["訂正の依頼が来た", "Can we refuse a disclosure request?", "統計データって何に使う？", "第8条4項", "Who is the privacy manager?"]
    )
    def test_no_bare_template(self, kb: KnowledgeBase, question: str) -> None:
        answer = kb.ask(question)
        assert answer.outcome == "answered"
        assert "次のとおり定められています" not in answer.summary and "covers this" not in answer.summary
        cited = answer.hits[0].id
        assert kb.summaries[cited].ja in answer.summary or kb.summaries[cited].en in answer.summary \
            or kb.summaries[cited.split(".")[0]].ja in answer.summary or kb.summaries[cited.split(".")[0]].en in answer.summary

    def test_the_recipients_table_reads_as_a_list(self, kb: KnowledgeBase) -> None:
        text = kb.ask("外部に送信してる先を教えて、オプトアウトしたい").render_text()
        assert "ページを開く" not in text
        assert "・広告: Yahoo!広告（送信先: ヤフー株式会社）" in text
        assert "各送信先のページで行います: Google LLC、ヤフー株式会社、Microsoft Inc.、Meta Platforms Inc." in text

    def test_the_recipients_table_in_english(self, kb: KnowledgeBase) -> None:
        text = kb.ask("how do users opt out of the ad cookies?").render_text()
        assert "Open page" not in text and "• advertising: Facebook Ads → Meta Platforms Inc." in text
        assert "Opting out is done with each recipient: Google LLC" in text
