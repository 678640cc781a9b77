"""Listeners, one module per part of the app; each module's `register(app, services=...)` wires its own.

events, commands, actions, modals: the policy Q&A (and `/privacy intake`, which opens the intake modal);
intake: the shortcuts and the intake modal's submission; cases: the manager's buttons, their forms and App Home;
stale, registered last: whatever interactive request none of them took (an outdated button, shortcut or form).
"""
from __future__ import annotations

from slack_bolt import App

from bot.listeners import actions, cases, commands, events, guidance, intake, modals, stale
from bot.services import Services

__all__ = ["register"]


def register(app: App, *, services: Services) -> None:
    for surface in (events, commands, actions, modals, intake, cases, guidance, stale):  # stale last: it takes the rest
        surface.register(app, services=services)
