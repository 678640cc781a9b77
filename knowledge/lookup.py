"""Look-ups by number or title: 「第14条を見せて」「8条4項」「十五条」「§16」"section 8"「ポリシーの5番」「委託先の監督の条文」.

Staff who know the policy ask for a section by its number or its heading; ranking such a request by its words
would return whatever section shares them. A look-up names one entry, and that entry is quoted whole.
A number that follows the name of a law (「個人情報保護法第2条」) cites the law, not this policy, and is left to the search.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from common.text import normalise
from knowledge.model import PolicyEntry

_KANJI_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_NUMBER = r"[0-9]+|[〇零一二三四五六七八九十]+"
#: Numbers spelled in English ("section twelve"), as far as a policy's sections go.
_ENGLISH_NUMBERS = {
    word: value for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen"
        " seventeen eighteen nineteen twenty".split()
    )
}
_EN_NUMBER = r"\d+|" + "|".join(sorted(_ENGLISH_NUMBERS, key=len, reverse=True))
_ENGLISH_ORDINALS = {
    word: value for value, word in enumerate(
        "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth"
        " fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split()
    )
}
_JA_REF = re.compile(
    rf"(?<![法令則])(?:第\s*)?(?P<section>{_NUMBER})\s*条(?:\s*(?:の\s*)?(?:第\s*)?(?P<item>{_NUMBER})\s*(?:項|号))?"
)
#: A section named with 項 alone (「十一項」「第9項」), as staff often say it: after no 条, it is the section.
_KO_REF = re.compile(rf"(?<![条0-9〇零一二三四五六七八九十第])(?<!条の)(?<!条\s)(?:第\s*)?(?P<section>{_NUMBER})\s*項")
_EN_REF = re.compile(
    rf"(?:§+\s*|\b(?:section|sec\.?|article|art\.?|clause)\s*)(?P<section>{_EN_NUMBER})\b(?:\s*[.(]\s*(?P<item>\d+)\)?)?"
    rf"(?:\s*(?:,\s*)?(?:item|para(?:graph)?|no\.?)\s*(?P<item2>{_EN_NUMBER})\b)?",
    re.IGNORECASE,
)
#: A section counted in order (「七番目の項目」「3つ目の条」, "the seventh section", "the 7th clause").
_ORDINAL_REF = re.compile(
    rf"(?P<section>{_NUMBER})\s*(?:番目|つ目)\s*の?\s*(?:項目|条文|条|セクション|章|見出し)"
    rf"|\b(?:the\s+)?(?P<ordinal>{'|'.join(sorted(_ENGLISH_ORDINALS, key=len, reverse=True))}|\d+(?:st|nd|rd|th))\s+"
    r"(?:section|clause|article|heading)\b",
    re.IGNORECASE,
)
#: A section called by its number with 番 (「ポリシーの5番」「8番の条文」); not 「一番大事」 (the most) or 「電話番号」: the
#: policy or a provision is named next to it.
_BAN_REF = re.compile(
    rf"(?:ポリシー|プラポリ|規約|条文|セクション)\s*の\s*(?:第\s*)?(?P<section>{_NUMBER})\s*番(?!目|号)"
    rf"|(?<![0-9〇零一二三四五六七八九十])(?:第\s*)?(?P<section2>{_NUMBER})\s*番\s*の\s*(?:条文|条項|項目|セクション|条)"
)
#: Words that ask for a provision's text (to tell 「委託先の監督の条文」 from a question about supervision).
_TEXT_WANTED = re.compile(r"条文|条項|全文|原文|本文|の条|見せて|表示して|引用|文言|text of|wording|full text|show me|quote")
#: A law named just before the number: the reference is to that law.
_LAW_BEFORE = re.compile(r"(法|法律|act|law|gdpr|appi)\s*(第\s*)?$", re.IGNORECASE)
#: A number the name of a procedure follows (「23条照会」) or with a branch number (「第23条の2」, which this policy
#: never has): an article of a law, not a section of the policy.
_LAW_AFTER = re.compile(r"\s*(照会|の\s*[0-9一二三四五六七八九十]+(?!\s*[項号]))")


@dataclass(frozen=True)
class LookUp:
    """What a question asked for by reference: an entry id, and whether the policy has it."""

    entry_id: str
    found: bool


def kanji_number(text: str) -> int | None:
    """「十五」→ 15, 「二十」→ 20, 「8」→ 8, "twelve" → 12; None when it is not a number."""
    if text.isdigit():
        return int(text)
    if text.lower() in _ENGLISH_NUMBERS:
        return _ENGLISH_NUMBERS[text.lower()]
    if not text or any(c not in _KANJI_DIGITS and c != "十" for c in text):
        return None
    if "十" not in text:
        value = 0
        for c in text:
            value = value * 10 + _KANJI_DIGITS[c]
        return value
    tens, _, ones = text.partition("十")
    return (_KANJI_DIGITS.get(tens, 1) if tens else 1) * 10 + (_KANJI_DIGITS.get(ones, 0) if ones else 0)


def _ordinal_number(text: str) -> int | None:
    """"seventh" → 7, "7th" → 7."""
    lower = text.lower()
    if lower in _ENGLISH_ORDINALS:
        return _ENGLISH_ORDINALS[lower]
    digits = lower.rstrip("stndrh")
    return int(digits) if digits.isdigit() else None


def find_reference(question: str, policy: Mapping[str, PolicyEntry]) -> LookUp | None:
    """The one policy entry the question names by number or by heading; None when it names none (or several)."""
    text = unicodedata.normalize("NFKC", question)
    refs: list[str] = []
    for pattern in (_JA_REF, _KO_REF, _EN_REF, _ORDINAL_REF, _BAN_REF):
        for match in pattern.finditer(text):
            if _LAW_BEFORE.search(text[: match.start()]) or _LAW_AFTER.match(text, match.end()):
                continue
            ordinal = match.groupdict().get("ordinal")
            number = match.groupdict().get("section") or match.groupdict().get("section2") or ""
            section = _ordinal_number(ordinal) if ordinal else kanji_number(number)
            item_text = match.groupdict().get("item") or match.groupdict().get("item2") or ""
            item = kanji_number(item_text) if item_text else None
            if section is None:
                continue
            refs.append(f"{section}.{item}" if item is not None else str(section))
    refs = list(dict.fromkeys(refs))
    if len(refs) == 1:
        entry_id = refs[0]
        if entry_id in policy:
            return LookUp(entry_id, True)
        section_id = entry_id.split(".")[0]
        return LookUp(section_id, True) if section_id in policy and section_id != "0" else LookUp(entry_id, False)
    if refs:
        return None
    return _by_title(text, policy)


def _by_title(text: str, policy: Mapping[str, PolicyEntry]) -> LookUp | None:
    """A heading quoted in a request for the provision's text (「委託先の監督の条文」, "text of the Scope section")."""
    if not _TEXT_WANTED.search(text.lower()):
        return None
    folded = normalise(text)
    found = [
        entry.id
        for entry in policy.values()
        if "." not in entry.id and entry.id != "0"
        and any(title and normalise(title) in folded for title in (entry.title_ja, entry.title_en))
    ]
    return LookUp(found[0], True) if len(found) == 1 else None
