"""Whether a summary adds a fact its policy text lacks: the check `kb check` runs on summaries.yaml.

A summary is what staff read first and pass on, so it may only restate the text it cites. "Adds no fact" is
checked on what facts are made of: every number, every Latin word (names, standards, addresses), every katakana
word and every kanji word of a Japanese summary, and every number, capitalised name and content word of an
English one, must occur in the cited text (the entry with its parent and sub-items, titles and note). Words of
staff procedure and discourse ("確認してください", "tell the customer") are allowed from the short lists below;
they carry no fact about the company. An invented "30日以内", "ISMS", "暗号化", "encrypted" or "Tokyo" is caught.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from common.text import STOPWORDS, english_stems, normalise

#: Words of procedure and discourse a summary may use beyond the cited text: how to act, never what is so.
ALLOWED_JA = frozenset(
    """案内 確認 相談 判断 推測 具体 具体的 詳細 迷 伝 記載 種類 一覧 例外 原則 場合 方法 対応 件 自分 本人 以下 下記 各 等
    送信先 空欄 公開 目的 条 第 受付 受 付 当社 前 際 ご 御 者 方 何 全部 一部 説明 挙 定 聞 質問 回答 必要
    個人情報管理責任者""".split()
)
ALLOWED_EN = frozenset(
    """tell told customer customers user users ask asked check confirm manager personal information policy privacy
    section sections item items case cases unsure guess describe describes specific details detail kind kinds
    listed list exception exceptions rule such like also both whether which where when then those these this that
    each done refer received receive respond responds response may without""".split()
)

_NUMBER = re.compile(r"\d+")
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9@.!_-]*[A-Za-z0-9!]|[A-Za-z]")
_KATAKANA = re.compile(r"[\u30a1-\u30ff]{2,}")
_KANJI = re.compile(r"[\u3400-\u9fff\uf900-\ufaff々]+")
_AFFIX = frozenset("等上下記後前時的各全者方際件第条号")


def ungrounded(summary: str, language: str, cited_ja: Iterable[str], cited_en: Iterable[str], section: str) -> list[str]:
    """The words of `summary` that its cited text does not support (empty when it is grounded)."""
    ja = "\n".join(cited_ja)
    en = "\n".join(cited_en)
    both = unicodedata.normalize("NFKC", f"{ja}\n{en}").lower()
    text = unicodedata.normalize("NFKC", summary)
    missing = [n for n in _NUMBER.findall(text) if n != section and n not in both]
    missing += [w for w in _LATIN.findall(text) if _latin_unsupported(w, language, both, en)]
    if language == "ja":
        folded_ja = normalise(ja).replace(" ", "")
        missing += [w for w in _KATAKANA.findall(text) if normalise(w) not in folded_ja]
        missing += [w for w in _KANJI.findall(text) if len(w) >= 2 and not _kanji_supported(w, folded_ja)]
    return list(dict.fromkeys(missing))


def _latin_unsupported(word: str, language: str, both: str, en: str) -> bool:
    lower = word.lower().rstrip(".")
    if lower in both:
        return False
    if language == "ja":
        return True
    if lower in STOPWORDS or lower in ALLOWED_EN:
        return False
    if word[0].isupper() and word.lower() != word and len(word) > 1 and word[1:].lower() != word[1:]:
        return True  # an acronym or a name with inner capitals must be in the text as written
    en_stems = set(english_stems(normalise(en)))
    return not all(stem in en_stems for stem in english_stems(normalise(lower)))


def _kanji_supported(word: str, folded_ja: str) -> bool:
    """In the text, or made of pieces that are (two characters or more), allowed words, or neutral affixes."""
    ok = [True] + [False] * len(word)
    for end in range(1, len(word) + 1):
        for start in range(end):
            piece = word[start:end]
            if ok[start] and (
                (len(piece) >= 2 and (normalise(piece) in folded_ja or piece in ALLOWED_JA))
                or (len(piece) == 1 and (piece in _AFFIX or piece in ALLOWED_JA))
            ):
                ok[end] = True
                break
    return ok[len(word)]
