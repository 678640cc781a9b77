"""Which English words are ordinary English: pyspellchecker's word-frequency list (160,000 words), loaded lazily.

Two checks need it. Spelling: "oversee" or "reset" must not be "corrected" into a policy word just because the
policy never uses them, while "delte" must. Unknown terms: a word that is neither in the policy nor ordinary
English ("hubspot", "zendesk", "gdpr") names a product, vendor or standard, which the policy does not address.
The list loads on the first English word the knowledge base does not know (about 0.1 s), not at start-up.
"""
from __future__ import annotations

import functools

#: Words seen fewer times than this in the list's corpus are rare enough to be names or misspellings ("handel").
COMMON_FREQUENCY = 100


@functools.lru_cache(maxsize=1)
def _frequencies():  # type: ignore[no-untyped-def]
    from spellchecker import SpellChecker

    return SpellChecker(distance=1).word_frequency


@functools.lru_cache(maxsize=16384)
def is_english_word(word: str) -> bool:
    """Whether the lower-case word is ordinary English."""
    return bool(_frequencies()[word.lower()] >= COMMON_FREQUENCY)
