"""A word-level diff of two Japanese texts, for the person who reviews what a revision changed.

Japanese has no spaces between words, so a character diff of a reworded clause is a scatter of single kana, and a
line diff marks the whole item. Segmenting by script is enough to show a rewording readably: a run of kanji
(個人情報管理責任者), of hiragana (おそれがある), of katakana (ユーザー), of Latin letters or digits, and each
punctuation mark is a token, so 「他の法令に違反するおそれがある場合」 against 「法令に違反することとなる場合」 reads
`[-他の-]法令に違反[-するおそれがある-]{+することとなる+}場合`. A morphological analyser (MeCab, Sudachi) would cut
the hiragana runs finer, at the cost of a dictionary of tens of megabytes for a diff a person reads once.
"""
from __future__ import annotations

import difflib
import re
import unicodedata

__all__ = ["segment", "word_diff"]

_TOKEN = re.compile(
    r"[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff々〆ヶ]+"  # kanji (with the iteration mark)
    r"|[\u3041-\u309f]+"  # hiragana
    r"|[\u30a0-\u30ff\uff66-\uff9f]+"  # katakana, the long vowel mark, half-width katakana
    r"|[A-Za-z\uff21-\uff3a\uff41-\uff5a]+"  # Latin letters, half or full width
    r"|[0-9\uff10-\uff19]+"  # digits
    r"|\s+"  # a run of white space (a line break shows as one)
    r"|."  # any other character: punctuation, a symbol
    , re.DOTALL,
)


def segment(text: str) -> list[str]:
    """The text cut into script runs; joined they give the text back unchanged."""
    return _TOKEN.findall(text)


def _key(token: str) -> str:
    """Tokens compare as the reader sees them: full and half width alike, any white space alike."""
    return " " if token.isspace() else unicodedata.normalize("NFKC", token)


def word_diff(old: str, new: str) -> str:
    """`new` with what it dropped from `old` as [-…-] and what it brings as {+…+}, the rest as it reads."""
    before, after = segment(old), segment(new)
    matcher = difflib.SequenceMatcher(None, [_key(t) for t in before], [_key(t) for t in after], autojunk=False)
    parts: list[str] = []
    for operation, i1, i2, j1, j2 in matcher.get_opcodes():
        if operation == "equal":
            parts.append("".join(after[j1:j2]))
            continue
        if i2 > i1:
            parts.append(f"[-{''.join(before[i1:i2])}-]")
        if j2 > j1:
            parts.append(f"{{+{''.join(after[j1:j2])}+}}")
    return "".join(parts)
