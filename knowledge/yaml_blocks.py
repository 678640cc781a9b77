"""Edit the knowledge files a person wrote without rewriting them: the text of each list entry as a block of lines,
the `cites` of a block rewritten in place, and a policy entry written in the style of the bundled policy.yaml.

A new version of the policy is written from the version before, and most of its entries, FAQ answers and summaries
do not change: they are copied as they stand (comments and layout included), so that the difference between two
versions' files is what the revision changed, and nothing else.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import yaml

from common.yaml_lines import Located
from knowledge.model import PolicyEntry

__all__ = ["Block", "flow_list", "list_blocks", "policy_entry_text", "rewrite_cites"]

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_CITES_FLOW = re.compile(r"^(\s*(?:-\s+)?cites:\s*)(\[[^\]]*\])(\s*)$")
_CITES_SCALAR = re.compile(r"^(\s*(?:-\s+)?cites:\s*)([\"']?)([\d.]+)\2(\s*)$")
_CITES_KEY = re.compile(r"^(\s*(?:-\s+)?cites:)\s*$")
_BLOCK_ITEM = re.compile(r"^\s*-\s*([\"']?)([\d.]+)\1\s*$")


@dataclass(frozen=True)
class Block:
    """The lines [start, end) of one list entry (0-based), with the comment lines that introduce it."""

    start: int
    end: int


def list_blocks(lines: Sequence[str], items: Sequence[Located]) -> list[Block]:
    """The block of each of `items` (the entries of one YAML list, in file order): from the entry's first line, or
    the indented comments right above it, to the next entry's block, or to the next top-level key."""
    starts = []
    for item in items:
        start = item.line - 1
        while start > 0 and lines[start - 1].lstrip().startswith("#") and lines[start - 1][:1].isspace():
            start -= 1
        starts.append(start)
    blocks = []
    for index, start in enumerate(starts):
        if index + 1 < len(starts):
            end = starts[index + 1]
        else:
            end = next((i for i in range(items[index].line, len(lines))
                        if lines[i].strip() and not lines[i][:1].isspace() and not lines[i].startswith("#")),
                       len(lines))
        blocks.append(Block(start, end))
    return blocks


def flow_list(values: Sequence[str]) -> str:
    """`["10", "9"]`: quoted ids, as the knowledge files write them."""
    return "[" + ", ".join(json.dumps(value, ensure_ascii=False) for value in values) + "]"


def rewrite_cites(lines: list[str], change: Callable[[tuple[str, ...]], tuple[str, ...]]) -> list[str]:
    """The block's lines with each `cites:` (a flow list, a block list or one id) replaced by `change(cites)`."""
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        flow, scalar, key = _CITES_FLOW.match(line), _CITES_SCALAR.match(line), _CITES_KEY.match(line)
        if flow:
            cites = tuple(str(c) for c in yaml.load(flow.group(2), Loader=_Loader) or ())
            out.append(f"{flow.group(1)}{flow_list(change(cites))}{flow.group(3)}")
        elif scalar:
            [cite] = change((scalar.group(3),)) or (scalar.group(3),)
            out.append(f"{scalar.group(1)}{scalar.group(2)}{cite}{scalar.group(2)}{scalar.group(4)}")
        elif key:
            found = []
            while index + 1 < len(lines) and (item := _BLOCK_ITEM.match(lines[index + 1])):
                found.append(item.group(2))
                index += 1
            out.append(f"{key.group(1)} {flow_list(change(tuple(found)))}")
        else:
            out.append(line)
        index += 1
    return out


def _flow_scalar(value: str) -> str:
    """A title or keyword in a flow collection: bare when YAML reads it back the same, else double-quoted."""
    if value and value == value.strip():
        try:
            if yaml.load(f"[{value}]", Loader=_Loader) == [value] and \
                    yaml.load(f"{{k: {value}}}", Loader=_Loader) == {"k": value}:
                return value
        except yaml.YAMLError:
            pass
    return json.dumps(value, ensure_ascii=False)


def _quoted(value: str) -> str:
    """A double-quoted YAML scalar (JSON's escapes are YAML's)."""
    return json.dumps(value, ensure_ascii=False)


def policy_entry_text(entry: PolicyEntry, *, en_before: str = "") -> str:
    """One entry of policy.yaml in the bundled file's layout (followed by a blank line); `en_before`, the English
    rendering of the text a revision replaced, goes in a comment above `en`, for the person who writes the new one."""
    lines = [
        f'  - id: "{entry.id}"',
        f"    title: {{ja: {_flow_scalar(entry.title_ja)}, en: {_flow_scalar(entry.title_en)}}}",
        f"    ja: {_quoted(entry.ja)}",
    ]
    if en_before:
        lines.append(f"    # English rendering of the text before the revision: {_quoted(en_before)}")
    lines.append(f"    en: {_quoted(entry.en)}")
    if entry.note_ja or entry.note_en:
        lines += ["    note:", f"      ja: {_quoted(entry.note_ja)}", f"      en: {_quoted(entry.note_en)}"]
    lines += [
        "    keywords:",
        "      ja: [" + ", ".join(_flow_scalar(k) for k in entry.keywords_ja) + "]",
        "      en: [" + ", ".join(_flow_scalar(k) for k in entry.keywords_en) + "]",
    ]
    return "\n".join(lines) + "\n\n"
