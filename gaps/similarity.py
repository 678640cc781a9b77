"""When two questions are the same question: the test that groups gaps and finds a manager answer for a paraphrase.

Two signals from `common/text.py`, averaged: the overlap (Dice) of the questions' topic units (character bigrams of
the readings of their kanji and katakana runs, English content stems; hiragana mostly carries grammar) and
RapidFuzz's `token_set_ratio` of their readings (the phrase scorer of `common/matcher.py`), which sees the rest.
`benchmarks/gap_similarity.py` measures the threshold on invented paraphrases: at 0.45, 46 % of same-language
paraphrase pairs meet and 1 of 195 pairs of different questions does (two storage periods: cookies and call
recordings). Grouping two different questions would serve one the other's answer, so the threshold errs towards
keeping apart; a synonym the words do not share (流出 / 漏えい) stays a gap of its own, which the manager can answer too.
"""
from __future__ import annotations

import functools

from rapidfuzz import fuzz

from common.text import normalise, reading, topic_words

__all__ = ["SAME_QUESTION", "similarity"]

#: At or above this, two questions are one (measured: benchmarks/gap_similarity.py).
SAME_QUESTION = 0.45


@functools.lru_cache(maxsize=4096)
def _units(question: str) -> frozenset[str]:
    units: set[str] = set()
    for word in topic_words(question):
        units |= word.reading_units
    return frozenset(units)


@functools.lru_cache(maxsize=4096)
def _reading(question: str) -> str:
    return reading(normalise(question))


def similarity(a: str, b: str) -> float:
    """How much `a` and `b` ask the same thing, in [0, 1]; 1 for the same text however it is written."""
    first, second = _reading(a), _reading(b)
    if not first or not second:
        return 0.0
    if first == second:
        return 1.0
    units_a, units_b = _units(a), _units(b)
    dice = 2 * len(units_a & units_b) / (len(units_a) + len(units_b)) if units_a and units_b else 0.0
    return (dice + fuzz.token_set_ratio(first, second) / 100) / 2
