"""Editing the knowledge files in place: entry blocks with the comments above them, `cites` rewritten in every
style YAML allows, and a policy entry written exactly as the bundled policy.yaml writes it."""
from __future__ import annotations

from pathlib import Path

from common.yaml_lines import load_located
from knowledge.check import BUNDLED_DIR
from knowledge.model import read_policy
from knowledge.yaml_blocks import list_blocks, policy_entry_text, rewrite_cites


def test_every_bundled_policy_entry_is_written_as_the_file_has_it() -> None:
    path = BUNDLED_DIR / "policy.yaml"
    lines = path.read_text(encoding="utf-8").split("\n")
    entries, _ = read_policy(path)
    blocks = list_blocks(lines, load_located(path).value["entries"].value)
    assert len(blocks) == len(entries) == 49
    for entry, block in zip(entries, blocks):
        assert "\n".join(lines[block.start:block.end]).rstrip("\n") == policy_entry_text(entry).rstrip("\n"), entry.id


def test_blocks_take_the_comments_that_introduce_an_entry(tmp_path: Path) -> None:
    path = tmp_path / "faq.yaml"
    path.write_text("# header\nentries:\n  # -- group one\n  - id: a\n    cites: [\"1\"]\n\n  # -- group two\n"
                    "  - id: b\n    cites: [\"2\"]\nsource: x\n", encoding="utf-8")
    lines = path.read_text(encoding="utf-8").split("\n")
    first, second = list_blocks(lines, load_located(path).value["entries"].value)
    assert lines[first.start:first.end] == ["  # -- group one", "  - id: a", '    cites: ["1"]', ""]
    assert lines[second.start:second.end] == ["  # -- group two", "  - id: b", '    cites: ["2"]']


def test_cites_in_each_style() -> None:
    moved = {"8.1": "8.2", "16": "17"}

    def change(cites: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(moved.get(c, c) for c in cites)

    assert rewrite_cites(['    cites: ["8.1", "9"]'], change) == ['    cites: ["8.2", "9"]']
    assert rewrite_cites(["  - cites: '16'", '    ja: "x"'], change) == ["  - cites: '17'", '    ja: "x"']
    assert rewrite_cites(["    cites:", '      - "8.1"', "      - 16", "    ja: x"], change) == \
        ['    cites: ["8.2", "17"]', "    ja: x"]
    assert rewrite_cites(['    ja: "cites: [\\"8.1\\"] in a text"'], change) == ['    ja: "cites: [\\"8.1\\"] in a text"']
