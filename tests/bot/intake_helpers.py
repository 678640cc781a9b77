"""Filling the intake modal and pressing case buttons the way Slack does it, for the end-to-end tests.

`fill` turns the view the app opened into the `view_submission` Slack would send: every input block of the view
appears in `state.values` under its block id and action id, with the element's type, and select answers must be
one of the view's own options (as in Slack, where nothing else can be picked).
"""
from __future__ import annotations

from datetime import datetime
from typing import Any

from intake import JST

from tests.fake_slack import Call
from tests.slack_helpers import SlackSender, block_action, view_submission

#: A plain business day in Tokyo, at opening time (no holiday near it).
MONDAY_10 = datetime(2026, 5, 11, 10, 0, tzinfo=JST)

REQUESTER = {"name": "山田太郎", "email": "taro.yamada@example.com", "phone": "090-1234-5678",
             "description": "退会したので、通話録音を含めて私のデータを全部消してください。"}


def valid_answers(**overrides: Any) -> dict[str, Any]:
    answers: dict[str, Any] = {
        "type": "deletion",
        "requester.name": REQUESTER["name"],
        "requester.email": REQUESTER["email"],
        "requester.phone": REQUESTER["phone"],
        "channel": "phone",
        "description": REQUESTER["description"],
        "identity.status": "unverified",
        "data_role": "own_user",
    }
    answers.update(overrides)
    return answers


def _option(element: dict[str, Any], value: str) -> dict[str, Any]:
    options = {option["value"]: option for option in element["options"]}
    assert value in options, f"{value!r} is not an option of the modal ({sorted(options)})"
    return options[value]


def fill(view: dict[str, Any], answers: dict[str, Any], *, forge: bool = False) -> dict[str, Any]:
    """`state.values` for `view` with `answers` by block id (`forge` lets a select carry a value it does not offer)."""
    values: dict[str, Any] = {}
    for block in view["blocks"]:
        if block["type"] != "input":
            continue
        element = block["element"]
        answer = answers.get(block["block_id"])
        state: dict[str, Any] = {"type": element["type"]}
        if element["type"] in ("static_select", "radio_buttons"):
            if answer is None:
                state["selected_option"] = element.get("initial_option")
            else:
                state["selected_option"] = {"value": answer} if forge else _option(element, answer)
        elif element["type"] == "checkboxes":
            state["selected_options"] = [_option(element, value) for value in answer or []]
        elif element["type"] == "users_select":
            state["selected_user"] = answer
        elif element["type"] == "datepicker":
            state["selected_date"] = answer
        else:
            state["value"] = answer if answer is not None else element.get("initial_value")
        values[block["block_id"]] = {element["action_id"]: state}
    return values


def submit(slack: SlackSender, view: dict[str, Any], answers: dict[str, Any], *, user: str,
           forge: bool = False, view_id: str | None = None) -> Any:
    """Submit `view` filled with `answers`, as a modal of its own (or as modal `view_id`, to submit it again)."""
    payload = view_submission(view["callback_id"], private_metadata=view.get("private_metadata", ""),
                              values=fill(view, answers, forge=forge), user=user, view_id=view_id)
    return slack.interaction(payload)


def menu_options(card: Call) -> dict[str, dict[str, Any]]:
    """The options of the card's ⋯ menu, by the action id of the button each stands for."""
    menu = card.buttons().get("case_more")
    return {option["value"].split(" ")[0]: option for option in menu["options"]} if menu else {}


def press(slack: SlackSender, card: Call, action_id: str, *, user: str, response_url: str,
          ts: str = "1700000500.000100") -> Any:
    """Press a button of a message the bot posted (`card`), as `user`, in the DM it was posted to; an action the
    card offers in its ⋯ menu is chosen there, as Slack sends it (an `overflow` action with `selected_option`)."""
    buttons = card.buttons()
    payload = block_action(action_id if action_id in buttons else "case_more",
                           buttons[action_id]["value"] if action_id in buttons else "", user=user,
                           channel=card.params["channel"], message_ts=ts, thread_ts=None, response_url=response_url)
    if action_id not in buttons:
        option = menu_options(card)[action_id]
        [chosen] = payload["actions"]
        del chosen["value"]
        chosen.update(type="overflow", selected_option=option)
    return slack.interaction(payload)
