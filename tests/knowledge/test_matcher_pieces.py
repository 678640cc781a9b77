"""Keywords in pieces ("目的…違う", "use…outside…purpose"): the pieces in order, a few words apart at most; and no
reading found across the end of a sentence."""
from __future__ import annotations

import pytest

from common.matcher import Matcher, MatchDocument


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher([
        MatchDocument("limits", keywords=("目的…違う", "use…outside…purpose")),
        MatchDocument("purposes", keywords=("目的", "purpose")),
    ])


@pytest.mark.parametrize(
    "query",
    ["利用目的とは違う使い方をしたい", "目的と違う", "りようもくてきとはちがう", "can we use the data for something outside the stated purpose"],
)
def test_pieces_in_order_with_words_between_match(matcher: Matcher, query: str) -> None:
    assert "limits" in [m.key for m in matcher.rank(query)]


@pytest.mark.parametrize(
    "query",
    [
        "違う目的",  # the wrong order
        "目的の話をしていたのですが、ずっと後になってから全然違う",  # too far apart
        "outside use of the purpose",
        "we use it for one purpose, never outside",
    ],
)
def test_pieces_out_of_order_or_far_apart_do_not(matcher: Matcher, query: str) -> None:
    assert "limits" not in [m.key for m in matcher.rank(query)]


def test_a_reading_is_not_found_across_the_end_of_a_sentence() -> None:
    """「…怒っています。うちの責任…」 reads いかっています|うちの: 数値 (すうち) is not in it, though the readings joined
    without the sentence's end would hold it."""
    matcher = Matcher([MatchDocument(key="numbers", keywords=("数値",)), MatchDocument(key="liability", keywords=("責任",))])
    assert [m.key for m in matcher.rank("とても怒っています。うちの責任ですか？")] == ["liability"]



@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("そっちのてすうりょうっていくら", False),  # りょ|う: the う lengthens りょ
        ("ぜいたくな悩みですね", False),  # ぜ|い: the い lengthens ぜ, no 委託 (いたく) there
        ("いたくさきのかんとく", True),  # a word at the start
        ("じょうほううってる？", True),  # ほう|うって: a long vowel is not lengthened again
    ],
)
def test_no_reading_starts_on_a_long_vowel(query: str, found: bool) -> None:
    """「手数りょうって」 reads てすうりょうって: 売って (うって) is not in it, since its う lengthens りょ; but a word may
    start after a long vowel (ほう|うって) or at the start."""
    matcher = Matcher([MatchDocument(key="sell", keywords=("売って",)), MatchDocument(key="outsource", keywords=("委託",))])
    assert bool(matcher.rank(query)) is found, matcher.rank(query)
