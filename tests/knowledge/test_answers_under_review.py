"""What a revision leaves to review is not shown as an answer from the new version: §3's summary and note say the
published list of purposes is empty, and a revision that adds purposes makes them false. Until a person has redone
them, the new version's answer quotes its own §3 and says nothing of the old text; the old version still says it."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from knowledge.live import LiveKnowledgeBase
from knowledge.versions import REVISION_FILE, read_revision, without_items, write_revision
from tests.revisions import read_the_day_after, revised_by

EFFECTIVE = date(2099, 12, 1)
EMPTY_LIST = "空欄"
A_PURPOSE = "本サービスの利用料金を請求するため"


@pytest.fixture(scope="module")
def knowledge(tmp_path_factory: pytest.TempPathFactory) -> LiveKnowledgeBase:
    root = tmp_path_factory.mktemp("kb")
    revised_by(root, "purposes-added", EFFECTIVE)
    return read_the_day_after(root, EFFECTIVE)


@pytest.mark.parametrize("question", ["ユーザー情報って何の目的で使ってるの？", "利用目的を教えてください"])
def test_the_new_version_quotes_its_purposes_without_the_old_summary_or_note(knowledge: LiveKnowledgeBase,
                                                                            question: str) -> None:
    new = knowledge.current
    assert {"summary:3", "policy:3"} <= new.under_review
    answer = new.ask(question)
    assert answer.hits[0].id.split(".")[0] == "3" and A_PURPOSE in answer.hits[0].quote
    assert EMPTY_LIST not in answer.render_text()


def test_the_old_version_still_says_what_it_said(knowledge: LiveKnowledgeBase) -> None:
    answer = knowledge.of("base").ask("利用目的を教えてください")
    assert EMPTY_LIST in answer.render_text() and A_PURPOSE not in answer.render_text()


def test_an_faq_answer_under_review_is_not_shown(knowledge: LiveKnowledgeBase) -> None:
    new = knowledge.current
    reviewed = {item.split(":", 1)[1] for item in new.under_review if item.startswith("faq:")}
    assert reviewed, "the revision lists the FAQ entries citing §3"
    for faq_id in reviewed:
        for question in new.faq[faq_id].questions_ja[:2]:
            answer = new.ask(question)
            assert answer.faq_id != faq_id and new.faq[faq_id].answer_ja not in answer.render_text()


def test_an_item_taken_off_the_list_is_shown_again(tmp_path: Path) -> None:
    """The review list is part of what a version is read from: the index cache and the reload both see it change."""
    root = tmp_path / "kb"
    folder = revised_by(root, "purposes-added", EFFECTIVE)
    knowledge = read_the_day_after(root, EFFECTIVE)
    assert "policy:3" in knowledge.current.under_review
    revision = folder / REVISION_FILE
    record, _ = read_revision(revision)
    assert record is not None
    write_revision(revision, without_items(record, ["policy:3"]))
    assert knowledge.reload() is not None
    assert "policy:3" not in knowledge.current.under_review
    assert EMPTY_LIST in knowledge.current.ask("利用目的を教えてください").render_text()  # the note, left as it was
