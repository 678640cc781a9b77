"""`app_manifest.yaml` and README.md match what the app registers, both ways."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from slack_bolt import App

from bot.settings import BOT_SCOPES
from tests.bot.conftest import RunningBot

ROOT = Path(__file__).resolve().parents[2]
# Bolt sees `message.im` as a `message` event (with channel_type "im").
EVENT_NAMES = {"message": "message.im"}
# The scopes each subscription or Web API method we call needs (docs.slack.dev/reference/scopes).
SCOPES_FOR_EVENT = {"app_mention": "app_mentions:read", "message.im": "im:history", "app_home_opened": None}
# chat.postMessage/update; conversations.open for the manager's DM; conversations.history of the escalation channel,
# private (groups:) or public (channels:), which the outbox reads before re-posting after a crash (DMs are covered by
# im:history) and `doctor` reads to check the bot is a member.
SCOPES_FOR_CALLS = {"chat:write", "im:write", "groups:history", "channels:history"}


def manifest() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "app_manifest.yaml").read_text(encoding="utf-8"))


def registered(app: App) -> dict[str, set[str]]:
    """What the app's listeners match, read from the constraint each Bolt matcher was built with."""
    found: dict[str, set[str]] = {"event": set(), "command": set(), "block_action": set(), "view_submission": set(),
                                  "global_shortcut": set(), "message_shortcut": set()}
    for listener in app._listeners:
        for matcher in listener.matchers:
            func = getattr(matcher, "func", None)
            kind = func.__qualname__.split(".")[0] if func else ""
            cells = [cell.cell_contents for cell in (func.__closure__ or ())] if func else []
            names = {value for value in cells if isinstance(value, str)}
            if kind in ("event", "command"):
                found[kind] |= {EVENT_NAMES.get(name, name) for name in names}
            elif kind in ("action", "block_action"):
                found["block_action"] |= names
            elif kind in found:
                found[kind] |= names
    return found


class TestManifest:
    def test_events_match_both_ways(self, bot: RunningBot) -> None:
        assert registered(bot.server.app)["event"] == set(manifest()["settings"]["event_subscriptions"]["bot_events"])

    def test_slash_commands_match_both_ways(self, bot: RunningBot) -> None:
        commands = {entry["command"] for entry in manifest()["features"]["slash_commands"]}
        assert registered(bot.server.app)["command"] == commands

    def test_shortcuts_match_both_ways(self, bot: RunningBot) -> None:
        declared = {kind: {s["callback_id"] for s in manifest()["features"]["shortcuts"] if s["type"] == kind}
                    for kind in ("global", "message")}
        found = registered(bot.server.app)
        assert found["global_shortcut"] == declared["global"]
        assert found["message_shortcut"] == declared["message"]

    def test_interactivity_is_on_exactly_when_there_are_buttons_or_modals(self, bot: RunningBot) -> None:
        found = registered(bot.server.app)
        assert found["block_action"] and found["view_submission"]
        assert manifest()["settings"]["interactivity"]["is_enabled"] is True

    def test_only_the_scopes_the_app_uses(self, bot: RunningBot) -> None:
        data = manifest()
        needed = {SCOPES_FOR_EVENT[event] for event in data["settings"]["event_subscriptions"]["bot_events"]} - {None}
        needed |= SCOPES_FOR_CALLS | ({"commands"} if data["features"]["slash_commands"] else set())
        assert set(data["oauth_config"]["scopes"]["bot"]) == needed

    def test_doctor_expects_exactly_the_scopes_the_manifest_declares(self) -> None:
        assert set(manifest()["oauth_config"]["scopes"]["bot"]) == BOT_SCOPES

    def test_socket_mode_on_without_request_urls(self) -> None:
        data = manifest()
        assert data["settings"]["socket_mode_enabled"] is True
        assert "request_url" not in str(data["settings"]) and "url" not in str(data["features"]["slash_commands"])

    def test_app_home_has_a_messages_tab_and_no_unhandled_home_tab(self, bot: RunningBot) -> None:
        home = manifest()["features"]["app_home"]
        assert home["messages_tab_enabled"] is True and home["messages_tab_read_only_enabled"] is False
        assert home["home_tab_enabled"] is ("app_home_opened" in registered(bot.server.app)["event"])


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
