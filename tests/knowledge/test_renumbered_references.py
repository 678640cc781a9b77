"""The code and the request types name policy entries by the base's numbers (§16's contact lines, §8 item 6 for an
authority's request, §10's grounds); after a revision renumbers them (a new §8 item 1 pushes 8.6 to 8.7), each
version must still find the same text under its new number, never the entry that now has the old one."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from knowledge.live import LiveKnowledgeBase
from knowledge.versions import Move, RevisionRecord, read_catalog, write_revision
from tests.revisions import base_copy, read_the_day_after, revised_by

EFFECTIVE = date(2099, 12, 1)
#: §8 item 6 as published: what an authority's request is measured against.
PERMITTED_BY_LAW = "法令により開示または提供が許容されている場合"


@pytest.fixture(scope="module")
def renumbered(tmp_path_factory: pytest.TempPathFactory) -> LiveKnowledgeBase:
    root = tmp_path_factory.mktemp("kb")
    revised_by(root, "third-party-items-renumbered", EFFECTIVE)
    return read_the_day_after(root, EFFECTIVE)


def test_the_base_numbers_lead_to_the_same_text_in_the_renumbered_version(renumbered: LiveKnowledgeBase) -> None:
    new, old = renumbered.current, renumbered.of("base")
    assert new.version_key == EFFECTIVE.isoformat()
    assert new.entry_id("8.6") == "8.7" and new.policy["8.7"].ja == PERMITTED_BY_LAW
    assert new.policy["8.6"].ja != PERMITTED_BY_LAW  # the old number now holds another item
    assert old.entry_id("8.6") == "8.6" and new.entry_id("16.1") == "16.1"


def test_an_authority_request_is_answered_with_the_item_under_its_new_number(renumbered: LiveKnowledgeBase) -> None:
    answer = renumbered.current.ask("警察から捜査関係事項照会書が届いて、利用者の登録情報を出すよう求められています")
    assert answer.incident == "authority_request"
    assert answer.hits[0].id == "8.7" and PERMITTED_BY_LAW in answer.hits[0].quote


def test_renumberings_compose_through_revisions_and_a_removal_ends_the_trail(tmp_path: Path) -> None:
    root = base_copy(tmp_path / "kb")
    # A new item 5 pushes 8.5 and 8.6 down; the next revision removes the first of them and closes the gap.
    for day, moved, removed in ((date(2099, 1, 1), (Move("8.5", "8.6"), Move("8.6", "8.7")), ()),
                                (date(2099, 6, 1), (Move("8.7", "8.6"),), ("8.6",))):
        folder = root / "versions" / day.isoformat()
        folder.mkdir(parents=True)
        write_revision(folder / "revision.yaml", RevisionRecord(day, "x.txt", moved=moved, removed=removed))
    catalog = read_catalog(root)
    base, first, second = catalog.versions
    assert catalog.renumbering(base) == {}
    assert catalog.renumbering(first) == {"8.5": "8.6", "8.6": "8.7"}
    assert catalog.renumbering(second) == {"8.5": None}  # base 8.6 is back at 8.6
