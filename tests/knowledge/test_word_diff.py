"""The word diff a reviewer reads: Japanese cut into script runs, deletions as [-…-] and insertions as {+…+}."""
from __future__ import annotations

from knowledge.word_diff import segment, word_diff


def test_segments_by_script_and_gives_the_text_back() -> None:
    text = "当社は、ユーザーのIPアドレス(端末 ID)を2回取得します。"
    assert segment(text) == ["当社", "は", "、", "ユーザー", "の", "IP", "アドレス", "(", "端末", " ", "ID", ")", "を",
                             "2", "回取得", "します", "。"]
    assert "".join(segment(text)) == text


def test_a_reworded_clause_reads_word_by_word() -> None:
    assert word_diff("他の法令に違反するおそれがある場合", "法令に違反することとなる場合") == \
        "[-他の-]法令に違反[-するおそれがある-]{+することとなる+}場合"


def test_insertions_and_replacements_in_a_sentence() -> None:
    old = "当社は、ユーザー情報を、正確、最新のものとするよう適切な処置を講じます。"
    new = "当社は、ユーザー情報を、正確かつ最新のものとするよう、必要かつ適切な措置を講じます。"
    assert word_diff(old, new) == "当社は、ユーザー情報を、正確[-、-]{+かつ+}最新のものとするよう{+、必要かつ+}適切な[-処置-]{+措置+}を講じます。"


def test_width_and_spacing_alone_are_no_change() -> None:
    assert word_diff("端末 ID(デバイス ID)", "端末　ID（デバイス ID）") == "端末　ID（デバイス ID）"
    assert word_diff("同じ文です。", "同じ文です。") == "同じ文です。"
