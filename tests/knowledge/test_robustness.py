"""The answer path never raises, whatever is typed; invisible or width variants of a word do not change the answer.

Property-tested with Hypothesis through the real knowledge base (`load_knowledge_base()`), as an asker would
reach it: any text, including lone surrogates, control characters and half-typed abbreviations.
"""
from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from knowledge import KnowledgeBase, load_knowledge_base

_KB = load_knowledge_base()
ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return _KB


def _fingerprint(kb: KnowledgeBase, question: str) -> tuple[bool, list[str]]:
    answer = kb.ask(question)
    return answer.answered, answer.sections[:3]


@pytest.mark.parametrize("question", ["ISMS認証は？", "Pマーク", "ISO?", "ＩＳＯ？", "\x00\x01", "?", "ー", "々"])
def test_short_unknown_questions_do_not_raise(kb: KnowledgeBase, question: str) -> None:
    """These raised TypeError when nothing matched at all but a policy-silent FAQ did."""
    answer = kb.ask(question)
    json.dumps(answer.to_json(), ensure_ascii=False)
    assert not answer.answered


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=80))
def test_any_text_gets_an_answer(text: str) -> None:
    answer = _KB.ask(text)
    json.dumps(answer.to_json(), ensure_ascii=False)
    assert answer.render_text()


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=60))
def test_random_bytes_get_an_answer(raw: bytes) -> None:
    answer = _KB.ask(raw.decode("utf-8", errors="surrogateescape"))
    json.dumps(answer.to_json(), ensure_ascii=True)


QUESTIONS = [
    "how do I handle a delete request?",
    "Can we refuse a disclosure request?",
    "退会したので個人情報を削除してほしい",
    "クッキーを無効にしたい",
    "個人情報管理責任者は誰ですか",
]


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(QUESTIONS), st.sampled_from(ZERO_WIDTH), st.integers(min_value=1, max_value=200))
def test_zero_width_inside_a_word_changes_nothing(question: str, mark: str, where: int) -> None:
    at = 1 + where % (len(question) - 1)
    assert _fingerprint(_KB, question[:at] + mark + question[at:]) == _fingerprint(_KB, question)


@pytest.mark.parametrize("question", QUESTIONS)
def test_full_width_spelling_changes_nothing(kb: KnowledgeBase, question: str) -> None:
    wide = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in question)
    assert _fingerprint(kb, wide) == _fingerprint(kb, question)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("how do I handel a delte request?", "how do I handle a delete request?"),
        ("can a user opt out of cookeis for adverts?", "can a user opt out of cookies for adverts?"),
        ("who do I contcat about a privcy complaint?", "who do I contact about a privacy complaint?"),
        ("what informaton do we colect from users?", "what information do we collect from users?"),
        ("the user wants a copy of thier data, how do we procces that?", "the user wants a copy of their data, how do we process that?"),
    ],
)
def test_two_typos_do_not_change_the_answer(kb: KnowledgeBase, typed: str, meant: str) -> None:
    expected = kb.ask(meant)
    answer = kb.ask(typed)
    assert expected.outcome == "answered"
    assert (answer.outcome, answer.sections[:1]) == (expected.outcome, expected.sections[:1])
    assert answer.question == typed  # the asker's words are echoed as typed


@pytest.mark.parametrize("word", ["oversee", "reset", "corrected", "locked"])
def test_ordinary_english_is_not_corrected(kb: KnowledgeBase, word: str) -> None:
    assert kb._speller.correct(f"please {word} it") == f"please {word} it"
