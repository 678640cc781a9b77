"""A fake Slack Web API on loopback: a real HTTP server in a thread that records every call.

The app under test talks to it through `SLACK_API_URL`-style `base_url`, exactly as it talks to Slack, so the
tests cover the real client, its retry handlers and the JSON the app sends. It also stands in for the
`response_url` of slash commands and buttons (`/response/<name>`), recorded as method "response_url".

    fake = FakeSlack().start()
    fake.fail_next("chat.postMessage", status=429, retry_after=0)   # the next call answers 429
    ...
    [call] = fake.wait_for("chat.postMessage")
    call.params["thread_ts"]

Posted messages are kept per channel (with their blocks and metadata) and served by `conversations.history` (the
channel's top level) and `conversations.replies` (a thread), so the "did my post land before the crash?" check
reads what was really posted. `stall_next` records a post and then hangs before answering, which is how a test puts
a process to death between Slack's send and our mark; `slow_down` does that to every call until `heal`.

A misconfigured workspace is scripted with `refuse` (every call naming a channel or user answers Slack's error,
as a deleted channel or a wrong member id does), `fail_next(..., error=...)` (Slack's `ok: false` with extra fields,
e.g. `missing_scope` with `needed`) and `scopes` (what auth.test reports in `x-oauth-scopes`; by default exactly
the scopes app_manifest.yaml declares, as an install from the manifest grants).
"""
from __future__ import annotations

import json
import sys
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import yaml

TEAM_ID = "T0FAKE"
BOT_USER_ID = "U0BOT"
BOT_ID = "B0BOT"
RESPONSE_URL_METHOD = "response_url"
MANIFEST = Path(__file__).resolve().parents[1] / "app_manifest.yaml"


def manifest_scopes() -> list[str]:
    """The bot scopes app_manifest.yaml declares: what Slack grants a token installed from it."""
    return list(yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))["oauth_config"]["scopes"]["bot"])


@dataclass
class Call:
    """One request the app made: the API method (or "response_url"), its parameters and the token used."""

    method: str
    params: dict[str, Any]
    token: str | None
    path: str
    at: float = field(default_factory=time.monotonic)

    def json_param(self, name: str) -> Any:
        """A parameter the client may send as a JSON string (form body) or as JSON (json body)."""
        value = self.params.get(name)
        return json.loads(value) if isinstance(value, str) else value

    def blocks(self) -> list[dict[str, Any]]:
        blocks = self.params.get("blocks") or []
        return json.loads(blocks) if isinstance(blocks, str) else blocks

    def all_text(self) -> str:
        """Every string in the message (text and blocks), for asserting on what a person would read."""
        parts: list[str] = [str(self.params.get("text") or "")]

        def walk(node: Any) -> None:
            if isinstance(node, dict):
                for key, value in node.items():
                    if key == "text" and isinstance(value, str):
                        parts.append(value)
                    else:
                        walk(value)
            elif isinstance(node, list):
                for item in node:
                    walk(item)

        walk(self.blocks())
        return "\n".join(parts)

    def buttons(self) -> dict[str, dict[str, Any]]:
        """Buttons of the message by action_id."""
        return {
            element["action_id"]: element
            for block in self.blocks()
            if block.get("type") == "actions"
            for element in block["elements"]
        }


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Quiet when the app hung up mid-call (the kill -9 tests do that on purpose)."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@dataclass
class _Failure:
    method: str | None
    status: int
    retry_after: int | None
    remaining: int
    error: str | None = None
    fields: dict[str, Any] = field(default_factory=dict)


class FakeSlack:
    def __init__(self) -> None:
        self.calls: list[Call] = []
        self._lock = threading.Lock()
        self._failures: list[_Failure] = []
        self._last_ts = 0.0
        self.history: dict[str, list[dict[str, Any]]] = {}
        self._stalls: dict[str, float] = {}
        self._slow: dict[str, float] = {}
        self.valid_tokens_prefixes = ("xoxb-", "xapp-")
        self.rejected_tokens: set[str] = set()
        #: Reported by auth.test in the `x-oauth-scopes` header.
        self.scopes: list[str] = manifest_scopes()
        self._refusals: dict[str, dict[str, Any]] = {}
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - quiet
                pass

            def do_POST(self) -> None:  # noqa: N802 - http.server's naming
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode("utf-8")
                status, headers, body = fake._handle(self.path, dict(self.headers), raw)
                payload = body.encode("utf-8")
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST  # noqa: N815

        self._server = _Server(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, name="fake-slack", daemon=True)

    # -- lifecycle -------------------------------------------------------------------------------------------

    def start(self) -> FakeSlack:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    @property
    def base(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def api_url(self) -> str:
        return f"{self.base}/api/"

    def response_url(self, name: str = "hook") -> str:
        return f"{self.base}/response/{name}"

    # -- scripting -------------------------------------------------------------------------------------------

    def fail_next(self, method: str | None = None, *, status: int = 429, retry_after: int | None = 0, times: int = 1,
                  error: str | None = None, **fields: Any) -> None:
        """Answer the next `times` calls to `method` (any method when None) with `status` (429 gets Retry-After),
        and Slack's `error` code (default `ratelimited` / `internal_error`) with any extra `fields`."""
        with self._lock:
            self._failures.append(_Failure(method, status, retry_after if status == 429 else None, times, error,
                                           fields))

    def refuse(self, target: str, error: str, **fields: Any) -> None:
        """Every call naming `target` as its channel or user answers `ok: false` with `error` (and `fields`), the
        way Slack answers for a channel that is gone or the bot is not in, or a member id that does not exist."""
        with self._lock:
            self._refusals[target] = {"ok": False, "error": error, **fields}

    def heal(self) -> None:
        """Forget every scripted failure, refusal and stall: Slack is healthy again."""
        with self._lock:
            self._failures.clear()
            self._stalls.clear()
            self._slow.clear()
            self._refusals.clear()

    def stall_next(self, method: str, seconds: float) -> None:
        """The next call to `method` is carried out (and recorded), then its answer waits `seconds`."""
        with self._lock:
            self._stalls[method] = seconds

    def slow_down(self, method: str, seconds: float) -> None:
        """Every call to `method` is carried out (and recorded), then its answer waits `seconds`, until `heal()`."""
        with self._lock:
            self._slow[method] = seconds

    # -- inspection ------------------------------------------------------------------------------------------

    def calls_to(self, method: str) -> list[Call]:
        with self._lock:
            return [call for call in self.calls if call.method == method]

    def wait_for(self, method: str, count: int = 1, timeout: float = 5.0) -> list[Call]:
        """Poll until `count` calls to `method` arrived (replies come after the ack, on other threads)."""
        deadline = time.monotonic() + timeout
        while True:
            calls = self.calls_to(method)
            if len(calls) >= count or time.monotonic() > deadline:
                assert len(calls) >= count, f"expected {count} {method} call(s), got {len(calls)}: {self.methods()}"
                return calls
            time.sleep(0.005)

    def methods(self) -> list[str]:
        with self._lock:
            return [call.method for call in self.calls]

    # -- the API ---------------------------------------------------------------------------------------------

    def _handle(self, path: str, headers: dict[str, str], raw: str) -> tuple[int, dict[str, str], str]:
        parts = urlsplit(path)
        content_type = headers.get("Content-Type") or headers.get("content-type") or ""
        params: dict[str, Any] = dict(parse_qsl(parts.query))
        if raw:
            params.update(json.loads(raw) if "json" in content_type else dict(parse_qsl(raw)))
        auth = headers.get("Authorization") or headers.get("authorization") or ""
        token = auth.removeprefix("Bearer ") or params.get("token")
        if parts.path.startswith("/response/"):
            method = RESPONSE_URL_METHOD
        else:
            method = parts.path.removeprefix("/api/")
        call = Call(method=method, params=params, token=token, path=parts.path)
        with self._lock:
            self.calls.append(call)
            failure = next((f for f in self._failures if f.method in (None, method) and f.remaining > 0), None)
            if failure is not None:
                failure.remaining -= 1
        if failure is not None:
            extra = {"Retry-After": str(failure.retry_after)} if failure.retry_after is not None else {}
            error = failure.error or ("ratelimited" if failure.status == 429 else "internal_error")
            return failure.status, {"Content-Type": "application/json", **extra}, json.dumps(
                {"ok": False, "error": error, **failure.fields})
        if method == RESPONSE_URL_METHOD:
            return 200, {"Content-Type": "text/plain"}, "ok"
        if token in self.rejected_tokens or not (token or "").startswith(self.valid_tokens_prefixes):
            return 200, {"Content-Type": "application/json"}, json.dumps({"ok": False, "error": "invalid_auth"})
        with self._lock:
            refusal = next((self._refusals[str(params[name])] for name in ("channel", "users")
                            if str(params.get(name)) in self._refusals), None)
        if refusal is not None:
            return 200, {"Content-Type": "application/json"}, json.dumps(refusal)
        if method == "auth.test":
            return 200, {"Content-Type": "application/json", "x-oauth-scopes": ",".join(self.scopes)}, json.dumps(
                self._answer(method, params))
        answer = json.dumps(self._answer(method, params))
        with self._lock:
            stall = self._stalls.pop(method, None) or self._slow.get(method)
        if stall is not None:
            time.sleep(stall)
        return 200, {"Content-Type": "application/json"}, answer

    def _answer(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        if method == "auth.test":
            return {"ok": True, "url": "https://fake.slack.com/", "team": "Fake", "user": "privacy-bot",
                    "team_id": TEAM_ID, "user_id": BOT_USER_ID, "bot_id": BOT_ID}
        if method == "chat.postMessage":
            with self._lock:  # unique and increasing, like Slack's, and comparable with `oldest`
                self._last_ts = max(time.time(), self._last_ts + 0.000001)
                ts = f"{self._last_ts:.6f}"
            message = {"type": "message", "ts": ts, "text": params.get("text"), "user": BOT_USER_ID, "bot_id": BOT_ID,
                       "blocks": Call(method, params, None, "").blocks(), "metadata": Call(method, params, None, "")
                       .json_param("metadata"), "thread_ts": params.get("thread_ts") or None}
            with self._lock:
                self.history.setdefault(str(params.get("channel")), []).append(message)
            return {"ok": True, "channel": params.get("channel"), "ts": ts, "message": message}
        if method == "chat.update":
            return {"ok": True, "channel": params.get("channel"), "ts": params.get("ts"),
                    "message": {"text": params.get("text"), "ts": params.get("ts")}}
        if method in ("conversations.history", "conversations.replies"):
            oldest = float(params.get("oldest") or 0)
            parent = params.get("ts") if method == "conversations.replies" else None
            with self._lock:
                messages = [m for m in self.history.get(str(params.get("channel")), []) if float(m["ts"]) > oldest
                            and (parent in (m["ts"], m["thread_ts"]) if parent else m["thread_ts"] in (None, m["ts"]))]
            return {"ok": True, "messages": messages if parent else list(reversed(messages)), "has_more": False,
                    "response_metadata": {"next_cursor": ""}}
        if method == "conversations.open":
            return {"ok": True, "channel": {"id": "D" + str(params.get("users", "X")).split(",")[0]}}
        if method == "chat.getPermalink":
            ts = str(params.get("message_ts", "")).replace(".", "")
            return {"ok": True, "channel": params.get("channel"),
                    "permalink": f"https://fake.slack.com/archives/{params.get('channel')}/p{ts}"}
        if method in ("views.open", "views.publish"):
            return {"ok": True, "view": {"id": "V0FAKE"}}
        if method == "apps.connections.open":
            return {"ok": True, "url": f"ws://127.0.0.1:1/link"}
        return {"ok": True}
