"""Modals about one case: its details with history (from App Home or a reminder), and the forms behind the card's
buttons (Assign, Resolve, Refuse, Extend, Transfer, Wait for requester, Withdraw). Pure builders.

Form inputs are named after the error keys of `intake` (`ground`, `reason`, `due`…), so a `ValidationError` goes
back next to its field as it is (worded by `bot/views/problems.py`); `bot/views/case_forms.py` reads each form
back into a command.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from intake import JST, Case, RequestTypes
from intake.case import AuditEntry

from bot import ids
from bot.models import CaseActionMetadata
from bot.views import case_labels
from bot.views.blocks import Block, context, escape, quote, sections, truncate
from bot.views.case_messages import last_change, waiting_line

__all__ = [
    "HISTORY_SHOWN",
    "assign_modal",
    "case_detail_modal",
    "extend_modal",
    "refuse_modal",
    "resolve_modal",
    "transfer_modal",
    "wait_modal",
    "withdraw_modal",
]

HISTORY_SHOWN = 40
TITLE_MAX = 24
REASON_MAX = 2000


def _plain(text: str, limit: int = 2000) -> dict[str, Any]:
    return {"type": "plain_text", "text": truncate(text, limit), "emoji": True}


def _modal(callback_id: str, case: Case, title: str, blocks: list[Block], *, submit: str | None = "保存 / Save") -> Block:
    view: Block = {
        "type": "modal",
        "callback_id": callback_id,
        "private_metadata": CaseActionMetadata(case.id).encode(),
        "title": _plain(title, TITLE_MAX),
        "close": _plain("閉じる / Close", TITLE_MAX),
        "blocks": blocks,
    }
    if submit:
        view["submit"] = _plain(submit, TITLE_MAX)
    return view


def _input(block_id: str, label: str, element: dict[str, Any], *, optional: bool = False) -> Block:
    return {"type": "input", "block_id": block_id, "label": _plain(label), "optional": optional,
            "element": {**element, "action_id": ids.INPUT_VALUE}}


def _select(options: Sequence[tuple[str, str]]) -> dict[str, Any]:
    return {"type": "static_select", "placeholder": _plain("選択してください / Choose", 150),
            "options": [{"text": _plain(text, 75), "value": value} for value, text in options]}


def _reason(label: str, *, optional: bool) -> Block:
    return _input(ids.BLOCK_REASON, label, {"type": "plain_text_input", "multiline": True, "max_length": REASON_MAX},
                  optional=optional)


def _heading(case: Case, request_types: RequestTypes) -> Block:
    kind = request_types[case.type].label
    return context(escape(f"{case.id} ・ {kind.ja} / {kind.en} ・ 期限 / Due {case_labels.jst(case.due_at)}"))


def case_detail_modal(case: Case, *, request_types: RequestTypes) -> Block:
    """Everything about a case and its audit trail, for a privileged reader (it shows personal data)."""
    kind = request_types[case.type].label
    requester = case.requester
    lines = [
        f"*{case.id}*{' 🚨' if case.urgent else ''}",
        f"種別 / Type: {escape(kind.ja)} / {escape(kind.en)}",
        f"状態 / Status: {case_labels.label(case_labels.STATUSES, case.status)}",
        f"期限 / Due: {case_labels.jst(case.due_at)}",
        f"担当 / Assignee: {f'<@{case.assignee}>' if case.assignee else '未割り当て / none'}",
        f"依頼者 / Requester: {escape(requester.name)}",
        f"連絡先 / Contact: {' / '.join(escape(v) for v in (requester.email, requester.phone) if v) or '—'}",
        f"受付 / Received: {case_labels.jst(case.received_at)}（{case_labels.label(case_labels.CHANNELS, case.channel)}）",
        f"本人確認 / Identity: {case_labels.label(case_labels.IDENTITY_STATUSES, case.identity.status)}",
    ]
    waiting = waiting_line(case)
    if waiting:
        lines.append(waiting)
    blocks: list[Block] = sections("\n".join(lines))
    blocks += quote(truncate(case.description, 2900))
    blocks.append({"type": "header", "text": _plain("履歴 / History", 150)})
    history: Sequence[AuditEntry] = case.history[-HISTORY_SHOWN:]
    entries = []
    for entry in history:
        note = f"\n　{escape(truncate(entry.note, 300))}" if entry.note else ""
        entries.append(f"• {last_change(entry)}{note}")
    blocks += sections("\n".join(entries) or "—")
    return _modal(ids.VIEW_CASE_DETAIL, case, case.id, blocks[:100], submit=None)


def assign_modal(case: Case, *, request_types: RequestTypes, team: Sequence[str]) -> Block:
    """A users select; the core refuses anyone outside the manager, the deputy and the team, next to the field."""
    element: dict[str, Any] = {"type": "users_select", "placeholder": _plain("担当者 / Assignee", 150)}
    if case.assignee:
        element["initial_user"] = case.assignee
    blocks = [
        _heading(case, request_types),
        _input(ids.BLOCK_ASSIGNEE, "担当者 / Assign to", element),
        context("選べるのは / Team: " + "、".join(f"<@{user}>" for user in team)),
    ]
    return _modal(ids.VIEW_CASE_ASSIGN, case, "担当者の割り当て", blocks)


def resolve_modal(case: Case, *, request_types: RequestTypes) -> Block:
    """Resolve with one of the type's outcomes (refusals and transfers have their own buttons)."""
    outcomes = [outcome for outcome in request_types[case.type].outcomes
                if not outcome.startswith(("refused", "transferred"))]
    blocks = [
        _heading(case, request_types),
        _input(ids.BLOCK_OUTCOME, "結果 / Outcome",
               _select([(o, case_labels.label(case_labels.OUTCOMES, o)) for o in outcomes])),
        _reason("メモ（任意） / Note (optional)", optional=True),
    ]
    return _modal(ids.VIEW_CASE_RESOLVE, case, "完了にする / Resolve", blocks)


def refuse_modal(case: Case, *, request_types: RequestTypes) -> Block:
    """Refuse on one of the grounds the type allows (§10's three for disclosure) with the reason Art. 36 asks for."""
    grounds = [(g, request_types.grounds[g].label.ja) for g in request_types[case.type].refusal_grounds]
    blocks = [
        _heading(case, request_types),
        _input(ids.BLOCK_GROUND, "拒否の根拠 / Ground", _select(grounds)),
        _reason("理由（本人への説明に使います） / Reason (explained to the requester)", optional=False),
    ]
    return _modal(ids.VIEW_CASE_REFUSE, case, "拒否する / Refuse", blocks)


def extend_modal(case: Case, *, request_types: RequestTypes, today: date) -> Block:
    due = case.due_at.astimezone(JST).date()
    blocks = [
        _heading(case, request_types),
        _input(ids.BLOCK_DUE, "新しい期限（終業時刻まで） / New due date (close of business)",
               {"type": "datepicker", "initial_date": max(due, today).isoformat()}),
        _reason("延長の理由 / Reason", optional=False),
    ]
    return _modal(ids.VIEW_CASE_EXTEND, case, "期限の延長 / Extend", blocks)


def transfer_modal(case: Case, *, request_types: RequestTypes) -> Block:
    """Client data (委託): the requester is referred to the client, who holds the data."""
    blocks = [
        _heading(case, request_types),
        _input(ids.BLOCK_CLIENT, "移送先のクライアント名 / Client",
               {"type": "plain_text_input", "max_length": 200,
                **({"initial_value": case.client_name} if case.client_name else {})}),
        _reason("メモ（任意） / Note (optional)", optional=True),
    ]
    return _modal(ids.VIEW_CASE_TRANSFER, case, "クライアントへ移送", blocks)


def wait_modal(case: Case, *, request_types: RequestTypes) -> Block:
    """What the requester is to send or decide, as a choice plus free text; says the due date keeps running."""
    choices = list(case_labels.WAITING_FOR.items())
    blocks = [
        _heading(case, request_types),
        _input(ids.BLOCK_WAITING_FOR, "何を待ちますか / Waiting for", _select(choices)),
        _input(ids.BLOCK_REASON, "具体的に（「その他」は必須） / What exactly (required for Other)",
               {"type": "plain_text_input", "multiline": True, "max_length": REASON_MAX,
                "placeholder": _plain("例: 運転免許証の写し、対象となる期間の指定 / e.g. a copy of a driving licence", 150)},
               optional=True),
        context(f"期限は止まりません（現在の期限 {case_labels.jst(case.due_at)}）。時間が足りないときは「期限延長」を"
                "使ってください。 / The due date keeps running; use Extend if more time is needed."),
    ]
    return _modal(ids.VIEW_CASE_WAIT, case, "本人の返答待ち", blocks)


def withdraw_modal(case: Case, *, request_types: RequestTypes) -> Block:
    """Withdrawn closes the case for good, so it asks why (the audit keeps the reason)."""
    blocks = [
        _heading(case, request_types),
        _reason("取り下げの理由 / Reason", optional=False),
        context("取り下げると案件は閉じられ、再開できません。 / Withdrawing closes the case for good."),
    ]
    return _modal(ids.VIEW_CASE_WITHDRAW, case, "取り下げ / Withdrawn", blocks)
