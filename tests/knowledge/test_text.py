"""Normalisation: the spellings staff actually type must meet the policy's."""
from __future__ import annotations

import pytest

from common.text import clean_input, detect_language, english_stems, normalise, reading


class TestNormalise:
    """`normalise` folds width, script, case, long vowels and punctuation."""

    @pytest.mark.parametrize(
        ("a", "b"),
        [
            ("ｸｯｷｰ", "クッキー"),  # half-width katakana
            ("クッキー", "くっきー"),  # katakana / hiragana
            ("ＣＯＯＫＩＥ", "cookie"),  # full-width Latin, case
            ("ユーザー", "ユーザ"),  # long vowel mark
            ("開示請求！？", "開示請求"),  # punctuation
            ("Ｇｏｏｇｌｅ　広告", "google 広告"),  # ideographic space
        ],
    )
    def test_variants_meet(self, a: str, b: str) -> None:
        """Two spellings of one word normalise to the same string."""
        assert normalise(a) == normalise(b)

    def test_empty_and_symbols_only(self) -> None:
        """Nothing but punctuation and emoji normalises to the empty string."""
        assert normalise("！？…🙂🙂") == ""


class TestReading:
    """`reading` spells kanji in hiragana, so a word typed in kana meets its kanji."""

    def test_kana_meets_kanji(self) -> None:
        assert reading(normalise("削除")) == reading(normalise("さくじょ"))

    def test_latin_is_kept(self) -> None:
        assert reading(normalise("Google広告")).startswith("google")


class TestCleanInput:
    """`clean_input` keeps what a reader sees and bounds the length."""

    def test_slack_markup(self) -> None:
        text = "<@U123ABC> <https://example.com|このページ> の <#C1|general> で"
        assert clean_input(text) == "このページ の general で"

    def test_control_characters_and_length(self) -> None:
        cleaned = clean_input("開示\x00\x07請求" + "あ" * 200_000)
        assert "\x00" not in cleaned and len(cleaned) <= 2000


def test_detect_language() -> None:
    """English only when the text has Latin letters and no Japanese."""
    assert detect_language("Can we refuse a disclosure request?") == "en"
    assert detect_language("Cookieを止めたい") == "ja"
    assert detect_language("🙂") == "ja"


def test_english_stems_meet() -> None:
    """Inflections of one English word share a stem."""
    assert english_stems("disclose")[0] == english_stems("disclosing")[0]
    assert english_stems("cookies") == english_stems("cookie")
