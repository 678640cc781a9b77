"""Listeners grouped by Slack surface; each module's `register(app, services=...)` wires its own."""
from __future__ import annotations

from slack_bolt import App

from bot.listeners import actions, commands, events, modals
from bot.services import Services

__all__ = ["register"]


def register(app: App, *, services: Services) -> None:
    for surface in (events, commands, actions, modals):
        surface.register(app, services=services)
