"""The knowledge base's records, and how they are read from `policy.yaml` and `faq.yaml`.

Reading collects every problem it finds (with its line) instead of stopping at the first, so `kb check` can
report them all at once; the running bot refuses to start on any.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from common.yaml_lines import Located, Problem, YamlReader

_ID = re.compile(r"^\d+(\.\d+)*$")
_Entry = TypeVar("_Entry")


@dataclass(frozen=True)
class PolicyEntry:
    """A section ("10") or numbered sub-item ("10.1", "14.4.2") of the policy; `ja` is the published text."""

    id: str
    title_ja: str
    title_en: str
    ja: str
    en: str
    keywords_ja: tuple[str, ...]
    keywords_en: tuple[str, ...]
    note_ja: str = ""
    note_en: str = ""
    line: int = 0
    #: The published text numbers this item ("1. …"); set from the source text when the files are read.
    numbered: bool = False

    @property
    def number(self) -> str:
        """The item's own number: "4" for "8.4"."""
        return self.id.rsplit(".", 1)[-1]

    @property
    def section(self) -> str:
        """The top-level section number this entry belongs to."""
        return self.id.split(".")[0]

    @property
    def parent(self) -> str | None:
        return self.id.rsplit(".", 1)[0] if "." in self.id else None


@dataclass(frozen=True)
class FaqEntry:
    """A question staff really ask, answered in both languages, citing policy ids (best first)."""

    id: str
    questions_ja: tuple[str, ...]
    questions_en: tuple[str, ...]
    answer_ja: str
    answer_en: str
    cites: tuple[str, ...]
    #: The policy does not answer this question; the answer says so, and the bot abstains rather than quote.
    policy_silent: bool = False
    line: int = 0


@dataclass(frozen=True)
class Summary:
    """One or two plain sentences that open an answer quoting `cites`; checked to add no fact the text lacks."""

    cites: str
    ja: str
    en: str
    line: int = 0


class _Reader(YamlReader):
    """The accessors of the knowledge files' shape: ja/en pairs, string lists, section ids."""

    def text(self, parent: dict[str, Located], key: str, line: int, *, required: bool = True) -> str:
        node = parent.get(key)
        if node is None or node.value is None:
            if required:
                self.problem(line, f"missing '{key}'")
            return ""
        if not isinstance(node.value, str):
            self.problem(node.line, f"'{key}' must be a string")
            return ""
        return node.value

    def pair(self, parent: dict[str, Located], key: str, line: int, *, required: bool = True) -> tuple[str, str]:
        node = parent.get(key)
        if node is None:
            if required:
                self.problem(line, f"missing '{key}' (with ja and en)")
            return "", ""
        fields = self.mapping(node, f"'{key}'")
        if fields is None:
            return "", ""
        return self.text(fields, "ja", node.line), self.text(fields, "en", node.line)

    def strings(self, parent: dict[str, Located], key: str, line: int) -> tuple[str, ...]:
        node = parent.get(key)
        if node is None or not isinstance(node.value, list):
            self.problem(node.line if node else line, f"'{key}' must be a list of strings")
            return ()
        values = []
        for item in node.value:
            if isinstance(item.value, str) and item.value.strip():
                values.append(item.value)
            else:
                self.problem(item.line, f"'{key}' holds an empty or non-string item")
        return tuple(values)

    def submapping(self, parent: dict[str, Located], key: str, line: int) -> dict[str, Located]:
        """A nested mapping with ja and en lists; an empty one (and a problem) when missing."""
        found = self.mapping(parent[key], f"'{key}'") if key in parent else None
        if found is None:
            self.problem(line, f"missing '{key}' (with ja and en lists)")
        return found or {}

    def flag(self, parent: dict[str, Located], key: str) -> bool:
        node = parent.get(key)
        if node is None:
            return False
        if not isinstance(node.value, bool):
            self.problem(node.line, f"'{key}' must be true or false")
            return False
        return node.value

    def entries(self, root: Located) -> list[Located]:
        top = self.mapping(root, "the file")
        node = top.get("entries") if top else None
        if node is None or not isinstance(node.value, list):
            self.problem(node.line if node else root.line, "'entries' must be a list")
            return []
        return node.value

    def entry_id(self, fields: dict[str, Located], line: int, pattern: re.Pattern[str] | None) -> str:
        node = fields.get("id")
        if node is None or not isinstance(node.value, str):
            self.problem(node.line if node else line, "'id' must be a quoted string")
            return ""
        if pattern and not pattern.match(node.value):
            self.problem(node.line, f"id {node.value!r} is not a section number like \"8\" or \"8.3\"")
        return node.value


def _read_entries(
    path: Path | str, build: Callable[[_Reader, Located, dict[str, Located]], _Entry]
) -> tuple[list[_Entry], list[Problem]]:
    """Read a knowledge file's `entries`, each built by `build`, collecting problems on the way."""
    reader = _Reader(path)
    root = reader.load()
    if root is None:
        return [], reader.problems
    entries = []
    for node in reader.entries(root):
        fields = reader.mapping(node, "an entry")
        if fields is not None:
            entries.append(build(reader, node, fields))
    return entries, reader.problems


def _policy_entry(reader: _Reader, node: Located, fields: dict[str, Located]) -> PolicyEntry:
    title_ja, title_en = reader.pair(fields, "title", node.line)
    keywords = reader.submapping(fields, "keywords", node.line)
    note_ja, note_en = reader.pair(fields, "note", node.line, required=False)
    return PolicyEntry(
        id=reader.entry_id(fields, node.line, _ID),
        title_ja=title_ja,
        title_en=title_en,
        ja=reader.text(fields, "ja", node.line),
        en=reader.text(fields, "en", node.line),
        keywords_ja=reader.strings(keywords, "ja", node.line) if keywords else (),
        keywords_en=reader.strings(keywords, "en", node.line) if keywords else (),
        note_ja=note_ja,
        note_en=note_en,
        line=node.line,
    )


def _faq_entry(reader: _Reader, node: Located, fields: dict[str, Located]) -> FaqEntry:
    questions = reader.submapping(fields, "questions", node.line)
    answer_ja, answer_en = reader.pair(fields, "answer", node.line)
    return FaqEntry(
        id=reader.entry_id(fields, node.line, None),
        questions_ja=reader.strings(questions, "ja", node.line) if questions else (),
        questions_en=reader.strings(questions, "en", node.line) if questions else (),
        answer_ja=answer_ja,
        answer_en=answer_en,
        cites=reader.strings(fields, "cites", node.line),
        policy_silent=reader.flag(fields, "policy_silent"),
        line=node.line,
    )


def read_policy(path: Path | str) -> tuple[list[PolicyEntry], list[Problem]]:
    """Policy entries in file order, and the problems found in their shape."""
    return _read_entries(path, _policy_entry)


def read_faq(path: Path | str) -> tuple[list[FaqEntry], list[Problem]]:
    """FAQ entries in file order, and the problems found in their shape."""
    return _read_entries(path, _faq_entry)


def _summary(reader: _Reader, node: Located, fields: dict[str, Located]) -> Summary:
    return Summary(
        cites=reader.entry_id({"id": fields["cites"]} if "cites" in fields else {}, node.line, _ID),
        ja=reader.text(fields, "ja", node.line),
        en=reader.text(fields, "en", node.line),
        line=node.line,
    )


def read_summaries(path: Path | str) -> tuple[list[Summary], list[Problem]]:
    """Summaries in file order, and the problems found in their shape."""
    return _read_entries(path, _summary)
