"""Read a published policy text (the shape of `callconnect-privacy-policy.txt`) into entries with policy.yaml's ids.

A revision arrives as the page the company publishes, not as YAML: the navigation of the web page around it, a
preamble, numbered sections (`N.title` at the start of a line), indented numbered items (`  1. …`, continued on
the indented lines right below), §14's table of recipients (an indented block after an item and a blank line:
its first line the header, each further line one row) and §16's contact lines. `kb update` needs every entry of
it with the id `policy.yaml` gives that text ("0" for the preamble, "8", "8.4", "14.4.2", "16.1"), so that the
new version can be set against the one in force entry by entry.

Where the policy starts and ends is read from its shape: the preamble is the paragraph right before section 1,
and the text runs to the end of the file or to a line 「以上」 or a copyright line (the page's footer). Inside a
section the first paragraph is the section's own text (a second one ending in 「。」 continues it); a paragraph
that is not a sentence, as §16's address and manager, is a listed line with the next sub-id. An item's lines are
joined with "\\n" and a table row is kept whole (its link labels included), as `policy.yaml` has them.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal

__all__ = ["EntryKind", "PolicyTextError", "TextEntry", "parse_policy_text", "section_numbers", "short_label"]

EntryKind = Literal["preamble", "section", "item", "line", "row"]

#: "8.title" / "  1. text": a number (half or full width), a full stop not followed by a digit ("2.5" is not one).
_NUMBERED = re.compile(r"^\s*([0-9０-９]{1,3})[.．](?![0-9０-９])\s*(\S.*)$")
_END = re.compile(r"^(以上|©.*|\(c\).*|copyright\b.*)$", re.IGNORECASE)
_SENTENCE_END = ("。", ".")
#: A sub-item's label is cut to this many characters (it names the item in lists; the text is quoted whole).
LABEL_LENGTH = 24


class PolicyTextError(Exception):
    """The text does not have the policy's shape; `str()` is `line N: message` (or the message alone)."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"line {line}: {message}" if line else message)
        self.line, self.message = line, message


@dataclass
class TextEntry:
    """One entry of the published text: a section, its own paragraph, an item, a listed line or a table row."""

    id: str
    kind: EntryKind
    ja: str
    #: The section heading for a section, 前文 for the preamble, "" for the others (`short_label` names them).
    title: str
    line: int
    #: The entries under this one, in the text's order.
    children: list[TextEntry] = field(default_factory=list)

    @property
    def number(self) -> str:
        """The entry's own number: "4" for "8.4"."""
        return self.id.rsplit(".", 1)[-1]

    @property
    def parent(self) -> str | None:
        return self.id.rsplit(".", 1)[0] if "." in self.id else None

    def walk(self) -> Iterator[TextEntry]:
        """This entry and every one under it, in the text's order."""
        yield self
        for child in self.children:
            yield from child.walk()


def _numbered(line: str) -> tuple[int, str] | None:
    """The number and the text of a numbered line ("8.個人情報の…", "  1. 法令に基づく場合"), else None."""
    match = _NUMBERED.match(line)
    return (int(unicodedata.normalize("NFKC", match.group(1))), match.group(2).strip()) if match else None


def _indented(line: str) -> bool:
    return line[:1] in (" ", "\t", "\u3000")


def _first_section(lines: Sequence[str]) -> int:
    for index, line in enumerate(lines):
        numbered = _numbered(line)
        if numbered is not None and numbered[0] == 1 and not _indented(line):
            return index
    raise PolicyTextError(0, "no numbered sections (a line like '1.適用範囲'): is this the published policy text?")


def _preamble(lines: Sequence[str], first: int) -> TextEntry | None:
    """The paragraph right before section 1 (the page's title and navigation come before it)."""
    end = first
    while end > 0 and not lines[end - 1].strip():
        end -= 1
    start = end
    while start > 0 and lines[start - 1].strip():
        start -= 1
    if start == end:
        return None
    return TextEntry("0", "preamble", "\n".join(line.strip() for line in lines[start:end]), "前文", start + 1)


class _SectionReader:
    """Collects one section's paragraphs, items, continuation lines and table rows, line by line."""

    def __init__(self, number: int, title: str, line: int) -> None:
        self.section = TextEntry(str(number), "section", "", title, line)
        self.item: TextEntry | None = None
        self.paragraph: TextEntry | None = None
        #: The item whose table is being read, and the table's header line (its number), once seen.
        self.table_of: TextEntry | None = None
        self.header: int = 0
        self.after_blank = False

    def blank(self) -> None:
        self.close_table()
        self.after_blank = True
        self.paragraph = None

    def close_table(self) -> None:
        """A table ends at a blank line or what follows it; a "table" of a header alone was a paragraph."""
        if self.table_of is not None and not self.table_of.children:
            raise PolicyTextError(self.header, f"an indented paragraph after a blank line under item "
                                  f"{self.table_of.id}: join it to the item's lines, or give the table its rows")
        self.table_of = None

    def line(self, raw: str, number: int) -> None:
        text = raw.strip()
        numbered = _numbered(raw)
        if _indented(raw) and numbered is not None:
            self._item(numbered, number)
        elif _indented(raw) and self.item is not None:
            self._indented(text, number)
        else:
            self._paragraph(text, number)
        self.after_blank = False

    def _item(self, numbered: tuple[int, str], number: int) -> None:
        self.close_table()
        item_id = f"{self.section.id}.{numbered[0]}"
        if any(child.id == item_id for child in self.section.children):
            raise PolicyTextError(number, f"item {numbered[0]} appears twice in section {self.section.id}")
        self.item = TextEntry(item_id, "item", numbered[1], "", number)
        self.section.children.append(self.item)
        self.paragraph = None

    def _indented(self, text: str, number: int) -> None:
        item = self.item
        assert item is not None
        if self.table_of is not None:
            row_id = f"{item.id}.{len(item.children) + 1}"
            item.children.append(TextEntry(row_id, "row", text, "", number))
        elif not self.after_blank:
            item.ja += "\n" + text
        elif item.children:
            raise PolicyTextError(number, f"indented text after the table of {item.id}: "
                                  "expected a numbered item or a paragraph")
        else:
            self.table_of, self.header = item, number  # the first line after the blank: the header, not an entry

    def _paragraph(self, text: str, number: int) -> None:
        section = self.section
        if self.paragraph is not None:  # the same paragraph, on its next line
            self.paragraph.ja += "\n" + text
            return
        self.close_table()
        self.item = None
        if not section.ja and not section.children:
            section.ja, self.paragraph = text, section
            return
        if not section.children and section.ja.endswith(_SENTENCE_END) and text.endswith(_SENTENCE_END):
            section.ja += "\n" + text
            self.paragraph = section
            return
        line_id = f"{section.id}.{len(section.children) + 1}"
        if any(child.id == line_id for child in section.children):
            raise PolicyTextError(number, f"a paragraph of section {section.id} takes the number of item "
                                  f"{line_id}: write it before the items, or number it")
        self.paragraph = TextEntry(line_id, "line", text, "", number)
        section.children.append(self.paragraph)


def parse_policy_text(text: str) -> list[TextEntry]:
    """The preamble and the sections of a published policy text, each section with its entries below it.

    Raises `PolicyTextError` when the text has no numbered section, or a shape the reader cannot place."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    first = _first_section(lines)
    entries: list[TextEntry] = []
    preamble = _preamble(lines, first)
    if preamble is not None:
        entries.append(preamble)
    reader: _SectionReader | None = None
    for index in range(first, len(lines)):
        raw, number = lines[index], index + 1
        if _END.match(unicodedata.normalize("NFKC", raw).strip()):
            break
        heading = None if _indented(raw) else _numbered(raw)
        if heading is not None:
            if reader is not None:
                reader.close_table()
                if heading[0] <= int(reader.section.id):
                    raise PolicyTextError(number, f"section {heading[0]} comes after section {reader.section.id}: "
                                          "sections are numbered in order")
            reader = _SectionReader(heading[0], heading[1], number)
            entries.append(reader.section)
        elif reader is None:
            continue
        elif not raw.strip():
            reader.blank()
        else:
            reader.line(raw, number)
    if reader is not None:
        reader.close_table()
    return entries


def section_numbers(text: str) -> list[str]:
    """The numbers of the sections a published text has ("1" … "16"); empty when it has no numbered section."""
    try:
        return [entry.id for entry in parse_policy_text(text) if entry.kind == "section"]
    except PolicyTextError:
        return []


def short_label(entry: TextEntry) -> str:
    """A title for a sub-entry a revision added (`policy.yaml` gives each one; a person may rewrite it): a table
    row's service name (its second column), else the start of its first line. (A first clause would do for some
    items, but not for 「合併、会社分割、…」, nor tell apart two items that open alike.)"""
    if entry.kind == "row":
        columns = entry.ja.split()
        return columns[1] if len(columns) > 1 else entry.ja
    first = entry.ja.strip().split("\n")[0].rstrip("。")
    return first if len(first) <= LABEL_LENGTH else first[: LABEL_LENGTH - 1] + "…"
