"""The intake modal: an agent logs a privacy request while the requester is on the phone. Pure builders.

Each input block is named after the `intake.validation` field it fills (`requester.email`), so
`modal_errors` can hand the core's per-field messages back to Slack next to their fields, and `intake_fields`
reads a submission into exactly the mapping `validate_new_case` takes (the CLI's JSON shape).
"""
from __future__ import annotations

from typing import Any

from intake import Case, Classification, Config, RequestTypes
from intake.validation import AGENT_KINDS, CHANNELS, DATA_ROLES, IDENTITY_METHODS, IDENTITY_STATUSES

from bot import ids
from bot.models import IntakeMetadata
from bot.payloads import input_value
from bot.views import case_labels
from bot.views.blocks import Block, context, escape, sections, truncate
from bot.views.notices import intake_routing_lines

__all__ = ["DESCRIPTION_MAX", "busy_errors", "intake_done_view", "intake_fields", "intake_modal", "modal_errors"]

#: Slack's ceiling for a plain_text_input; the core accepts longer text (the CLI), the modal cannot.
DESCRIPTION_MAX = 3000
SHORT_MAX = 200
TITLE_MAX = 24
OPTION_TEXT_MAX = 75

_INPUT_BLOCKS = {
    ids.BLOCK_TYPE, ids.BLOCK_URGENT, ids.BLOCK_NAME, ids.BLOCK_EMAIL, ids.BLOCK_PHONE, ids.BLOCK_CHANNEL,
    ids.BLOCK_DESCRIPTION, ids.BLOCK_IDENTITY_STATUS, ids.BLOCK_IDENTITY_METHOD, ids.BLOCK_DATA_ROLE,
    ids.BLOCK_CLIENT_NAME, ids.BLOCK_AGENT_KIND, ids.BLOCK_AGENT_NAME,
}


def _plain(text: str, limit: int = 2000) -> dict[str, Any]:
    return {"type": "plain_text", "text": truncate(text, limit), "emoji": True}


def _option(value: str, text: str) -> dict[str, Any]:
    return {"text": _plain(text, OPTION_TEXT_MAX), "value": value}


def _input(block_id: str, label: str, element: dict[str, Any], *, optional: bool = False,
           hint: str | None = None) -> Block:
    block: Block = {"type": "input", "block_id": block_id, "label": _plain(label),
                    "element": {**element, "action_id": ids.INPUT_VALUE}, "optional": optional}
    if hint:
        block["hint"] = _plain(hint)
    return block


def _text_input(*, max_length: int, multiline: bool = False, initial: str | None = None,
                placeholder: str | None = None) -> dict[str, Any]:
    element: dict[str, Any] = {"type": "plain_text_input", "multiline": multiline, "max_length": max_length}
    if initial:
        element["initial_value"] = initial[:max_length]
    if placeholder:
        element["placeholder"] = _plain(placeholder, 150)
    return element


def _select(options: list[dict[str, Any]], *, initial: str | None = None, kind: str = "static_select") -> dict[str, Any]:
    element: dict[str, Any] = {"type": kind, "options": options}
    chosen = next((option for option in options if option["value"] == initial), None)
    if chosen is not None:
        element["initial_option"] = chosen
    if kind == "static_select":
        element["placeholder"] = _plain("選択してください / Choose", 150)
    return element


def _choices(values: tuple[str, ...], labels: dict[str, str]) -> list[dict[str, Any]]:
    return [_option(value, case_labels.label(labels, value)) for value in values]


def intake_modal(
    metadata: IntakeMetadata,
    *,
    request_types: RequestTypes,
    description: str | None = None,
    suggestion: Classification | None = None,
) -> Block:
    """The modal, empty or prefilled from a message (`description`, and the type and urgency `classify` saw)."""
    blocks: list[Block] = []
    if suggestion is not None:
        suggested = request_types[suggestion.type].label
        blocks.append(context(escape(
            f"メッセージから種別を推定しました: *{suggested.ja}*（確信度 {suggestion.confidence:.0%}）。"
            f"違う場合は選び直してください。\nSuggested from the message: {suggested.en} "
            f"(confidence {suggestion.confidence:.0%}). Change it if it is wrong."
        )))
    type_options = [_option(t.id, f"{t.label.ja} / {t.label.en}") for t in request_types]
    blocks.append(_input(ids.BLOCK_TYPE, "依頼の種別 / Request type",
                         _select(type_options, initial=suggestion.type if suggestion else None)))
    urgent_option = _option("urgent", "緊急として扱う / Treat as urgent")
    urgent_element: dict[str, Any] = {"type": "checkboxes", "options": [urgent_option]}
    if suggestion is not None and suggestion.urgent:
        urgent_element["initial_options"] = [urgent_option]
    blocks.append(_input(ids.BLOCK_URGENT, "緊急 / Urgent", urgent_element, optional=True,
                         hint="漏えいの疑い・捜査機関からの照会・訴訟の示唆などは、責任者と副責任者にすぐ通知します。"
                              " / Leaks, authority requests and legal threats reach the manager and deputy at once."))
    blocks += [
        _input(ids.BLOCK_NAME, "依頼者の氏名（または組織名） / Requester's name (or organisation)",
               _text_input(max_length=SHORT_MAX)),
        _input(ids.BLOCK_EMAIL, "メールアドレス / Email", _text_input(max_length=320, placeholder="taro@example.com"),
               optional=True, hint="メールか電話番号のどちらかは必須です / Email or phone is required"),
        _input(ids.BLOCK_PHONE, "電話番号 / Phone", _text_input(max_length=40, placeholder="03-1234-5678"),
               optional=True),
        _input(ids.BLOCK_CHANNEL, "受付経路 / Received via", _select(_choices(CHANNELS, case_labels.CHANNELS))),
        _input(ids.BLOCK_DESCRIPTION, "依頼の内容 / What the requester asked",
               _text_input(max_length=DESCRIPTION_MAX, multiline=True, initial=description)),
        _input(ids.BLOCK_IDENTITY_STATUS, "本人確認 / Identity check",
               _select(_choices(IDENTITY_STATUSES, case_labels.IDENTITY_STATUSES), initial="unverified")),
        _input(ids.BLOCK_IDENTITY_METHOD, "確認方法 / Method", _select(_choices(IDENTITY_METHODS,
               case_labels.IDENTITY_METHODS)), optional=True, hint="確認済みの場合は必須です / Required when verified"),
        _input(ids.BLOCK_DATA_ROLE, "データの区分 / Whose data",
               _select(_choices(DATA_ROLES, case_labels.DATA_ROLES), initial="own_user", kind="radio_buttons")),
        _input(ids.BLOCK_CLIENT_NAME, "クライアント名（委託元のデータの場合） / Client (for client data)",
               _text_input(max_length=SHORT_MAX), optional=True),
        {"type": "divider"},
        context("代理人からの依頼の場合だけ記入してください / Only when an agent (代理人) acts for the requester"),
        _input(ids.BLOCK_AGENT_KIND, "代理人の種類 / Agent", _select(_choices(AGENT_KINDS, case_labels.AGENT_KINDS)),
               optional=True),
        _input(ids.BLOCK_AGENT_NAME, "代理人の氏名 / Agent's name", _text_input(max_length=SHORT_MAX),
               optional=True),
        context("🔒 入力した個人情報は責任者・プライバシーチームにだけ DM で届き、チャンネルには表示されません。"
                " / Personal data goes only to the privacy team by DM, never to a channel."),
    ]
    return {
        "type": "modal",
        "callback_id": ids.VIEW_INTAKE,
        "private_metadata": metadata.encode(),
        "title": _plain("プライバシー依頼の受付", TITLE_MAX),
        "submit": _plain("登録 / Submit", TITLE_MAX),
        "close": _plain("キャンセル / Cancel", TITLE_MAX),
        "blocks": blocks,
    }


def intake_fields(values: dict[str, Any]) -> dict[str, Any]:
    """A submission's `view.state.values` as the intake mapping of `intake.validate_new_case`."""
    def get(block_id: str) -> Any:
        return input_value(values, block_id, ids.INPUT_VALUE)

    fields: dict[str, Any] = {
        "type": get(ids.BLOCK_TYPE),
        "description": get(ids.BLOCK_DESCRIPTION),
        "channel": get(ids.BLOCK_CHANNEL),
        "requester": {"name": get(ids.BLOCK_NAME), "email": get(ids.BLOCK_EMAIL), "phone": get(ids.BLOCK_PHONE)},
        "data_role": get(ids.BLOCK_DATA_ROLE),
        "client_name": get(ids.BLOCK_CLIENT_NAME),
        "identity": {"status": get(ids.BLOCK_IDENTITY_STATUS), "method": get(ids.BLOCK_IDENTITY_METHOD)},
        "urgent": "urgent" in (get(ids.BLOCK_URGENT) or []),
    }
    agent = {"kind": get(ids.BLOCK_AGENT_KIND), "name": get(ids.BLOCK_AGENT_NAME)}
    if any(agent.values()):
        fields["agent"] = agent
    return fields


def modal_errors(errors: dict[str, str]) -> dict[str, str]:
    """The core's per-field errors keyed by the modal's block ids; one the modal has no field for goes on top."""
    placed: dict[str, str] = {}
    for field, message in errors.items():
        block = field if field in _INPUT_BLOCKS else {"requester": ids.BLOCK_NAME, "agent": ids.BLOCK_AGENT_KIND,
                                                      "identity": ids.BLOCK_IDENTITY_STATUS}.get(field, ids.BLOCK_TYPE)
        placed[block] = f"{placed[block]}\n{message}" if block in placed else message
    return placed


def busy_errors() -> dict[str, str]:
    """The database could not take the case in time: said in the modal (on top), which stays open as it was."""
    return modal_errors({"database": "ただいま混み合っていて登録できませんでした。何も保存されていません。もう一度「登録」を"
                                     "押してください。 / Too busy to log this right now: nothing was stored. Please "
                                     "submit again."})


def intake_done_view(case: Case, *, request_types: RequestTypes, config: Config, repeat: bool = False) -> Block:
    """What the modal turns into once the case is stored: its id, due date and who it reaches, nothing personal.
    `repeat`: this submission had already been logged (sent twice), so it points to that case instead of making
    another."""
    kind = request_types[case.type].label
    first = (f"✅ この依頼は *{case.id}* として登録済みです（二重には登録していません）。 / Already logged as *{case.id}* "
             "(not logged twice)." if repeat else f"✅ *{case.id}* として受け付けました。 / Logged as *{case.id}*.")
    lines = [
        first,
        f"種別 / Type: {escape(kind.ja)} / {escape(kind.en)}",
        f"期限 / Due: {case_labels.jst(case.due_at)}（日本時間 / Japan time）",
        *intake_routing_lines(config=config, urgent=case.urgent),
    ]
    return {
        "type": "modal",
        "callback_id": ids.VIEW_INTAKE,
        "title": _plain("受付完了 / Logged", TITLE_MAX),
        "close": _plain("閉じる / Close", TITLE_MAX),
        "blocks": sections("\n".join(lines)),
    }
