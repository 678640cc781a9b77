"""`privacy-bot demo`'s process: the real app (`build_runtime`, on a throwaway database) behind its real HTTP edge,
and one loopback web server that is at once the app's Slack Web API (`/api/…`, `/response/…`) and the page a
person uses (`/`, `/demo/…`).

What a person does in the page becomes what Slack would send: a message mentioning @privacy-bot in a channel is an
`app_mention` event, a message in the DM is a `message.im` event, `/privacy …` is a slash command, a button is a
`block_actions` interaction and a modal's form is a `view_submission`, each signed and posted to `/slack/events`.
What the app answers (the HTTP reply to a submission, its Web API calls) is kept by `SlackStandIn` for the page.
"""
from __future__ import annotations

import itertools
import json
import secrets
import shutil
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from knowledge import KnowledgeBase, load_knowledge_base

from bot.demo import requests
from bot.demo.people import CHANNELS, PEOPLE, demo_config
from bot.demo.standin import BOT_USER_ID, Message, SlackStandIn
from bot.http_server import EVENTS_PATH, SlackHttpServer
from bot.runtime import Runtime, build_runtime
from bot.settings import Settings

__all__ = ["DemoServer", "state_values"]

#: A bot token of Slack's shape that only the stand-in ever sees.
DEMO_BOT_TOKEN = "xoxb-demo-local-only"
BOT_NAME = "@privacy-bot"


class DemoServer:
    """Start with `start()`, then open `url`; `stop()` stops everything and deletes the throwaway database."""

    def __init__(self, *, port: int = 0, knowledge_base: KnowledgeBase | None = None) -> None:
        self.standin = SlackStandIn()
        self._responses: dict[str, tuple[str, str]] = {}
        self._response_ids = itertools.count(1)
        self._knowledge = knowledge_base
        self._dir = Path(tempfile.mkdtemp(prefix="privacy-bot-demo-"))
        self._web = ThreadingHTTPServer(("127.0.0.1", port), _handler(self))
        self._web.daemon_threads = True
        self._runtime: Runtime | None = None
        self._edge: SlackHttpServer | None = None
        self._app: requests.AppLink | None = None

    @property
    def url(self) -> str:
        host, port = self._web.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> DemoServer:
        threading.Thread(target=self._web.serve_forever, name="demo-web", daemon=True).start()
        secret = secrets.token_hex(16)
        settings = Settings(bot_token=DEMO_BOT_TOKEN, signing_secret=secret, api_url=self.url + "/api/")
        knowledge = self._knowledge or load_knowledge_base()
        self._runtime = build_runtime(settings, demo_config(), self._dir / "demo.db", knowledge).start()
        self._edge = SlackHttpServer(self._runtime.app, signing_secret=secret, host="127.0.0.1", port=0,
                                     drain_seconds=0).start()
        self._app = requests.AppLink(self._edge.url + EVENTS_PATH, secret)
        return self

    def stop(self) -> None:
        if self._edge is not None:
            self._edge.stop(timeout=5)
        if self._runtime is not None:
            self._runtime.stop()
            self._runtime.answers.inbox.close()
        self._web.shutdown()
        self._web.server_close()
        shutil.rmtree(self._dir, ignore_errors=True)

    # -- what the page asks for -------------------------------------------------------------------------------

    def state(self, user: str) -> dict[str, Any]:
        people = [{"id": p.id, "name": p.name, "role": p.role} for p in PEOPLE]
        return {**self.standin.snapshot(user), "people": people, "channels": CHANNELS, "bot": BOT_USER_ID}

    def say(self, *, user: str, channel: str, text: str, thread_ts: str | None = None) -> dict[str, Any]:
        """A person writes in a channel or their DM with the bot; `/privacy …` is a slash command instead."""
        app = self._link()
        if text.startswith("/privacy"):
            status, body = app.command(text.removeprefix("/privacy").strip(), user=user, channel=channel,
                                       response_url=self._response_url(channel, user),
                                       trigger_id=self.standin.trigger_for(user))
            if status == 200 and body.strip().startswith("{"):  # an ack with a message: shown to the person only
                self.standin.respond(channel, user, json.loads(body))
            return {"status": status}
        ts = self.standin.next_ts()
        self.standin.add(channel, Message(ts, user, text, thread_ts=thread_ts))
        if channel.startswith("D"):
            status, _ = app.event(requests.direct_message(text, user=user, channel=channel, ts=ts))
        elif BOT_NAME in text:
            status, _ = app.event(requests.mention(text.replace(BOT_NAME, f"<@{BOT_USER_ID}>"), user=user,
                                                   channel=channel, ts=ts, thread_ts=thread_ts))
        else:
            status = 200  # a message nobody addressed to the bot: the app is not told, as in Slack
        return {"status": status}

    def press(self, *, user: str, channel: str, ts: str, action: dict[str, Any]) -> dict[str, Any]:
        """A person presses a button (or picks from a ⋯ menu) of the message `ts` in `channel`."""
        found = next((m for m in self.standin.snapshot(user)["conversations"].get(channel, []) if m["ts"] == ts),
                     None)
        if found is None:
            return {"status": 404}
        payload = {
            "type": "block_actions", "user": {"id": user}, "trigger_id": self.standin.trigger_for(user),
            "container": {"type": "message", "message_ts": ts, "channel_id": channel,
                          "is_ephemeral": found["visible_to"] is not None},
            "channel": {"id": channel},
            "message": {"type": "message", "ts": ts, "text": found["text"], "blocks": found["blocks"],
                        **({"thread_ts": found["thread_ts"]} if found["thread_ts"] else {})},
            "response_url": self._response_url(channel, user),
            "actions": [{**action, "action_ts": self.standin.next_ts()}],
        }
        status, _ = self._link().interaction(payload)
        return {"status": status}

    def submit(self, *, user: str, answers: dict[str, Any]) -> dict[str, Any]:
        """A person submits their open modal with `answers` (the form's values by block id)."""
        modal = self.standin.top_modal(user)
        if modal is None:
            return {"status": 404}
        view = {"id": modal.id, "type": "modal", "callback_id": modal.view.get("callback_id"),
                "private_metadata": modal.view.get("private_metadata", ""),
                "state": {"values": state_values(modal.view, answers)}}
        status, body = self._link().interaction({"type": "view_submission", "user": {"id": user}, "view": view})
        reply = json.loads(body) if status == 200 and body.strip().startswith("{") else {}
        action = reply.get("response_action")
        if action == "errors":
            self.standin.show_errors(user, reply.get("errors") or {})
        elif action in ("update", "push"):
            self.standin.replace_modal(user, reply["view"], push=action == "push")
        elif status == 200:
            self.standin.close_modals(user)
        return {"status": status, "response_action": action}

    def open_home(self, user: str) -> dict[str, Any]:
        """A person opens the bot's App Home tab: Slack's `app_home_opened` event, which the app answers by
        publishing the view."""
        status, _ = self._link().event({"type": "app_home_opened", "user": user, "channel": "D" + user,
                                        "tab": "home", "event_ts": self.standin.next_ts()})
        return {"status": status}

    def close_modal(self, user: str) -> None:
        self.standin.close_modals(user)

    def _link(self) -> requests.AppLink:
        assert self._app is not None, "start() first"
        return self._app

    def _response_url(self, channel: str, user: str) -> str:
        key = str(next(self._response_ids))
        self._responses[key] = (channel, user)
        return f"{self.url}/response/{key}"

    def answer_response_url(self, key: str, params: dict[str, Any]) -> bool:
        target = self._responses.get(key)
        if target is None:
            return False
        self.standin.respond(*target, params)
        return True


def state_values(view: dict[str, Any], answers: dict[str, Any]) -> dict[str, Any]:
    """`view.state.values` as Slack sends it for `view` filled with `answers` (by block id): every input block
    under its block id and action id with the element's type; select answers become the view's own option."""
    values: dict[str, Any] = {}
    for block in view.get("blocks") or []:
        if block.get("type") != "input":
            continue
        element = block["element"]
        kind = element["type"]
        answer = answers.get(block["block_id"])
        options = {o["value"]: o for o in element.get("options") or []}
        state: dict[str, Any] = {"type": kind}
        if kind in ("static_select", "radio_buttons"):
            state["selected_option"] = options.get(answer) if answer else None
        elif kind in ("checkboxes", "multi_static_select"):
            chosen = answer if isinstance(answer, list) else [answer] if answer else []
            state["selected_options"] = [options[v] for v in chosen if v in options]
        elif kind == "users_select":
            state["selected_user"] = answer or None
        elif kind == "datepicker":
            state["selected_date"] = answer or None
        else:
            state["value"] = answer or None
        values[block["block_id"]] = {element["action_id"]: state}
    return values


def _handler(demo: DemoServer) -> type[BaseHTTPRequestHandler]:
    page = resources.files("bot.demo").joinpath("page.html").read_bytes()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - quiet: bodies hold what was typed
            pass

        def _send(self, status: int, body: bytes, content_type: str, headers: dict[str, str] | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _json(self, status: int, value: Any, headers: dict[str, str] | None = None) -> None:
            self._send(status, json.dumps(value, ensure_ascii=False).encode("utf-8"), "application/json", headers)

        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            parts = urlsplit(self.path)
            if parts.path == "/":
                self._send(200, page, "text/html; charset=utf-8")
            elif parts.path == "/demo/state":
                self._json(200, demo.state(dict(parse_qsl(parts.query)).get("user", PEOPLE[0].id)))
            else:
                self._send(404, b"not found\n", "text/plain")

        def do_POST(self) -> None:  # noqa: N802
            parts = urlsplit(self.path)
            raw = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode("utf-8")
            if parts.path.startswith("/api/"):
                params: dict[str, Any] = dict(parse_qsl(parts.query))
                if raw:
                    is_json = "json" in (self.headers.get("Content-Type") or "")
                    params.update(json.loads(raw) if is_json else dict(parse_qsl(raw)))
                headers, answer = demo.standin.call(parts.path.removeprefix("/api/"), params)
                self._json(200, answer, headers)
            elif parts.path.startswith("/response/"):
                found = demo.answer_response_url(parts.path.removeprefix("/response/"), json.loads(raw or "{}"))
                self._send(200 if found else 404, b"ok" if found else b"no_service", "text/plain")
            elif parts.path in _PAGE_ACTIONS:
                try:
                    self._json(200, _PAGE_ACTIONS[parts.path](demo, json.loads(raw or "{}")))
                except (KeyError, TypeError, ValueError) as error:
                    self._json(400, {"error": type(error).__name__})
            else:
                self._send(404, b"not found\n", "text/plain")

    return Handler


_PAGE_ACTIONS: dict[str, Any] = {
    "/demo/say": lambda demo, body: demo.say(user=body["user"], channel=body["channel"], text=body["text"],
                                              thread_ts=body.get("thread_ts")),
    "/demo/press": lambda demo, body: demo.press(user=body["user"], channel=body["channel"], ts=body["ts"],
                                                  action=body["action"]),
    "/demo/submit": lambda demo, body: demo.submit(user=body["user"], answers=body["answers"]),
    "/demo/home": lambda demo, body: demo.open_home(body["user"]),
    "/demo/close": lambda demo, body: demo.close_modal(body["user"]) or {},
}
