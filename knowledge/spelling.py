"""Typos in English questions, mended before matching: "how do I handel a delte request?" reads as it was meant, and
chat shorthand ("3rd party", "w/o consent") is spelled out.

A word that is neither in the knowledge base nor ordinary English (knowledge.english) is replaced by the closest
word the knowledge base knows,
counting a swap of two neighbouring letters as one edit (optimal string alignment): one edit for words up to six
letters, two for longer ones. Words of three letters or fewer are left alone; there, one edit is another word.
The mended text is only matched, never shown: the asker's words are quoted back as typed.
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable

from rapidfuzz import process
from rapidfuzz.distance import OSA

from common.text import english_stems
from knowledge.english import is_english_word

_WORD = re.compile(r"[A-Za-z]+")
#: Shorthand typed in chat for ordinary words ("3rd party", "w/o consent", "pls", "u"): spelled out before matching.
_SHORTHAND = {"1st": "first", "2nd": "second", "3rd": "third", "w/o": "without", "w/": "with", "b/c": "because",
              "pls": "please", "plz": "please", "u": "you", "ur": "your", "thx": "thanks",
              "govt": "government", "dept": "department", "req": "request", "reqs": "requests"}
_SHORTHAND_WORD = re.compile(r"(?<![\w/])(" + "|".join(re.escape(k) for k in sorted(_SHORTHAND, key=len, reverse=True))
                             + r")(?![\w/]|\.\w)", re.IGNORECASE)  # not an abbreviation's letter (U.S.)
MIN_LENGTH = 4


class Speller:
    """Knows the words of the knowledge base; mends the others in a question."""

    def __init__(self, texts: Iterable[str], common: Iterable[str] = ()) -> None:
        counts: Counter[str] = Counter()
        for text in texts:
            counts.update(w.lower() for w in _WORD.findall(text))
        counts.update({w: 1 for w in common})
        self._known = set(counts)
        self._known_stems = {stem for word in counts for stem in english_stems(word)}
        # Most frequent first, so a tie between two candidates goes to the commoner word.
        self._choices = sorted((w for w in counts if len(w) >= MIN_LENGTH - 1), key=lambda w: (-counts[w], w))

    def correct(self, text: str) -> str:
        """The text with each unknown English word replaced by its closest known word, when one is close enough."""
        spelled_out = _SHORTHAND_WORD.sub(lambda m: _SHORTHAND[m.group().lower()], text)
        return _WORD.sub(lambda m: self._word(m.group()), spelled_out)

    @functools.lru_cache(maxsize=8192)
    def _word(self, word: str) -> str:
        lower = word.lower()
        if len(lower) < MIN_LENGTH or lower in self._known or (word.isupper() and len(word) <= 5):
            return word
        if english_stems(lower)[0] in self._known_stems or is_english_word(lower):
            return word  # an inflection of a known word ("corrected"), or plain English the policy does not use
        limit = 1 if len(lower) <= 6 else 2
        found = process.extractOne(lower, self._choices, scorer=OSA.distance, score_cutoff=limit)
        return found[0] if found else word
