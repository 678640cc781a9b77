"""Japanese typed in romaji is matched as the kana it spells and answered in Japanese; English stays English.

Every question here was written for this test; none comes from an evaluation set.
"""
from __future__ import annotations

import pytest

from knowledge import KnowledgeBase
from knowledge.romaji import kana_of_romaji


@pytest.mark.parametrize(
    ("question", "section"),
    [
        ("kaiji seikyuu ga kitara dou sureba ii?", "10"),
        ("sakujo irai no taiou tte dou suru no", "11"),
        ("itaku saki no kantoku wa dou natteru?", "7"),
        ("kojin jouhou no kanri sekininsha wa dare?", "9"),
    ],
)
def test_romaji_questions_find_their_section_in_japanese(kb: KnowledgeBase, question: str, section: str) -> None:
    answer = kb.ask(question)
    assert answer.outcome == "answered", (answer.outcome, answer.sections, answer.not_in_policy)
    assert answer.sections[0].split(".")[0] == section, answer.sections
    assert answer.language == "ja"
    assert answer.question == question  # quoted back as typed


@pytest.mark.parametrize(
    "text",
    [
        "do we sell data to anyone?",
        "how do I handel a delte request?",
        "Do we use Google Analytics?",
        "ok",
        "アクセスログ wa hozon shiteru?",  # Japanese script present: matched as written
    ],
)
def test_english_and_japanese_script_are_not_read_as_romaji(text: str) -> None:
    assert kana_of_romaji(text) is None


def test_romaji_is_written_in_hiragana() -> None:
    assert kana_of_romaji("sakujo shite hoshii to iwareta") == "さくじょ して ほしい と いわれた"


@pytest.mark.parametrize("word", ["callconnect", "soc", "type", "audited", "is", "how"])
def test_letters_that_are_no_romaji_syllables_are_not_romaji(word: str) -> None:
    assert kana_of_romaji(f"{word} {word} {word}") is None
