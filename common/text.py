"""Text normalisation shared by the policy search and the inquiry triage.

Staff type the same word many ways: ｸｯｷｰ / クッキー / くっきー / Cookie / ＣＯＯＫＩＥ, 削除 / さくじょ, ユーザー / ユーザ.
Both the index and the query go through the same steps so that these meet:

1. Slack markup is reduced to its visible text (`<https://x|text>` → text, `<@U123>` → nothing).
2. Unicode NFKC folds full/half width and compatibility forms (ｸﾞｰｸﾞﾙ → グーグル, ＣＯＯＫＩＥ → COOKIE).
3. jaconv folds katakana to hiragana; case is folded; long-vowel marks are dropped (ユーザー ≡ ユーザ).
4. Punctuation, symbols and control characters become spaces.

`reading()` goes one step further and spells kanji in hiragana (pykakasi's bundled dictionary), so a query typed
in kana (「さくじょ依頼」) still meets the kanji of the policy (削除).
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Literal

import jaconv
import snowballstemmer

Language = Literal["ja", "en"]

_SLACK_LINK = re.compile(r"<(?:https?://|mailto:)[^>|]*\|([^>]*)>")
_SLACK_BARE_LINK = re.compile(r"<((?:https?://|mailto:)[^>|]*)>")
_SLACK_REF = re.compile(r"<[@#!][^>|]*(?:\|([^>]*))?>")
_LONG_VOWEL = re.compile(r"[ー〜～]")
_SPACES = re.compile(r"\s+")
_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[a-z0-9]+")
_STEMMER = snowballstemmer.stemmer("english")

_CONTENT_RUN = re.compile(r"[\u30a0-\u30ff\u3400-\u9fff\uf900-\ufaff]{2,}")
#: Function words that say nothing about the topic of an English question.
_STOPWORDS = frozenset(
    """a about above after again all also am an and any are as at be been before being below between both but by
    can could did do does doing done for from further get gets got had has have having he her here hers him his how
    i if in into is it its just let me might more most must my no nor not now of off on once only or other our ours
    out over own please same shall she should so some such than that the their them then there these they this
    those through to too under until up us very was we were what when where which while who whom why will with
    would you your yours ever anyone someone something thing things want wants wanted ask asked asks tell say said
    know need needs one ones way like""".split()
)

#: The function words, for other modules that need to tell topic words from grammar.
STOPWORDS = _STOPWORDS

STEM_LENGTH = 7

#: Inputs are cut here before any work: a question is a sentence or two, and a 100 KB paste must not slow the bot.
MAX_QUERY_CHARS = 2000


def strip_slack_markup(text: str) -> str:
    """Replace Slack's `<url|label>`, `<@U…>`, `<#C…|name>` and HTML entities by what a reader sees."""
    text = _SLACK_LINK.sub(r"\1", text)
    text = _SLACK_BARE_LINK.sub(r"\1", text)
    text = _SLACK_REF.sub(lambda m: m.group(1) or " ", text)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


#: Invisible characters that may sit inside a word (zero-width space and joiners, soft hyphen, BOM, word joiner,
#: variation selectors): dropped, not turned into a space, so "dele\u200bte" stays one word.
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\ufe00-\ufe0f]")


def clean_input(text: str) -> str:
    """The question as a person meant it: markup reduced, control characters gone, length bounded."""
    return _SPACES.sub(" ", clean_lines(text)).strip()


def clean_lines(text: str) -> str:
    """Like `clean_input`, but line breaks kept: a pasted email's lines tell quote, greeting and signature apart."""
    text = strip_slack_markup(_INVISIBLE.sub("", text[: MAX_QUERY_CHARS * 4]).replace("\r\n", "\n"))
    text = "".join(" " if unicodedata.category(ch)[0] == "C" and ch != "\n" else ch for ch in text)
    return text.strip()[:MAX_QUERY_CHARS]


@functools.lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """Fold width, script, case, long vowels and punctuation so that spellings of one word compare equal."""
    text = unicodedata.normalize("NFKC", _INVISIBLE.sub("", text))
    text = jaconv.kata2hira(text.lower())
    text = _LONG_VOWEL.sub("", text)
    text = "".join(ch if unicodedata.category(ch)[0] in "LN" else " " for ch in text)
    return _SPACES.sub(" ", text).strip()


@functools.lru_cache(maxsize=1)
def _kakasi() -> Any:
    import pykakasi  # loaded on first use

    from common.reading_dictionary import install

    install()  # its dictionary read a character at a time: whole, it costs ~0.3 s and 120 MiB
    return pykakasi.kakasi()


def has_japanese(text: str) -> bool:
    """Whether the text holds any kana or kanji."""
    return _JAPANESE.search(text) is not None


@functools.lru_cache(maxsize=65536)
def reading(normalised: str) -> str:
    """The hiragana reading of already-normalised text (Latin letters and digits kept as they are)."""
    if not _JAPANESE.search(normalised):
        return normalised
    return _LONG_VOWEL.sub("", "".join(part["hira"] for part in _kakasi().convert(normalised)))


_KANJI = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def kanji_count(text: str) -> int:
    """How many kanji the text holds."""
    return len(_KANJI.findall(text))


@functools.lru_cache(maxsize=65536)
def reading_with_words(normalised: str) -> tuple[str, frozenset[int]]:
    """The reading without spaces, and the positions that fall *inside* the reading of a kanji word.

    A keyword found in the reading only counts if it does not start or end inside a kanji word: 海外 (かいがい)
    must not be found in 扱いがいい (あつかい・がいい), while 開示請求 is still found in 開示せいきゅう.
    """
    text = normalised.replace(" ", "")
    if not _JAPANESE.search(text):
        return text, frozenset()
    out: list[str] = []
    inside: set[int] = set()
    at = 0
    for part in _kakasi().convert(text):
        hira = _LONG_VOWEL.sub("", part["hira"])
        if _KANJI.search(part["orig"]):
            inside.update(range(at + 1, at + len(hira)))
        out.append(hira)
        at += len(hira)
    return "".join(out), frozenset(inside)


def detect_language(text: str) -> Language:
    """English when the text is written in Latin letters with no Japanese character, else Japanese."""
    text = strip_slack_markup(text)
    japanese = len(_JAPANESE.findall(text))
    latin = len(re.findall(r"[A-Za-zＡ-Ｚａ-ｚ]", text))
    return "en" if latin and japanese == 0 else "ja"


@functools.lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    # Snowball keeps derivations apart (disclose -> disclos, disclosure -> disclosur); a question and the
    # policy often use different ones, so stems are cut to their first seven letters.
    stem: str = _STEMMER.stemWord(_SAME_WORD.get(word, word))
    return stem[:STEM_LENGTH]


#: Words the stemmer leaves apart that say the same thing here ("another business" / "other businesses", "ad networks" /
#: "advertising networks", "outside the purpose" / "beyond the purpose").
_SAME_WORD = {"another": "other", "others": "other", "ad": "advertising", "ads": "advertising", "outside": "beyond"}


def english_stems(normalised: str) -> list[str]:
    """Stems of the Latin words, so disclose/disclosure/disclosing and cookie/cookies meet."""
    return [_stem(word) for word in _LATIN_WORD.findall(normalised)]


def english_content_stems(normalised: str) -> list[str]:
    """Stems of the words that carry meaning: "copy of my data" -> ["copi", "data"]."""
    words = _LATIN_WORD.findall(normalised)
    return [_stem(w) for w in words if w not in _STOPWORDS and not w.isdigit()]


@dataclass(frozen=True)
class TopicWord:
    """A word a question is about: its units (character bigrams, or one English stem) and those of its reading."""

    units: frozenset[str]
    reading_units: frozenset[str]


def topic_words(text: str) -> list[TopicWord]:
    """English stems less function words, and the kanji/katakana runs of Japanese.

    Hiragana is left out on purpose: in Japanese it mostly carries grammar and tone (〜してほしい, 〜かな). The
    reading lets ｾｲﾈﾝｶﾞｯﾋﾟ count as the 生年月日 the knowledge base knows.
    """
    words = [TopicWord(frozenset({stem}), frozenset({stem})) for stem in english_content_stems(normalise(text))]
    for run in _CONTENT_RUN.findall(unicodedata.normalize("NFKC", text)):
        folded = normalise(run)
        words.append(TopicWord(frozenset(char_ngrams(folded)), frozenset(char_ngrams(reading(folded)))))
    return words


def char_ngrams(normalised: str, n: int = 2) -> list[str]:
    """Overlapping character n-grams of each Japanese run (Japanese has no spaces to split words on)."""
    grams: list[str] = []
    for run in re.findall(r"[^\sa-z0-9]+", normalised):
        if len(run) < n:
            grams.append(run)
        else:
            grams.extend(run[i : i + n] for i in range(len(run) - n + 1))
    return grams
