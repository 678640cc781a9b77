"""The Slack stand-in's Web API: what the app calls (`chat.postMessage`, `chat.update`, `views.open`, …) kept as
conversations and open modals a page can show, instead of being sent to Slack.

It answers the methods the app uses the way Slack does (the same fields the app reads back: `ts`, `channel.id`,
`view.id`, `x-oauth-scopes` on auth.test), so the app runs unchanged against it. State lives in memory and is
guarded by one lock: the app calls it from its listener, sender and answer threads at once.

`tests/fake_slack.py` records calls for assertions; this one keeps what a person would see (a message updated in
place replaces the old one, a modal replaced by `views.update` is the one shown).
"""
from __future__ import annotations

import itertools
import json
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from bot.settings import BOT_SCOPES

__all__ = ["BOT_ID", "BOT_USER_ID", "TEAM_ID", "Message", "Modal", "SlackStandIn"]

TEAM_ID = "T0DEMO"
BOT_USER_ID = "U0BOT"
BOT_ID = "B0BOT"


@dataclass
class Message:
    """One message in a conversation: the bot's (blocks and all) or a person's; `visible_to` marks an ephemeral
    one (a slash command's private answer), shown only to that person."""

    ts: str
    user: str
    text: str
    blocks: list[dict[str, Any]] = field(default_factory=list)
    thread_ts: str | None = None
    visible_to: str | None = None
    edited: bool = False

    def as_json(self) -> dict[str, Any]:
        return {"ts": self.ts, "user": self.user, "text": self.text, "blocks": self.blocks,
                "thread_ts": self.thread_ts, "visible_to": self.visible_to, "edited": self.edited,
                "bot": self.user == BOT_USER_ID}


@dataclass
class Modal:
    """A modal the app opened for `user`; `id` is the view id Slack would give it."""

    id: str
    user: str
    view: dict[str, Any]
    errors: dict[str, str] = field(default_factory=dict)


def _blocks(value: Any) -> list[dict[str, Any]]:
    """Blocks as the client sends them: a JSON string in a form body, a list in a JSON body."""
    blocks = json.loads(value) if isinstance(value, str) else value
    return list(blocks or [])


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


class SlackStandIn:
    """The workspace as the page shows it: conversations by channel id, modals by person, App Home by person."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._last_ts = 0.0
        self._view_ids = itertools.count(1)
        self._triggers: dict[str, str] = {}
        self._trigger_ids = itertools.count(1)
        self.conversations: dict[str, list[Message]] = {}
        #: Each person's stack of open modals (the last one is on top).
        self.modals: dict[str, list[Modal]] = {}
        self.homes: dict[str, dict[str, Any]] = {}
        #: Incremented on every change, so the page knows when to redraw.
        self.version = 0

    # -- what people do ----------------------------------------------------------------------------------------

    def next_ts(self) -> str:
        """Unique and increasing, like Slack's message timestamps."""
        with self._lock:
            self._last_ts = max(time.time(), self._last_ts + 0.000001)
            return f"{self._last_ts:.6f}"

    def add(self, channel: str, message: Message) -> Message:
        with self._lock:
            self.conversations.setdefault(channel, []).append(message)
            self.version += 1
        return message

    def trigger_for(self, user: str) -> str:
        """A trigger id for one interaction by `user`: `views.open` with it opens the modal for that person."""
        trigger = f"{next(self._trigger_ids)}.demo.trigger"
        with self._lock:
            self._triggers[trigger] = user
        return trigger

    def top_modal(self, user: str) -> Modal | None:
        with self._lock:
            stack = self.modals.get(user) or []
            return stack[-1] if stack else None

    def close_modals(self, user: str) -> None:
        with self._lock:
            self.modals.pop(user, None)
            self.version += 1

    def replace_modal(self, user: str, view: dict[str, Any], *, push: bool = False) -> None:
        """`response_action: update` (or `push`) from a submission: the top modal becomes (or gets over it) `view`."""
        with self._lock:
            stack = self.modals.setdefault(user, [])
            if push or not stack:
                stack.append(Modal(f"V{next(self._view_ids):06d}", user, view))
            else:
                stack[-1] = Modal(stack[-1].id, user, view)
            self.version += 1

    def show_errors(self, user: str, errors: dict[str, str]) -> None:
        with self._lock:
            stack = self.modals.get(user) or []
            if stack:
                stack[-1].errors = dict(errors)
            self.version += 1

    def snapshot(self, user: str) -> dict[str, Any]:
        """What `user` sees: every conversation (ephemeral messages only their own), their modal and App Home."""
        with self._lock:
            conversations = {
                channel: [m.as_json() for m in messages if m.visible_to in (None, user)]
                for channel, messages in self.conversations.items()
            }
            stack = self.modals.get(user) or []
            modal = ({"id": stack[-1].id, "view": stack[-1].view, "errors": stack[-1].errors} if stack else None)
            return {"version": self.version, "conversations": conversations, "modal": modal,
                    "home": self.homes.get(user)}

    # -- the Web API -------------------------------------------------------------------------------------------

    def respond(self, channel: str, user: str, params: dict[str, Any]) -> None:
        """A message sent to a slash command's or a button's `response_url`: ephemeral to `user` unless it says
        `in_channel`; `replace_original` is not needed by the demo's first slice (see the TODO in the report)."""
        ephemeral = params.get("response_type") != "in_channel"
        self.add(channel, Message(self.next_ts(), BOT_USER_ID, str(params.get("text") or ""),
                                  _blocks(params.get("blocks")), visible_to=user if ephemeral else None))

    def call(self, method: str, params: dict[str, Any]) -> tuple[dict[str, str], dict[str, Any]]:
        """Answer one Web API call: extra headers and the JSON body."""
        if method == "auth.test":
            return {"x-oauth-scopes": ",".join(sorted(BOT_SCOPES))}, {
                "ok": True, "url": "http://127.0.0.1/", "team": "Demo", "user": "privacy-bot", "team_id": TEAM_ID,
                "user_id": BOT_USER_ID, "bot_id": BOT_ID}
        handler = getattr(self, "_" + method.replace(".", "_"), None)
        if handler is None:
            return {}, {"ok": True}
        answer: dict[str, Any] = handler(params)
        return {}, answer

    def _chat_postMessage(self, params: dict[str, Any]) -> dict[str, Any]:  # noqa: N802 - Slack's method name
        channel = str(params.get("channel"))
        message = self.add(channel, Message(self.next_ts(), BOT_USER_ID, str(params.get("text") or ""),
                                            _blocks(params.get("blocks")), params.get("thread_ts") or None))
        return {"ok": True, "channel": channel, "ts": message.ts,
                "message": {"ts": message.ts, "text": message.text, "metadata": _json(params.get("metadata"))}}

    def _chat_update(self, params: dict[str, Any]) -> dict[str, Any]:
        channel, ts = str(params.get("channel")), str(params.get("ts"))
        with self._lock:
            found = next((m for m in self.conversations.get(channel, []) if m.ts == ts), None)
            if found is None:
                return {"ok": False, "error": "message_not_found"}
            found.text = str(params.get("text") or found.text)
            if "blocks" in params:
                found.blocks = _blocks(params.get("blocks"))
            found.edited = True
            self.version += 1
        return {"ok": True, "channel": channel, "ts": ts, "message": {"ts": ts, "text": found.text}}

    def _conversations_open(self, params: dict[str, Any]) -> dict[str, Any]:
        user = str(params.get("users", "")).split(",")[0]
        return {"ok": True, "channel": {"id": "D" + user}}

    def _conversations_history(self, params: dict[str, Any]) -> dict[str, Any]:
        return self._history(params, thread=None)

    def _conversations_replies(self, params: dict[str, Any]) -> dict[str, Any]:
        return self._history(params, thread=str(params.get("ts")))

    def _history(self, params: dict[str, Any], *, thread: str | None) -> dict[str, Any]:
        oldest = float(params.get("oldest") or 0)
        with self._lock:
            messages = [m for m in self.conversations.get(str(params.get("channel")), [])
                        if float(m.ts) > oldest and m.visible_to is None
                        and (thread in (m.ts, m.thread_ts) if thread else m.thread_ts in (None, m.ts))]
        found = [{"type": "message", "ts": m.ts, "text": m.text, "user": m.user, "thread_ts": m.thread_ts,
                  "blocks": m.blocks} for m in messages]
        return {"ok": True, "messages": found if thread else list(reversed(found)), "has_more": False,
                "response_metadata": {"next_cursor": ""}}

    def _chat_getPermalink(self, params: dict[str, Any]) -> dict[str, Any]:  # noqa: N802
        channel, ts = params.get("channel"), str(params.get("message_ts", ""))
        return {"ok": True, "channel": channel, "permalink": f"/#{channel}/{ts}"}

    def _views_open(self, params: dict[str, Any]) -> dict[str, Any]:
        with self._lock:
            user = self._triggers.pop(str(params.get("trigger_id")), None)
        if user is None:
            return {"ok": False, "error": "invalid_trigger_id"}
        view = _json(params.get("view"))
        modal = Modal(f"V{next(self._view_ids):06d}", user, view)
        with self._lock:
            self.modals[user] = [modal]
            self.version += 1
        return {"ok": True, "view": {"id": modal.id, **view}}

    def _views_push(self, params: dict[str, Any]) -> dict[str, Any]:
        with self._lock:
            user = self._triggers.pop(str(params.get("trigger_id")), None)
        if user is None:
            return {"ok": False, "error": "invalid_trigger_id"}
        self.replace_modal(user, _json(params.get("view")), push=True)
        return {"ok": True, "view": _json(params.get("view"))}

    def _views_update(self, params: dict[str, Any]) -> dict[str, Any]:
        view_id, view = str(params.get("view_id")), _json(params.get("view"))
        with self._lock:
            for stack in self.modals.values():
                for index, modal in enumerate(stack):
                    if modal.id == view_id:
                        stack[index] = Modal(view_id, modal.user, view)
                        self.version += 1
                        return {"ok": True, "view": {"id": view_id, **view}}
        return {"ok": False, "error": "not_found"}

    def _views_publish(self, params: dict[str, Any]) -> dict[str, Any]:
        with self._lock:
            self.homes[str(params.get("user_id"))] = _json(params.get("view"))
            self.version += 1
        return {"ok": True, "view": {"id": "VHOME"}}
