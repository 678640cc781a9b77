"""`app_manifest.yaml` and README.md match what the app does, both ways, without reading Bolt's private state.

- Scopes come from the code: an `ast` scan of bot/ and privacy_bot/ finds every Slack Web API method called
  (`client.chat_postMessage(...)`, `client.api_call("chat.postMessage")`), `METHOD_SCOPES` maps each to the bot
  scopes Slack documents for it, and the subscribed events and the commands/shortcuts add theirs. A method the
  table does not know fails, as does a scope the manifest grants that nothing needs, or one it lacks.
- Listeners are checked by asking the app: each event, slash command, shortcut, button and modal that the manifest
  or bot/ids.py names is sent, signed, to the real HTTP endpoint, and must be taken by a listener, not acknowledged
  as unhandled (`bot.errors.handle_error`) or as outdated (`bot.listeners.stale`). The other way round, bot/ids.py
  is where the app names what Slack routes on: its event, command and shortcut names must be the manifest's.
"""
from __future__ import annotations

import ast
import importlib
import inspect
import itertools
import logging
import time
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import slack_sdk.web.client
import yaml

from bot import ids
from bot.settings import BOT_SCOPES
from tests.bot.conftest import AGENT, RunningBot
from tests.fake_slack import BOT_USER_ID, TEAM_ID
from tests.slack_helpers import block_action, view_submission

ROOT = Path(__file__).resolve().parents[2]
#: The code that talks to Slack with the bot token: the app and the CLI (`serve`, `doctor`).
SLACK_CODE = ("bot", "privacy_bot")

#: Bot scopes each Web API method needs, as docs.slack.dev/reference/methods states them. Methods that read a
#: conversation need the scope of each kind of conversation the app reads: public and private channels (answers in
#: threads, the escalation channel) and DMs (the manager's, the asker's); never group DMs. An empty set: no scope.
METHOD_SCOPES: dict[str, frozenset[str]] = {
    "auth.test": frozenset(),
    "apps.connections.open": frozenset(),  # an app-level token's connections:write, not a bot scope
    "chat.postMessage": frozenset({"chat:write"}),
    "chat.update": frozenset({"chat:write"}),
    "chat.getPermalink": frozenset(),
    "conversations.open": frozenset({"im:write"}),  # a DM with one person
    "conversations.history": frozenset({"channels:history", "groups:history", "im:history"}),
    "conversations.replies": frozenset({"channels:history", "groups:history", "im:history"}),
    "views.open": frozenset(),
    "views.update": frozenset(),
    "views.publish": frozenset(),
}
#: Bot scopes each event subscription needs (docs.slack.dev/reference/events).
EVENT_SCOPES: dict[str, frozenset[str]] = {
    "app_mention": frozenset({"app_mentions:read"}),
    "message.im": frozenset({"im:history"}),
    "app_home_opened": frozenset(),
}
#: Slash commands and shortcuts both need `commands`.
COMMANDS_SCOPE = "commands"

UNHANDLED = "unhandled request acknowledged"


def manifest() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((ROOT / "app_manifest.yaml").read_text(encoding="utf-8"))
    return data


# -- What the code calls --------------------------------------------------------------------------------------------


def web_api_methods() -> dict[str, str]:
    """slack_sdk's WebClient method names mapped to the Web API method each calls (`chat_postMessage` →
    `chat.postMessage`), read from the `api_call("…")` inside each method so the mapping is the client's own."""
    tree = ast.parse(inspect.getsource(slack_sdk.web.client))
    found: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and not node.name.startswith("_"):
            for call in ast.walk(node):
                if isinstance(call, ast.Call) and _api_call_name(call):
                    found[node.name] = _api_call_name(call) or ""
                    break
    return found


def _api_call_name(call: ast.Call) -> str | None:
    func = call.func
    if isinstance(func, ast.Attribute) and func.attr == "api_call" and call.args:
        first = call.args[0]
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            return first.value
    return None


def called_methods() -> dict[str, set[str]]:
    """Every Web API method the Slack-facing code calls, with the places (`file:line`) that call it."""
    client_methods = web_api_methods()
    calls: dict[str, set[str]] = {}
    for folder in SLACK_CODE:
        for path in sorted((ROOT / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
                if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                    continue
                method = _api_call_name(node) or client_methods.get(node.func.attr)
                if method:
                    calls.setdefault(method, set()).add(f"{path.relative_to(ROOT)}:{node.lineno}")
    return calls


def needed_scopes(data: dict[str, Any]) -> set[str]:
    """The bot scopes the code's calls and the manifest's subscriptions need. Fails on a method or an event that
    the tables above do not know, so a new call cannot slip past without its scope being looked up."""
    calls = called_methods()
    unknown = {method: places for method, places in calls.items() if method not in METHOD_SCOPES}
    assert not unknown, f"look up the scopes of these Web API methods and add them to METHOD_SCOPES: {unknown}"
    events = data["settings"]["event_subscriptions"]["bot_events"]
    assert set(events) <= set(EVENT_SCOPES), f"add the scopes of {set(events) - set(EVENT_SCOPES)} to EVENT_SCOPES"
    needed = set().union(*(METHOD_SCOPES[method] for method in calls), *(EVENT_SCOPES[event] for event in events))
    if data["features"].get("slash_commands") or data["features"].get("shortcuts"):
        needed.add(COMMANDS_SCOPE)
    return needed


# -- What the app handles -------------------------------------------------------------------------------------------


def constants(prefix: str) -> set[str]:
    """The values of the constants whose names start with `prefix` (EVENT_, SHORTCUT_, ACTION_, VIEW_) in
    bot/ids.py and in the view modules that build blocks (a view may name its own button beside its builder)."""
    views = (importlib.import_module(f"bot.views.{path.stem}") for path in (ROOT / "bot" / "views").glob("*.py"))
    modules = [ids, *views]
    return {value for module in modules for name, value in vars(module).items()
            if name.startswith(prefix) and isinstance(value, str)}


_ts = (f"1700002{n:03d}.000100" for n in itertools.count(1))


def event(name: str) -> dict[str, Any]:
    """An event of the manifest's `name`: `message.im` is Slack's `message` with `channel_type: im`."""
    kind, _, channel_type = name.partition(".")
    ts = next(_ts)
    payload: dict[str, Any] = {"type": kind, "user": AGENT, "channel": "D0AGENT" if channel_type == "im" else
                               "C0GENERAL", "text": f"<@{BOT_USER_ID}> 個人情報の開示請求", "ts": ts, "event_ts": ts,
                               "tab": "home"}
    return {**payload, "channel_type": channel_type} if channel_type else payload


def shortcut(kind: str, callback_id: str, response_url: str) -> dict[str, Any]:
    base = {"callback_id": callback_id, "trigger_id": "1337.42.trigger", "user": {"id": AGENT},
            "team": {"id": TEAM_ID}}
    if kind == "global":
        return {"type": "shortcut", **base}
    return {"type": "message_action", **base, "channel": {"id": "C0GENERAL"}, "response_url": response_url,
            "message": {"type": "message", "user": "U0ASKER", "text": "削除してください", "ts": next(_ts)},
            "message_ts": "1700000000.000100"}


def menu_options_of_every_card() -> list[dict[str, Any]]:
    """The ⋯ menu options of a case card in each open status, for a refusable type and for one that is not."""
    from intake import OPEN_STATUSES, Case, Requester, load_request_types

    from bot.views.case_messages import case_buttons

    moment = datetime(2026, 5, 11, 10, tzinfo=UTC)
    options: dict[str, dict[str, Any]] = {}
    for status, type_id in itertools.product(sorted(OPEN_STATUSES), ("disclosure", "leak_report")):
        case = Case("PRV-2026-0001", type_id, status, False, moment, moment, "email", "x", Requester("x"))
        for element in case_buttons(case, load_request_types()):
            for option in element.get("options", ()):
                options[option["value"]] = option
    return list(options.values())


class Probe:
    """Sends requests to the running app and tells, from the log, which ones no listener took."""

    def __init__(self, caplog: pytest.LogCaptureFixture) -> None:
        self.caplog = caplog
        caplog.set_level(logging.INFO)

    def untaken(self, names: Iterable[str], send: Callable[[str], object], *, control: str,
                logged_as: Callable[[str], str] = str) -> set[str]:
        """The names among `names` whose request, sent by `send`, was acknowledged as unhandled; `logged_as` turns a
        name into the one the log line writes (`name=…`).

        `control`, a name nothing handles, is sent last: its line must appear, which shows the detector works and
        that the fallbacks (which log just after their ack) have had their turn."""
        names = set(names)
        for name in (*sorted(names), control):
            send(name)
        deadline = time.monotonic() + 10
        while logged_as(control) not in self._unhandled():
            assert time.monotonic() < deadline, f"the control request {control} was never logged as unhandled"
            time.sleep(0.02)
        time.sleep(0.2)
        return {name for name in names if logged_as(name) in self._unhandled()}

    def _unhandled(self) -> set[str]:
        lines = [record.getMessage() for record in list(self.caplog.records)]
        return {line.split(" name=", 1)[1].split(" ", 1)[0] for line in lines if UNHANDLED in line}


@pytest.fixture
def probe(caplog: pytest.LogCaptureFixture) -> Probe:
    return Probe(caplog)


class TestManifest:
    def test_every_declared_event_is_handled(self, bot: RunningBot, probe: Probe) -> None:
        declared = manifest()["settings"]["event_subscriptions"]["bot_events"]
        untaken = probe.untaken(declared, lambda name: bot.slack.event(event(name)), control="reaction_added",
                                logged_as=lambda name: name.partition(".")[0])
        assert untaken == set()

    def test_the_app_names_exactly_the_declared_events(self) -> None:
        declared = {name.partition(".")[0] for name in manifest()["settings"]["event_subscriptions"]["bot_events"]}
        assert constants("EVENT_") == declared

    def test_every_declared_slash_command_is_handled_and_only_those_are_named(self, bot: RunningBot,
                                                                              probe: Probe) -> None:
        declared = {entry["command"] for entry in manifest()["features"]["slash_commands"]}
        assert {ids.SLASH_COMMAND} == declared
        url = bot.fake.response_url("command")
        untaken = probe.untaken(declared, lambda command: bot.slack.command("help", command=command, response_url=url),
                                control="/privacy-retired")
        assert untaken == set()

    def test_every_declared_shortcut_is_handled_and_only_those_are_named(self, bot: RunningBot,
                                                                         probe: Probe) -> None:
        declared = {entry["callback_id"]: entry["type"] for entry in manifest()["features"]["shortcuts"]}
        assert constants("SHORTCUT_") == set(declared)
        url = bot.fake.response_url("shortcut")
        untaken = probe.untaken(declared, lambda callback_id: bot.slack.interaction(
            shortcut(declared.get(callback_id, "global"), callback_id, url)), control="privacy_inquiry_v0")
        assert untaken == set()

    def test_interactivity_is_on_and_every_button_has_a_listener(self, bot: RunningBot, probe: Probe) -> None:
        url = bot.fake.response_url("button")
        buttons = constants("ACTION_")
        assert buttons

        def press(action_id: str) -> None:
            if action_id != ids.ACTION_CASE_MORE:
                bot.slack.interaction(block_action(action_id, "1", user=AGENT, response_url=url))
                return
            # The card's ⋯ menu is routed option by option: each option any card can carry must be taken.
            for option in menu_options_of_every_card():
                payload = block_action(action_id, "", user=AGENT, response_url=url)
                payload["actions"][0].update(type="overflow", selected_option=option)
                bot.slack.interaction(payload)

        untaken = probe.untaken(buttons, press, control="answer_feedback_v1")
        assert untaken == set()
        assert manifest()["settings"]["interactivity"]["is_enabled"] is True

    def test_the_modals_with_a_submit_button_have_a_listener(self, bot: RunningBot, probe: Probe) -> None:
        untaken = probe.untaken(constants("VIEW_"), lambda callback_id: bot.slack.interaction(
            view_submission(callback_id, private_metadata="{}", values={}, user=AGENT)),
            control="privacy_inquiry_modal_v0")
        # The case detail modal is read-only: it has no submit button, so Slack never sends its submission.
        assert untaken == {ids.VIEW_CASE_DETAIL}

    def test_only_the_scopes_the_code_needs(self) -> None:
        data = manifest()
        assert set(data["oauth_config"]["scopes"]["bot"]) == needed_scopes(data)

    def test_the_scope_table_has_no_method_the_code_no_longer_calls(self) -> None:
        assert set(METHOD_SCOPES) == set(called_methods())

    def test_doctor_expects_exactly_the_scopes_the_manifest_declares(self) -> None:
        assert set(manifest()["oauth_config"]["scopes"]["bot"]) == BOT_SCOPES

    def test_socket_mode_on_without_request_urls(self) -> None:
        data = manifest()
        assert data["settings"]["socket_mode_enabled"] is True
        assert "request_url" not in str(data["settings"]) and "url" not in str(data["features"]["slash_commands"])

    def test_app_home_has_a_messages_tab_and_a_home_tab_only_with_its_event(self) -> None:
        data = manifest()
        home = data["features"]["app_home"]
        assert home["messages_tab_enabled"] is True and home["messages_tab_read_only_enabled"] is False
        assert home["home_tab_enabled"] is (ids.EVENT_APP_HOME_OPENED in data["settings"]["event_subscriptions"][
            "bot_events"])


class TestReadme:
    def test_the_slack_setup_section_names_the_command_and_the_manifest(self) -> None:
        readme = (ROOT / "README.md").read_text(encoding="utf-8")
        section = readme.split("## Set up in Slack", 1)[1].split("\n## ", 1)[0]
        for needle in ("app_manifest.yaml", "/privacy", "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET",
                       "privacy-bot serve", "--http", ".venv/bin/privacy-bot doctor", "SLACK_API_URL",
                       "channels:history"):
            assert needle in section, needle

    def test_the_slash_command_takes_url_not_request_url(self) -> None:
        readme = (ROOT / "README.md").read_text(encoding="utf-8")
        section = readme.split("## Set up in Slack", 1)[1].split("\n## ", 1)[0]
        assert "`url: https://YOUR-HOST/slack/events` to the `/privacy` slash command" in section
        assert "interactivity and `/privacy`" not in section  # request_url belongs to those two only
