"""Japanese questions with English words mixed in find the section their Japanese would.

Every question here was written for this test; none comes from an evaluation set.
"""
from __future__ import annotations

import pytest

from knowledge import KnowledgeBase
from knowledge.mixed_language import with_japanese_words


@pytest.mark.parametrize(
    ("question", "section"),
    [
        ("thirdparty への provide って何が OK？", "8"),
        ("purpose の範囲外で use するときは consent いる？", "4"),
        ("third-party に provide していい exception を教えて", "8"),
        ("outsource 先の supervision ってどうしてる？", "7"),
    ],
)
def test_mixed_questions_find_their_section(kb: KnowledgeBase, question: str, section: str) -> None:
    answer = kb.ask(question)
    assert answer.outcome == "answered", (answer.outcome, answer.sections, answer.not_in_policy)
    assert answer.sections[0].split(".")[0] == section, answer.sections


def test_english_questions_and_names_are_left_as_they_are() -> None:
    assert with_japanese_words("Do we share data with third parties?") == "Do we share data with third parties?"
    assert with_japanese_words("Google Analytics の opt-out は？") == "Google Analytics の オプトアウト は？ opt-out"
    assert with_japanese_words("third-party の data") == "第三者 の データ third-party data"
