"""Reading Slack payloads defensively: Slack's shapes are documented, but not every request that reaches the
endpoint is a well-formed one (old clients, replays, hand-written tests, a future field change).

`PayloadGuard` runs before Bolt's own middleware looks inside the body (it is installed as `before_authorize`,
so after the signature check): a body Bolt would trip over (an `event` that is not an object, `actions` missing)
is acknowledged with 200 and logged by its type only, rather than failing with a 500 that Slack would retry.
"""
from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Callable, Mapping
from typing import Any

from slack_bolt.middleware import Middleware
from slack_bolt.request import BoltRequest
from slack_bolt.response import BoltResponse

__all__ = ["PayloadGuard", "field", "has_question", "input_value", "log_ids", "payload_problem"]

_EMOJI_CODE = re.compile(r":[a-z0-9_+'-]+:")
#: Longest id quoted in a log line; Slack's ids and routing names are far shorter.
_ID_MAX = 64


def field(mapping: object, *path: str) -> str:
    """The string at `path` inside nested dicts, or "" when any step is missing or of the wrong type."""
    node = mapping
    for key in path:
        if not isinstance(node, Mapping):
            return ""
        node = node.get(key)
    return node if isinstance(node, str) else ""


def log_ids(body: Mapping[str, Any]) -> str:
    """A request in a log line: its type, the name it is routed on (event type, action id, callback id or
    command) and its Slack ids; never anything a person wrote."""
    first_action = body.get("actions")
    action = first_action[0] if isinstance(first_action, list) and first_action else None
    kind = field(body, "type") or ("slash_command" if "command" in body else "")
    name = (field(body, "event", "type") or field(action, "action_id") or field(body, "callback_id")
            or field(body, "view", "callback_id") or field(body, "command") or field(body, "action_id"))
    ids = {
        "type": kind,
        "name": name,
        "event_id": field(body, "event_id"),
        "team": field(body, "team_id") or field(body, "team", "id"),
        "channel": field(body, "event", "channel") or field(body, "channel_id") or field(body, "channel", "id")
        or field(body, "container", "channel_id"),
        "user": field(body, "event", "user") or field(body, "user_id") or field(body, "user", "id"),
    }
    return " ".join(f"{key}={value[:_ID_MAX] or '-'}" for key, value in ids.items())


def input_value(values: object, block_id: str, action_id: str) -> Any:
    """What a modal submission holds for one input (`view.state.values[block][action]`): its text, the selected
    option's value, the checked options' values, the picked date or user; None when absent or malformed."""
    block = values.get(block_id) if isinstance(values, Mapping) else None
    element = block.get(action_id) if isinstance(block, Mapping) else None
    if not isinstance(element, Mapping):
        return None
    if "selected_options" in element:
        options = element.get("selected_options")
        return [o.get("value") for o in options if isinstance(o, Mapping)] if isinstance(options, list) else []
    if "selected_option" in element:
        option = element.get("selected_option")
        return option.get("value") if isinstance(option, Mapping) else None
    for key in ("selected_date", "selected_user", "value"):
        if key in element:
            return element.get(key)
    return None


def has_question(text: str) -> bool:
    """True when the text holds at least one letter or digit once emoji (😀 or `:smile:`) are taken out."""
    return any(unicodedata.category(ch)[0] in "LN" for ch in _EMOJI_CODE.sub(" ", text))


def payload_problem(body: Mapping[str, Any]) -> str | None:
    """Why Bolt could not route this body, or None when it can."""
    kind = body.get("type")
    if kind == "event_callback":
        event = body.get("event")
        if not isinstance(event, Mapping) or not isinstance(event.get("type"), str):
            return "event without a type"
    elif kind == "block_actions":
        actions = body.get("actions")
        if not isinstance(actions, list) or not actions or not isinstance(actions[0], Mapping):
            return "block_actions without actions"
        if not isinstance(actions[0].get("action_id"), str):
            return "action without an action_id"
    elif kind in ("view_submission", "view_closed"):
        view = body.get("view")
        if not isinstance(view, Mapping) or not all(isinstance(view.get(key), str) for key in ("callback_id", "type")):
            return "view without a callback_id or type"
    elif "command" in body and not isinstance(body.get("command"), str):
        return "command is not a string"
    return None


class PayloadGuard(Middleware):
    """Acknowledge and drop bodies Bolt cannot route, before anything reads inside them.

    A `Middleware` subclass rather than a middleware function on purpose: Bolt prepares a function's keyword
    arguments from the body first (`to_action` takes `actions[0]`), which is exactly what fails on such bodies.
    """

    def __init__(self, log: logging.Logger) -> None:
        self._log = log

    def process(
        self, *, req: BoltRequest, resp: BoltResponse, next: Callable[[], BoltResponse]  # noqa: A002
    ) -> BoltResponse | None:
        body = req.body if isinstance(req.body, Mapping) else {}
        problem = payload_problem(body) if body else "body is not an object"
        if problem is not None:
            self._log.warning("malformed payload ignored type=%s problem=%s", str(body.get("type"))[:40], problem)
            return BoltResponse(status=200, body="")
        return next()
