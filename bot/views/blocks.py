"""Block Kit pieces that cannot break Slack's limits, whatever text they are given.

Slack rejects a whole message when one block is over a limit (`invalid_blocks`), so the answer would simply not
arrive. Every builder in bot/views/ goes through these helpers, which split long text at paragraph, line or
sentence ends (never inside a word or an `&amp;` entity) and trim what still does not fit.
Limits: slack_sdk/models/blocks/ and docs.slack.dev/reference/block-kit.
"""
from __future__ import annotations

import re
from typing import Any, TypedDict

__all__ = [
    "Block",
    "Message",
    "actions",
    "button",
    "context",
    "escape",
    "fit_message",
    "overflow",
    "quote",
    "sections",
    "split_text",
    "truncate",
]

SECTION_TEXT_MAX = 3000
CONTEXT_TEXT_MAX = 3000
QUOTE_TEXT_MAX = 3000
BUTTON_TEXT_MAX = 75
BUTTON_VALUE_MAX = 2000
MESSAGE_BLOCKS_MAX = 50
#: Slack may answer `msg_blocks_too_long` well before 50 full blocks (bolt-js #2509); stay far below.
MESSAGE_CHARS_MAX = 12000
#: The notification / fallback `text` of a message.
FALLBACK_TEXT_MAX = 3000

Block = dict[str, Any]


class Message(TypedDict):
    """Arguments for chat.postMessage / respond(): fallback text plus blocks."""

    text: str
    blocks: list[Block]


_ENTITY_TAIL = re.compile(r"&[a-z]{0,4}$")
# Places to cut, best first: paragraph, line, Japanese or English sentence end, comma, space.
_CUT_AFTER = ("\n\n", "\n", "。", "．", ". ", "！", "？", "、", ", ", " ")


def escape(text: str) -> str:
    """Make text literal in mrkdwn: Slack reads `<`, `>` and `&` as markup."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def truncate(text: str, limit: int, ellipsis: str = "…") -> str:
    """Cut to at most `limit` characters, marking the cut; never leave half an `&amp;`."""
    if len(text) <= limit:
        return text
    head = _ENTITY_TAIL.sub("", text[: max(limit - len(ellipsis), 0)])
    return head.rstrip() + ellipsis


def split_text(text: str, limit: int) -> list[str]:
    """Split into chunks of at most `limit` characters, cutting at the most natural place in each window."""
    chunks: list[str] = []
    rest = text
    while len(rest) > limit:
        window = rest[:limit]
        cut = 0
        for mark in _CUT_AFTER:
            at = window.rfind(mark)
            if at >= limit // 2:
                cut = at + len(mark)
                break
        if cut == 0:  # one unbroken run: cut hard, but not inside an entity
            entity = _ENTITY_TAIL.search(window)
            cut = limit - len(entity.group(0)) if entity else limit
        chunks.append(rest[:cut].rstrip("\n"))
        rest = rest[cut:].lstrip("\n")
    if rest or not chunks:
        chunks.append(rest)
    return chunks


def sections(mrkdwn: str, *, block_id: str | None = None) -> list[Block]:
    """One or more section blocks holding the whole (already escaped) mrkdwn text."""
    blocks: list[Block] = [
        {"type": "section", "text": {"type": "mrkdwn", "text": chunk or " "}}
        for chunk in split_text(mrkdwn, SECTION_TEXT_MAX)
    ]
    if block_id is not None:
        blocks[0]["block_id"] = block_id
    return blocks


def context(mrkdwn: str) -> Block:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": truncate(mrkdwn, CONTEXT_TEXT_MAX)}]}


def quote(text: str) -> list[Block]:
    """Verbatim text as a Block Kit quote: rich text is shown as typed, so no mrkdwn escaping alters it."""
    return [
        {
            "type": "rich_text",
            "elements": [{"type": "rich_text_quote", "elements": [{"type": "text", "text": chunk or " "}]}],
        }
        for chunk in split_text(text, QUOTE_TEXT_MAX)
    ]


def button(text: str, *, action_id: str, value: str, style: str | None = None) -> Block:
    if len(value) > BUTTON_VALUE_MAX:
        raise ValueError("button values carry ids, not content; store the content and pass its id")
    element: Block = {
        "type": "button",
        "text": {"type": "plain_text", "text": truncate(text, BUTTON_TEXT_MAX), "emoji": True},
        "action_id": action_id,
        "value": value,
    }
    if style is not None:
        element["style"] = style
    return element


#: An overflow menu holds one to five options (slack_sdk's OverflowMenuElement).
OVERFLOW_OPTIONS_MAX = 5
OPTION_TEXT_MAX = 75
OPTION_VALUE_MAX = 150


def overflow(options: list[tuple[str, str]], *, action_id: str) -> Block:
    """A ⋯ menu of (value, text) options; a sixth option is a bug in the caller, not something to drop silently."""
    if not 1 <= len(options) <= OVERFLOW_OPTIONS_MAX:
        raise ValueError(f"an overflow menu holds 1 to {OVERFLOW_OPTIONS_MAX} options, not {len(options)}")
    if any(len(value) > OPTION_VALUE_MAX for value, _ in options):
        raise ValueError("option values carry ids, not content")
    return {
        "type": "overflow",
        "action_id": action_id,
        "options": [{"text": {"type": "plain_text", "text": truncate(text, OPTION_TEXT_MAX), "emoji": True},
                     "value": value} for value, text in options],
    }


def actions(elements: list[Block], *, block_id: str) -> Block:
    return {"type": "actions", "block_id": block_id, "elements": elements[:25]}


def fit_message(text: str, blocks: list[Block]) -> Message:
    """The message with at most 50 blocks and ~12k characters of text, keeping an actions row at the end.

    The builders keep answers well inside the limits; this is the last guard, for inputs nobody foresaw.
    """
    tail = [blocks[-1]] if blocks and blocks[-1]["type"] == "actions" else []
    body = blocks[: len(blocks) - len(tail)]
    kept: list[Block] = []
    budget = MESSAGE_CHARS_MAX
    for block in body:
        if len(kept) >= MESSAGE_BLOCKS_MAX - len(tail) - 1:
            break
        size = _text_size(block)
        if size > budget:
            break
        kept.append(block)
        budget -= size
    if len(kept) < len(body):
        kept.append(context("…"))
    return {"text": truncate(text, FALLBACK_TEXT_MAX), "blocks": kept + tail}


def _text_size(node: object) -> int:
    """Characters of visible text in a block, however deeply nested."""
    if isinstance(node, dict):
        return sum(len(v) if k == "text" and isinstance(v, str) else _text_size(v) for k, v in node.items())
    if isinstance(node, list):
        return sum(_text_size(item) for item in node)
    return 0
