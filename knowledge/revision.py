"""What a revision of the policy changed, entry by entry, and what a person must redo because of it.

The version in force (its `policy.yaml`) is set against the new published text section by section, then item by
item inside each pair of sections, then row by row: two entries are the same one when their texts are alike
(RapidFuzz), the same number breaking ties, so an item that a new item 1 pushed from 8.1 to 8.2 is *moved*, not
removed and added again; an entry that kept its number but was reworded is *changed* (a pair at the same number
needs less likeness than a pair across numbers). What is left over is *added* or *removed*; a last pass pairs a
leftover with a nearly identical one elsewhere (an item moved to another section).

The review list names what relied on what changed: the entry itself ("policy:10.3": its English rendering, title
and keywords were written for the old text), its summary and its parents' ("summary:10"), and every FAQ entry,
reply template and manager's answer that cites a changed, moved or removed entry (or one under it, or one added
under it), or quotes a sentence the new text no longer has.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from knowledge.check import verbatim_key
from knowledge.model import PolicyEntry
from knowledge.policy_text import TextEntry
from knowledge.versions import Move, ReviewItem

__all__ = ["Alignment", "Citing", "Node", "align", "new_nodes", "old_nodes", "review_items"]

#: Two entries at different numbers are the same one from this likeness (0–1) of their texts.
SAME_TEXT = 0.5
#: Two entries left at the same number under the same parent are one reworded entry from this likeness.
SAME_NUMBER = 0.25
#: What the same number adds to a likeness when pairs compete (an unchanged item stays at its number).
NUMBER_BONUS = 0.1
#: A leftover entry is the same as a leftover elsewhere in the policy (moved across sections) from this likeness.
ACROSS = 0.85
#: How many ids a reason names before "…".
_NAMED = 4
_QUOTE = re.compile(r"「([^「」]+)」")


@dataclass(frozen=True)
class Node:
    """An entry as the alignment sees it: its id, the policy's heading (sections only; a sub-item's title is our
    label, not policy text), its own text and the entries under it."""

    id: str
    heading: str
    ja: str
    children: tuple[Node, ...] = ()

    @property
    def number(self) -> str:
        return self.id.rsplit(".", 1)[-1]

    @property
    def depth(self) -> int:
        return self.id.count(".")

    @property
    def body(self) -> str:
        """The text the entry stands for: its own, and what is under it."""
        return "\n".join([self.ja] + [child.body for child in self.children]).strip()

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            yield from child.walk()


def old_nodes(entries: Sequence[PolicyEntry]) -> list[Node]:
    """The version in force as a tree, from its policy.yaml entries (each sub-item after its parent)."""
    children: dict[str | None, list[PolicyEntry]] = {}
    for entry in entries:
        children.setdefault(entry.parent, []).append(entry)

    def build(entry: PolicyEntry) -> Node:
        heading = entry.title_ja if entry.parent is None and entry.id != "0" else ""
        return Node(entry.id, heading, entry.ja, tuple(build(child) for child in children.get(entry.id, [])))

    return [build(entry) for entry in children.get(None, [])]


def new_nodes(entries: Sequence[TextEntry]) -> list[Node]:
    """The new published text as a tree."""

    def build(entry: TextEntry) -> Node:
        return Node(entry.id, entry.title if entry.kind == "section" else "", entry.ja,
                    tuple(build(child) for child in entry.children))

    return [build(entry) for entry in entries]


def _ratio(a: str, b: str) -> float:
    return fuzz.ratio(verbatim_key(a), verbatim_key(b)) / 100


def likeness(old: Node, new: Node) -> float:
    """How alike two entries are (0–1). A section keeps its heading across revisions (two sections never share
    one), so the same heading is the same section whatever its text became; otherwise heading and text both count."""
    if old.heading or new.heading:
        if verbatim_key(old.heading) == verbatim_key(new.heading):
            return 1.0
        return 0.4 * _ratio(old.heading, new.heading) + 0.6 * _ratio(old.body, new.body)
    return _ratio(old.ja or old.body, new.ja or new.body)


def _pair(olds: Sequence[Node], news: Sequence[Node], matched: dict[str, str], *, floor: float,
          same_number_floor: float | None) -> list[tuple[Node, Node]]:
    """Pair entries greedily, most alike first (the same number breaking ties); then, when `same_number_floor` is
    given, pair the leftovers that share a number and are at least that alike (an entry reworded in place)."""
    scored = []
    for old in olds:
        for new in news:
            score = likeness(old, new)
            if score >= floor:
                scored.append((score + (NUMBER_BONUS if old.number == new.number else 0), old.id, new.id, old, new))
    pairs: list[tuple[Node, Node]] = []
    taken_old: set[str] = set()
    taken_new: set[str] = set()
    for _, _, _, old, new in sorted(scored, key=lambda s: (-s[0], s[1], s[2])):
        if old.id not in taken_old and new.id not in taken_new:
            pairs.append((old, new))
            taken_old.add(old.id)
            taken_new.add(new.id)
    if same_number_floor is not None:
        left_new = {new.number: new for new in news if new.id not in taken_new}
        for old in olds:
            same = left_new.get(old.number)
            if old.id not in taken_old and same is not None and likeness(old, same) >= same_number_floor:
                pairs.append((old, same))
                taken_old.add(old.id)
                del left_new[old.number]
    for old, new in pairs:
        matched[old.id] = new.id
    return pairs


def _align_children(old: Node, new: Node, matched: dict[str, str]) -> None:
    for a, b in _pair(old.children, new.children, matched, floor=SAME_TEXT, same_number_floor=SAME_NUMBER):
        _align_children(a, b, matched)


@dataclass(frozen=True)
class Alignment:
    """The version in force set against the new text: every entry of each by id, and which old id became which
    new id (`matched`). The lists below follow the new text's order (removed ones the old order)."""

    old: Mapping[str, Node]
    new: Mapping[str, Node]
    #: Each old id → the new id that continues it, and back.
    matched: Mapping[str, str]
    source: Mapping[str, str]
    #: The new ids in the text's order, and the old ones in policy.yaml's.
    new_order: tuple[str, ...]
    old_order: tuple[str, ...]

    def text_changed(self, old_id: str, new_id: str) -> bool:
        old, new = self.old[old_id], self.new[new_id]
        return verbatim_key(old.ja) != verbatim_key(new.ja) or verbatim_key(old.heading) != verbatim_key(new.heading)

    @property
    def changed(self) -> list[str]:
        return [n for n in self.new_order if n in self.source and self.text_changed(self.source[n], n)]

    @property
    def added(self) -> list[str]:
        return [n for n in self.new_order if n not in self.source]

    @property
    def removed(self) -> list[str]:
        return [o for o in self.old_order if o not in self.matched]

    @property
    def moved(self) -> list[Move]:
        return [Move(self.source[n], n) for n in self.new_order if n in self.source and self.source[n] != n]

    @property
    def unchanged(self) -> list[str]:
        return [n for n in self.new_order
                if self.source.get(n) == n and not self.text_changed(n, n)]

    @property
    def any_change(self) -> bool:
        return bool(self.changed or self.added or self.removed or self.moved)

    def renumbered(self) -> dict[str, str]:
        """Each moved entry's old id → its new id."""
        return {move.source: move.to for move in self.moved}

    def nearest_kept(self, new_id: str) -> str | None:
        """The old id of `new_id`'s closest ancestor (or itself) that continues an old entry."""
        current: str | None = new_id
        while current is not None:
            if current in self.source:
                return self.source[current]
            current = current.rsplit(".", 1)[0] if "." in current else None
        return None


def align(old: Sequence[PolicyEntry], new: Sequence[TextEntry]) -> Alignment:
    """Set the version in force (its policy.yaml entries) against the new published text."""
    old_tree, new_tree = old_nodes(old), new_nodes(new)
    matched: dict[str, str] = {}
    old_top = [n for n in old_tree if n.id != "0"]
    new_top = [n for n in new_tree if n.id != "0"]
    preambles = [(a, b) for a in old_tree if a.id == "0" for b in new_tree if b.id == "0"]
    for a, b in preambles:
        matched[a.id] = b.id
    sections = _pair(old_top, new_top, matched, floor=SAME_TEXT, same_number_floor=SAME_NUMBER)
    for a, b in preambles + sections:
        _align_children(a, b, matched)
    old_all = {node.id: node for top in old_tree for node in top.walk()}
    new_all = {node.id: node for top in new_tree for node in top.walk()}
    taken = set(matched.values())
    for depth in sorted({node.depth for node in old_all.values()}):
        left_old = [n for n in old_all.values() if n.depth == depth and n.id not in matched]
        left_new = [n for n in new_all.values() if n.depth == depth and n.id not in taken]
        for a, b in _pair(left_old, left_new, matched, floor=ACROSS, same_number_floor=None):
            taken.add(b.id)
            _align_children(a, b, matched)
            taken.update(matched.values())
    return Alignment(old_all, new_all, matched, {new_id: old_id for old_id, new_id in matched.items()},
                     tuple(new_all), tuple(old_all))


# -- what to review ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Citing:
    """Something kept outside policy.yaml that cites policy ids and may quote the policy: an FAQ entry
    ("faq:ID"), a reply template ("reply:STAGE[/WHEN]") or a manager's answer ("answer:GAP_ID")."""

    id: str
    cites: tuple[str, ...]
    #: Its Japanese texts, where a 「…」 quote of the policy would be.
    texts: tuple[str, ...] = ()


def _named(ids: Sequence[str]) -> str:
    shown = ", ".join(ids[:_NAMED])
    return shown + (", …" if len(ids) > _NAMED else "")


class _Events:
    """What happened to the old entries, as the reasons a review item gives."""

    def __init__(self, alignment: Alignment) -> None:
        self.alignment = alignment
        self.changed = {alignment.source[n]: n for n in alignment.changed}
        self.moved = {move.source: move.to for move in alignment.moved}
        self.removed = set(alignment.removed)
        #: Each added entry's new id, under the old id of its closest kept ancestor.
        self.added_under: dict[str, list[str]] = {}
        for new_id in alignment.added:
            parent = new_id.rsplit(".", 1)[0] if "." in new_id else None
            anchor = alignment.nearest_kept(parent) if parent else None
            if anchor is not None:
                self.added_under.setdefault(anchor, []).append(new_id)

    def in_subtree(self, *roots: str, itself: bool = True, moves: bool = True) -> str:
        """The reasons for the entries at the old ids `roots` (when `itself`) and under them, each named once:
        "10.3 changed; 8.1 added; 8.1→8.2, 8.2→8.3 moved"."""
        def inside(other: str) -> bool:
            return any(other.startswith(root + ".") or (itself and other == root) for root in roots)

        order = self.alignment.old_order
        changed = [self._name(o, self.changed[o]) for o in order if o in self.changed and inside(o)]
        added = [n for anchor, ids in self.added_under.items()
                 if any(anchor == root or anchor.startswith(root + ".") for root in roots) for n in ids]
        removed = [o for o in order if o in self.removed and inside(o)]
        moved = [f"{o}→{self.moved[o]}" for o in order if moves and o in self.moved and inside(o)]
        reasons = []
        if changed:
            reasons.append(f"{_named(changed)} changed")
        if added:
            reasons.append(f"{_named(sorted(added, key=self.alignment.new_order.index))} added")
        if removed:
            reasons.append(f"{_named(removed)} removed")
        if moved:
            reasons.append(f"{_named(moved)} moved")
        return "; ".join(reasons)

    def _name(self, old_id: str, new_id: str) -> str:
        return old_id if old_id == new_id else f"{old_id} (now {new_id})"


def review_items(alignment: Alignment, *, noted: Iterable[str], summarised: Iterable[str], citing: Sequence[Citing],
                 old_published: str, new_published: str) -> list[ReviewItem]:
    """What a person must redo. `noted` and `summarised` are the old ids with a note and with a summary."""
    events = _Events(alignment)
    has_note, has_summary = set(noted), set(summarised)
    policy: list[ReviewItem] = []
    summaries: list[ReviewItem] = []
    for new_id in alignment.new_order:
        old_id = alignment.source.get(new_id)
        if old_id is None:
            policy.append(ReviewItem(f"policy:{new_id}", f"{new_id} added: write its English rendering, title and "
                                     "keywords, and its summary"))
            continue
        if old_id in events.changed:
            was = "" if old_id == new_id else f" (was {old_id})"
            policy.append(ReviewItem(f"policy:{new_id}", f"{new_id}{was} changed: write its English rendering "
                                     "(the old one is in a comment above it) and check its title and keywords"))
            if old_id in has_summary:
                summaries.append(ReviewItem(f"summary:{new_id}", f"{new_id} changed: its summary was written for "
                                            "the old text"))
            continue
        below = events.in_subtree(old_id, itself=False, moves=False)
        if below and old_id in has_note:
            policy.append(ReviewItem(f"policy:{new_id}", f"under {new_id}: {below}: check that its note still holds"))
        if below and old_id in has_summary:
            summaries.append(ReviewItem(f"summary:{new_id}", f"under {new_id}: {below}: its summary was written "
                                        "before"))
    gone = _quotes_gone(citing, old_published, new_published)
    others = []
    for item in citing:
        touched = [cite for cite in item.cites if events.in_subtree(cite)]
        reasons = [f"cites {', '.join(touched)}: {events.in_subtree(*touched)}"] if touched else []
        reasons += [f"quotes 「{quote}」, which the new text no longer has" for quote in gone.get(item.id, [])]
        if reasons:
            others.append(ReviewItem(item.id, "; ".join(reasons)))
    return policy + summaries + others


def _quotes_gone(citing: Sequence[Citing], old_published: str, new_published: str) -> dict[str, list[str]]:
    """The 「…」 quotes of the policy (in the old text) that the new text no longer has, by citing id."""
    before, after = verbatim_key(old_published), verbatim_key(new_published)
    gone: dict[str, list[str]] = {}
    for item in citing:
        for text in item.texts:
            for quote in _QUOTE.findall(text):
                key = verbatim_key(quote)
                if len(key) > 1 and key in before and key not in after:
                    gone.setdefault(item.id, []).append(quote)
    return gone
