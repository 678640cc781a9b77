"""Look-ups by number or heading return exactly that section or item, quoted whole."""
from __future__ import annotations

import pytest

from knowledge import KnowledgeBase
from knowledge.lookup import find_reference, kanji_number


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        ("第2条", "2"),
        ("第14条を見せて", "14"),
        ("§16", "16"),
        ("section 8", "8"),
        ("8条4項", "8.4"),
        ("十五条", "15"),
        ("委託先の監督の条文", "7"),
        ("第十二条第2号の全文ください", "12.2"),
        ("Can you show me Section 10.3?", "10.3"),
        ("what does article 13 say", "13"),
        ("第１条", "1"),
        ("統計データの利用の条文を貼って", "13"),
    ],
)
def test_reference_resolves_to_that_entry(kb: KnowledgeBase, question: str, entry_id: str) -> None:
    answer = kb.ask(question)
    assert answer.outcome == "answered" and answer.sections == [entry_id]
    entry = kb.entry(entry_id)
    for line in [entry.ja, *(kb.entry(c).ja for c in kb.policy if c.startswith(entry_id + "."))]:
        assert line.split("\n")[0].replace(" ページを開く", "") in answer.hits[0].quote


def test_whole_section_quotes_every_item(kb: KnowledgeBase) -> None:
    quote = kb.ask("第10条").hits[0].quote
    assert all(f"{n}. " in quote for n in (1, 2, 3)) and "遅滞なく応じます" in quote


def test_section_that_does_not_exist(kb: KnowledgeBase) -> None:
    answer = kb.ask("第20条を見せて")
    assert answer.outcome == "not_covered" and answer.hits == [] and "第16条" in answer.render_text()


@pytest.mark.parametrize("question", ["個人情報保護法第2条って何？", "第三者提供の例外は？", "14条と15条の違いは？"])
def test_law_articles_lookalikes_and_pairs_are_not_look_ups(kb: KnowledgeBase, question: str) -> None:
    assert find_reference(question, kb.policy) is None


def test_an_article_of_the_law_is_a_question_about_the_law(kb: KnowledgeBase) -> None:
    assert kb.ask("個人情報保護法第2条って何？").outcome != "answered"


@pytest.mark.parametrize(("text", "value"), [("十五", 15), ("十", 10), ("二十", 20), ("三", 3), ("16", 16), ("x", None)])
def test_kanji_numbers(text: str, value: int | None) -> None:
    assert kanji_number(text) == value
