"""Rewrite the policy's section and item numbers in a text after a revision renumbered them.

A summary, an FAQ answer, a note or a reply template names the policy as 「第8条4号」 / "Section 8.4" / "§8.4"; when a
revision moves §8's item 4 to 5, those words must follow it, like the `cites` beside them, or the text points
staff and requesters at the wrong item. All numbers are rewritten in one pass (so 8.1→8.2 and 8.2→8.3 cannot chain),
and a law's article (「個人情報保護法第16条」, "Article 16") is not the policy's and is left alone.
"""
from __future__ import annotations

import re
from collections.abc import Mapping

__all__ = ["follow", "renumber_references"]

#: 「第8条」「第8条4号」「第14条第4項」「8条4項」「第8条1号・2号」, not after the name of a law (…法第16条, 施行令第5条,
#: 規則第3条).
_JAPANESE = re.compile(r"(?<![法令則第\d])(第)?(\d+)条((?:第?\d+[項号])(?:[・、]第?\d+[項号])*)?")
_ITEM = re.compile(r"(第?)(\d+)([項号])")
#: "Section 8", "Section 8.4", "§14.4.2".
_ENGLISH = re.compile(r"(\bSection\s+|§\s?)(\d+(?:\.\d+)*)(?!\.?\d)")


def follow(entry_id: str, moves: Mapping[str, str | None]) -> str | None:
    """Where `entry_id` stands after `moves` (old id → new id, None when removed): its own move, else its nearest
    moved parent's ("14.4.2" follows "14.4" or "14": children move with their parent), else where it was."""
    parts = entry_id.split(".")
    for depth in range(len(parts), 0, -1):
        head = ".".join(parts[:depth])
        if head in moves:
            moved = moves[head]
            return None if moved is None else ".".join([moved, *parts[depth:]])
    return entry_id


def _moved(number: str, moves: Mapping[str, str]) -> str:
    """The new id of `number` ("8.4"); `moves` removes nothing, so there always is one."""
    return follow(number, moves) or number


def renumber_references(text: str, moves: Mapping[str, str]) -> str:
    """`text` with every reference to a moved section or item (old id → new id in `moves`) naming the new one."""
    if not moves:
        return text

    def japanese(match: re.Match[str]) -> str:
        dai, section, items = match.groups()
        if not items:
            return f"{dai or ''}{_moved(section, moves).split('.')[0]}条"
        first = _ITEM.match(items)
        assert first is not None  # the group starts with an item
        new_section = _moved(f"{section}.{first.group(2)}", moves).split(".")[0]

        def item(found: re.Match[str]) -> str:
            new = _moved(f"{section}.{found.group(2)}", moves).split(".")
            return f"{found.group(1)}{new[1] if len(new) > 1 else found.group(2)}{found.group(3)}"

        return f"{dai or ''}{new_section}条{_ITEM.sub(item, items)}"

    def english(match: re.Match[str]) -> str:
        return f"{match.group(1)}{_moved(match.group(2), moves)}"

    return _ENGLISH.sub(english, _JAPANESE.sub(japanese, text))
