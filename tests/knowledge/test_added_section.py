"""A revision that adds a section (§17) makes it a section like the others in its version: looked up by number, and
counted when a number beyond the last is asked for; the version before still ends at §16."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.revisions import read_the_day_after, revised_by


def test_a_section_added_by_a_revision_is_looked_up_and_counted(tmp_path: Path) -> None:
    revised_by(tmp_path / "kb", "section-added", date(2099, 12, 1))
    knowledge = read_the_day_after(tmp_path / "kb", date(2099, 12, 1))
    new, old = knowledge.current, knowledge.of("base")
    assert new.ask("第17条を見せて").sections == ["17"]
    assert "第1条から第17条まで" in new.ask("第18条を見せて").render_text()
    assert "Sections 1 to 17" in new.ask("show me section 18").render_text()
    assert "第1条から第16条まで" in old.ask("第17条を見せて").render_text()
