"""Modals about one case: its details with notes and history (from App Home or a reminder), and the forms behind the
card's buttons (Assign, Resolve, Refuse, Extend, Transfer, Wait for requester, Withdraw, Note, Edit, Draft reply).
Pure builders.

Form inputs are named after the error keys of `intake` (`ground`, `reason`, `due`…), so a `ValidationError` goes
back next to its field as it is (worded by `bot/views/problems.py`); `bot/views/case_forms.py` reads each form
back into a command.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from intake import JST, REPLY_LANGUAGES, Case, ReplyStage, RequestTypes
from intake.case import AuditEntry
from intake.validation import AGENT_KINDS, CHANNELS, DATA_ROLES, IDENTITY_METHODS, IDENTITY_STATUSES
from knowledge.drafts import Draft, VersionUnreadable

from bot import ids
from bot.models import CaseActionMetadata
from bot.views import case_labels
from bot.views.blocks import Block, context, escape, quote, sections, split_text, truncate
from bot.views.case_messages import last_change, waiting_line

__all__ = [
    "HISTORY_SHOWN",
    "assign_modal",
    "case_detail_modal",
    "draft_reply_modal",
    "draft_unavailable_modal",
    "edit_modal",
    "extend_modal",
    "identity_rule_applies",
    "note_modal",
    "refuse_modal",
    "resolve_modal",
    "transfer_modal",
    "wait_modal",
    "withdraw_modal",
]

HISTORY_SHOWN = 40
TITLE_MAX = 24
REASON_MAX = 2000
NOTE_MAX = 3000
NOTES_SHOWN = 20


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


def _select(options: Sequence[tuple[str, str]], *, initial: str | None = None) -> dict[str, Any]:
    element: dict[str, Any] = {"type": "static_select", "placeholder": _plain("選択してください / Choose", 150),
                               "options": [{"text": _plain(text, 75), "value": value} for value, text in options]}
    chosen = next((option for option in element["options"] if option["value"] == initial), None)
    if chosen is not None:
        element["initial_option"] = chosen
    return element


def _labelled(values: Sequence[str], labels: dict[str, str]) -> list[tuple[str, str]]:
    return [(value, case_labels.label(labels, value)) for value in values]


def _short(initial: str | None, max_length: int = 200) -> dict[str, Any]:
    element: dict[str, Any] = {"type": "plain_text_input", "max_length": max_length}
    if initial:
        element["initial_value"] = initial[:max_length]
    return element


def _reason(label: str, *, optional: bool) -> Block:
    return _input(ids.BLOCK_REASON, label, {"type": "plain_text_input", "multiline": True, "max_length": REASON_MAX},
                  optional=optional)


def _heading(case: Case, request_types: RequestTypes) -> Block:
    kind = request_types[case.type].label
    return context(escape(f"{case.id} ・ {kind.ja} / {kind.en} ・ 期限 / Due {case_labels.jst(case.due_at)}"))


def case_detail_modal(case: Case, *, request_types: RequestTypes, policy_version: str = "") -> Block:
    """Everything about a case and its audit trail, for a privileged reader (it shows personal data).
    `policy_version` names the version of the policy the case was received under (empty with one version held)."""
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
    if policy_version:
        lines.append(f"受付時のポリシー / Policy at receipt: {escape(policy_version)}")
    waiting = waiting_line(case)
    if waiting:
        lines.append(waiting)
    blocks: list[Block] = sections("\n".join(lines))
    blocks += quote(truncate(case.description, 2900))
    if case.notes:
        blocks.append({"type": "header", "text": _plain(f"メモ / Notes（{len(case.notes)}件）", 150)})
        shown = [f"• <@{note.actor}>（{case_labels.jst(note.at)}）\n　{escape(truncate(note.text or '（消去済み / erased）', 500))}"
                 for note in case.notes[-NOTES_SHOWN:]]
        blocks += sections("\n".join(shown))
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
        context("割り当てられる人 / Who can be assigned: " + "、".join(f"<@{user}>" for user in team)),
    ]
    return _modal(ids.VIEW_CASE_ASSIGN, case, "担当の割り当て / Assign", blocks)


def identity_rule_applies(case: Case, request_types: RequestTypes) -> bool:
    """True when resolving this case as fulfilled needs verified identity that it does not have yet."""
    return bool(request_types[case.type].identity_required_for) and case.identity.status != "verified"


def resolve_modal(case: Case, *, request_types: RequestTypes) -> Block:
    """Resolve with one of the type's outcomes (refusals and transfers have their own buttons). While identity is
    not verified on a request that acts on data, an optional field takes the reason to proceed anyway."""
    outcomes = [outcome for outcome in request_types[case.type].outcomes
                if not outcome.startswith(("refused", "transferred"))]
    blocks = [
        _heading(case, request_types),
        _input(ids.BLOCK_OUTCOME, "結果 / Outcome",
               _select([(o, case_labels.label(case_labels.OUTCOMES, o)) for o in outcomes])),
        _reason("メモ（任意） / Note (optional)", optional=True),
    ]
    if identity_rule_applies(case, request_types):
        required = "、".join(case_labels.label(case_labels.OUTCOMES, o)
                            for o in request_types[case.type].identity_required_for)
        blocks += [
            context(f"⚠️ 本人確認がまだです（{case_labels.label(case_labels.IDENTITY_STATUSES, case.identity.status)}）。"
                    f"「{required}」で完了にするには、先に本人確認を済ませるか、下に理由を記入してください。"
                    " / Identity is not verified: to resolve as fulfilled, verify it first or give the reason below."),
            _input(ids.BLOCK_IDENTITY_OVERRIDE, "本人確認なしで進める理由（記録に残ります） / Reason to proceed "
                   "without verified identity (audited)",
                   {"type": "plain_text_input", "multiline": True, "max_length": REASON_MAX}, optional=True),
        ]
    return _modal(ids.VIEW_CASE_RESOLVE, case, "完了にする / Resolve", blocks)


def note_modal(case: Case, *, request_types: RequestTypes) -> Block:
    """An internal note: seen by the privacy team in the case's details, never in a channel."""
    blocks = [
        _heading(case, request_types),
        _input(ids.BLOCK_NOTE_TEXT, "メモ / Note", {"type": "plain_text_input", "multiline": True,
                                                   "max_length": NOTE_MAX}),
        context("🔒 プライバシーチームだけが見る社内メモです。依頼者には送られません。"
                " / For the privacy team only; never sent to the requester."),
    ]
    return _modal(ids.VIEW_CASE_NOTE, case, "メモを追加 / Add a note", blocks)


def edit_modal(case: Case, *, request_types: RequestTypes) -> Block:
    """The case's editable details, prefilled; inputs are named after the fields (`requester.email`), so the core's
    refusals come back next to them. Emptying an optional field clears it."""
    requester, agent, identity = case.requester, case.agent, case.identity
    blocks = [
        _heading(case, request_types),
        _input(ids.BLOCK_NAME, "依頼者の氏名（または組織名） / Requester's name", _short(requester.name)),
        _input(ids.BLOCK_EMAIL, "メールアドレス / Email", _short(requester.email, 320), optional=True),
        _input(ids.BLOCK_PHONE, "電話番号 / Phone", _short(requester.phone, 40), optional=True),
        _input(ids.BLOCK_CHANNEL, "受付経路 / Received via",
               _select(_labelled(CHANNELS, case_labels.CHANNELS), initial=case.channel)),
        _input(ids.BLOCK_DATA_ROLE, "データの区分 / Whose data",
               _select(_labelled(DATA_ROLES, case_labels.DATA_ROLES), initial=case.data_role)),
        _input(ids.BLOCK_CLIENT_NAME, "クライアント名（委託元のデータの場合） / Client (for client data)",
               _short(case.client_name), optional=True),
        _input(ids.BLOCK_AGENT_KIND, "代理人の種類 / Agent",
               _select(_labelled(AGENT_KINDS, case_labels.AGENT_KINDS), initial=agent.kind if agent else None),
               optional=True),
        _input(ids.BLOCK_AGENT_NAME, "代理人の氏名 / Agent's name", _short(agent.name if agent else None),
               optional=True),
        _input(ids.BLOCK_IDENTITY_STATUS, "本人確認 / Identity check",
               _select(_labelled(IDENTITY_STATUSES, case_labels.IDENTITY_STATUSES), initial=identity.status)),
        _input(ids.BLOCK_IDENTITY_METHOD, "確認方法（確認済みの場合は必須） / Method (required when verified)",
               _select(_labelled(IDENTITY_METHODS, case_labels.IDENTITY_METHODS), initial=identity.method),
               optional=True),
        context("履歴には変更した項目名だけが残り、値は残りません。 / The history records which fields changed, "
                "never their values."),
    ]
    return _modal(ids.VIEW_CASE_EDIT, case, "依頼の編集 / Edit", blocks)


def refuse_modal(case: Case, *, request_types: RequestTypes) -> Block:
    """Refuse on one of the grounds the type allows (§10's three for disclosure) with the reason Art. 36 asks for."""
    labels = [(g, request_types.grounds[g].label) for g in request_types[case.type].refusal_grounds]
    blocks = [
        _heading(case, request_types),
        # An option holds 75 characters: the Japanese ground fits, both languages do not; the English is listed below.
        _input(ids.BLOCK_GROUND, "拒否の根拠 / Ground", _select([(g, label.ja) for g, label in labels])),
        context("\n".join(f"• {escape(label.ja)} / {escape(label.en)}" for _, label in labels)),
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
    return _modal(ids.VIEW_CASE_TRANSFER, case, "移送 / Transfer", blocks)


def _choice(block_id: str, action_id: str, label: str, options: Sequence[tuple[str, str]], chosen: str) -> Block:
    """A select that redraws the modal when changed (`dispatch_action`), and is read again on submission."""
    select = _select(options)
    select["initial_option"] = next(o for o in select["options"] if o["value"] == chosen)
    return {"type": "input", "block_id": block_id, "label": _plain(label), "dispatch_action": True,
            "element": {**select, "action_id": action_id}}


def draft_reply_modal(case: Case, *, draft: Draft, stages: Sequence[ReplyStage], request_types: RequestTypes) -> Block:
    """The reply the requester is owed, ready to copy (preformatted: Slack shows it exactly as drafted), the stage
    and language it is drafted for (only the stages that fit the case), and "Mark as sent" as the submit. The bot
    sends nothing to the requester: a person does, through the verified channel (appi.md §7)."""
    blocks: list[Block] = [
        _heading(case, request_types),
        _choice(ids.BLOCK_STAGE, ids.ACTION_DRAFT_STAGE, "返信の段階 / Stage",
                [(stage, case_labels.label(case_labels.REPLY_STAGES, stage)) for stage in stages], draft.stage),
        _choice(ids.BLOCK_LANGUAGE, ids.ACTION_DRAFT_LANGUAGE, "言語 / Language",
                [(language, case_labels.label(case_labels.LANGUAGES, language)) for language in REPLY_LANGUAGES],
                draft.language),
    ]
    blocks += [
        {"type": "rich_text", "block_id": f"{ids.BLOCK_DRAFT}-{number}",
         "elements": [{"type": "rich_text_preformatted", "elements": [{"type": "text", "text": chunk}]}]}
        for number, chunk in enumerate(split_text(draft.text(), 3000))
    ]
    if draft.version_labels:
        ja, en = escape(draft.version_labels["ja"]), escape(draft.version_labels["en"])
        blocks.append(context(f"📜 受付時のポリシー（{ja}）に基づく文案です / Drafted from the policy in force when the case "
                              f"was received ({en})"))
    blocks.append(context("🔒 ボットは送信しません。コピーして、本人確認済みの連絡先から送り、送ったら「送信済みにする」を"
                          "押してください。 / The bot sends nothing: copy this, send it to the requester's verified "
                          "contact, then press Mark as sent."))
    return _modal(ids.VIEW_CASE_DRAFT_REPLY, case, "返信文案 / Draft reply", blocks, submit="送信済みにする / Mark as sent")


def draft_unavailable_modal(case: Case, *, error: VersionUnreadable, request_types: RequestTypes) -> Block:
    """No draft: the policy version the case was received under cannot be read any more, and a draft quoting
    another version would misquote what the requester asked under. Says which version and what to do; nothing to
    mark as sent."""
    ja, en = escape(error.names["ja"]), escape(error.names["en"])
    why = ("ナレッジベースにその版がありません。 / The knowledge base no longer holds it." if not error.problems else
           "その版のファイルに誤りがあります。 / Its files no longer pass the knowledge base check.")
    text = (f"⚠️ この案件の受付時のポリシー（{ja}）を読み込めないため、返信文案を作れません。ほかの版の文面で代用はしません。\n"
            f"No draft: the policy this case was received under ({en}) cannot be read, and no other version is "
            f"quoted in its place.\n{why}\n"
            "ボットの管理者に、サーバーで `privacy-bot kb check` を実行して直すよう依頼してください。 / Ask whoever runs the "
            "bot to run `privacy-bot kb check` on the server and fix it.")
    blocks = [_heading(case, request_types), *sections(text)]
    return _modal(ids.VIEW_CASE_DRAFT_REPLY, case, "返信文案 / Draft reply", blocks, submit=None)


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
    return _modal(ids.VIEW_CASE_WAIT, case, "返答待ち / Wait", blocks)


def withdraw_modal(case: Case, *, request_types: RequestTypes) -> Block:
    """Withdrawn closes the case for good, so it asks why (the audit keeps the reason)."""
    blocks = [
        _heading(case, request_types),
        _reason("取り下げの理由 / Reason", optional=False),
        context("取り下げると案件は閉じられ、再開できません。 / Withdrawing closes the case for good."),
    ]
    return _modal(ids.VIEW_CASE_WITHDRAW, case, "取り下げ / Withdrawn", blocks)
