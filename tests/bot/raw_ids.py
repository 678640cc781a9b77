"""Finding the core's ids where a person reads a sentence: `acknowledged` or `other_law` in a message or a modal
instead of 「受付済み」 / "acknowledged" in words. Used on every call the app makes to the fake Slack in the
end-to-end tests (`tests/bot/conftest.py`) and on the builders' own sentences."""
from __future__ import annotations

import json
import re
from typing import Any

from intake import REPLY_LANGUAGES, Status, load_request_types
from intake import lifecycle
from intake import validation as core

from tests.fake_slack import Call

_REQUEST_TYPES = load_request_types()
#: Ids with `_` or `.` read as nothing but ids, wherever they stand.
_COMPOUND = sorted({value for value in [*Status, *_REQUEST_TYPES.grounds, *lifecycle.WAITING_FOR,
                                        *core.EDITABLE_FIELDS, *core.IDENTITY_METHODS, *core.DATA_ROLES,
                                        *(o for t in _REQUEST_TYPES for o in t.outcomes)]
                    if "_" in value or "." in value}, key=len, reverse=True)
#: One-word statuses are English words too ("Acknowledged"): they are ids when quoted in Japanese or in backticks.
_WORDS = sorted({*Status, *REPLY_LANGUAGES} - set(_COMPOUND))
_COMPOUND_RE = re.compile(r"(?<![\w.@/:-])(" + "|".join(map(re.escape, _COMPOUND)) + r")(?![\w@/-])")
_QUOTED_RE = re.compile(r"[「`](" + "|".join(map(re.escape, _WORDS)) + r")[」`]")
#: Keys whose strings nobody reads: ids, metadata, links.
_MACHINE_KEYS = frozenset({"action_id", "block_id", "callback_id", "value", "private_metadata", "url", "type",
                           "initial_date", "initial_user", "external_id", "style", "response_action", "channel",
                           "user", "ts", "thread_ts", "user_id", "trigger_id", "view_id", "hash"})


def raw_ids(text: str) -> list[str]:
    """The ids `text` shows as they are stored."""
    return [found.group(1) for found in _COMPOUND_RE.finditer(text)] + [
        found.group(0) for found in _QUOTED_RE.finditer(text)]


def _strings(node: Any, out: list[str]) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            if key not in _MACHINE_KEYS:
                _strings(value, out)
    elif isinstance(node, list):
        for item in node:
            _strings(item, out)
    elif isinstance(node, str):
        out.append(node)


def readable_text(call: Call) -> str:
    """What a person sees of one call: its text, blocks and view (never ids, values or metadata)."""
    out: list[str] = []
    for name in ("text", "blocks", "view", "attachments"):
        value = call.params.get(name)
        if isinstance(value, str) and name != "text":
            try:
                value = json.loads(value)
            except ValueError:
                pass
        _strings(value, out)
    return "\n".join(out)


def raw_ids_in_calls(calls: list[Call]) -> list[tuple[str, str]]:
    return [(call.method, found) for call in calls for found in raw_ids(readable_text(call))]
