"""Buttons, shortcuts, forms and commands the app no longer has: acked, logged in one line, the person told.

A message posted by an older version of the app keeps its buttons, and a workspace can still hold a shortcut or
a command from an older manifest. Without a listener Bolt answers 404, which Slack shows as an error on the button.
These catch-alls are registered last, so they only see what no other listener took; they ack, log the request's
ids (never its values), and tell the presser privately that it is outdated: next to the button (response_url),
in the form itself, in the command's reply, or in a small modal for a shortcut or an App Home button, which have
nowhere else to answer. Everything else no listener takes (events, `app_rate_limited`, a closed form) is acked by
`bot.errors.handle_error`.
"""
from __future__ import annotations

import logging
import re
from typing import Any

from slack_bolt import Ack, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.payloads import field, log_ids
from bot.views.notices import outdated_message, outdated_modal

__all__ = ["ANY", "outdated_command", "outdated_element", "outdated_form"]

log = logging.getLogger(__name__)

#: Matches every id: these listeners are registered last, so they only see what no other listener took.
ANY = re.compile(".*", re.DOTALL)


def outdated_element(ack: Ack, body: dict[str, Any], respond: Respond | None, client: WebClient) -> None:
    """A button or a shortcut."""
    ack()
    log.info("unhandled request acknowledged %s outdated=told", log_ids(body))
    _tell(body, respond, client)


def outdated_form(ack: Ack, body: dict[str, Any]) -> None:
    ack(response_action="update", view=outdated_modal())
    log.info("unhandled request acknowledged %s outdated=told", log_ids(body))


def outdated_command(ack: Ack, body: dict[str, Any]) -> None:
    ack(response_type="ephemeral", **outdated_message())
    log.info("unhandled request acknowledged %s outdated=told", log_ids(body))


def _tell(body: dict[str, Any], respond: Respond | None, client: WebClient) -> None:
    """Privately, wherever this kind of request allows; best effort, as the ack has already gone."""
    try:
        if respond is not None and field(body, "response_url"):
            respond(response_type="ephemeral", replace_original=False, **outdated_message())
        elif field(body, "trigger_id"):
            client.views_open(trigger_id=field(body, "trigger_id"), view=outdated_modal())
    except (SlackApiError, OSError) as error:  # Slack refused, or its response_url could not be reached
        log.warning("could not tell about an outdated element user=%s error=%s", field(body, "user", "id"),
                    type(error).__name__)
