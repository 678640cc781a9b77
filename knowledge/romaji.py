"""Japanese typed in Latin letters (romaji): 「kaiji seikyuu ga kitara dou suru?」 is read as the kana it spells.

Staff on a keyboard without a Japanese input method type Japanese in romaji. The matcher knows Japanese by its
words and their hiragana readings, so such a question is matched as hiragana (jaconv's romaji table) — but only
when nearly every word spells kana and most are not English words: "do we sell data?" spells kana in part and is
English throughout.
"""
from __future__ import annotations

import re

import jaconv

from common.text import has_japanese
from knowledge.english import is_english_word

_LATIN_WORD = re.compile(r"[A-Za-z]+")
_ONSET = r"(?:ky|gy|sh|sy|zy|jy|ch|cy|ty|dy|ny|hy|by|py|my|ry|ts|[kgsztdnhbpmyrwfjv])"
#: Syllables: a doubled consonant (っ), an onset and a vowel, or a syllabic n. jaconv alone would turn any
#: letters into kana and small っ ("callconnect"), so the word is checked against this first.
_ROMAJI_WORD = re.compile(rf"(?:(?:[kstpgzdbjfhcm](?={_ONSET}))?{_ONSET}?[aiueo]|n(?![aiueoy]))+")
#: Of the words, the share that must spell kana, and the share that must also be no English word.
SPELLS_KANA = 0.85
NOT_ENGLISH = 0.5
MIN_WORDS = 3


def kana_of_romaji(text: str) -> str | None:
    """The text with its romaji words written in hiragana, or None when it is not Japanese in romaji."""
    if has_japanese(text):
        return None
    words = [w.lower() for w in _LATIN_WORD.findall(text)]
    if len(words) < MIN_WORDS:
        return None
    spelled = [w for w in words if _spells_kana(w)]
    japanese = [w for w in spelled if not is_english_word(w)]
    if len(spelled) < SPELLS_KANA * len(words) or len(japanese) < NOT_ENGLISH * len(words):
        return None
    return _LATIN_WORD.sub(lambda m: _kana(m.group()), text)


def _kana(word: str) -> str:
    kana = jaconv.alphabet2kana(word.lower())
    return kana if _spells_kana(word) else word


def _spells_kana(word: str) -> bool:
    """Whether the word is a run of romaji syllables ("sekininsha", "tte"; not "how", "callconnect")."""
    return _ROMAJI_WORD.fullmatch(word.lower()) is not None
