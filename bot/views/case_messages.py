"""The messages the outbox delivers about cases. Pure builders: a case (and labels) in, a message out.

Two audiences, kept apart on purpose (appi.md §7):
- DMs to the manager, the deputy, an assignee or the privacy team (`case_card`) carry the requester's details;
- everything else (the escalation channel, the agent's confirmation, reminders, the digest) carries the case id,
  type, status and due date only, so nothing personal is ever one forward away from a channel.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from intake import OPEN_STATUSES, Case, Config, RequestTypes, Status
from intake.audit import Assigned, Created, DetailsEdited, Extended, NoteAdded, Purged, ReplySent, StatusChanged
from intake.lifecycle import RETENTION_JOB
from intake.case import AuditEntry

from bot import ids
from bot.models import menu_value
from bot.views import case_labels
from bot.views.blocks import (
    Block,
    Message,
    actions,
    button,
    context,
    escape,
    fit_message,
    overflow,
    quote,
    sections,
    truncate,
)
from bot.views.notices import intake_routing_lines

__all__ = [
    "DESCRIPTION_SHOWN",
    "case_buttons",
    "case_card",
    "confirmation_message",
    "digest_message",
    "escalation_post",
    "identity_line",
    "last_change",
    "last_reply_sent",
    "notes_line",
    "reminder_message",
    "waiting_line",
]

#: How much of the description a card shows; the rest is in the case (App Home → open, or `cases show`).
DESCRIPTION_SHOWN = 2500
DIGEST_LINES = 40
FIELD_MAX = 2000

#: Turns policy section ids into citations (「第10条（…）」); the knowledge base provides it.
Citer = Callable[[str], str]

_REMINDER_TEXT = {
    "overdue": "⚠️ 期限を過ぎています。対応状況を確認してください。 / This case is overdue.",
}


def _type_label(case: Case, request_types: RequestTypes) -> str:
    kind = request_types[case.type].label
    return f"{kind.ja} / {kind.en}"


def _summary_lines(case: Case, request_types: RequestTypes) -> list[str]:
    """Id, type, status and due date: the only facts about a case that may leave the privacy team's DMs."""
    return [
        f"種別 / Type: {escape(_type_label(case, request_types))}",
        f"状態 / Status: {case_labels.label(case_labels.STATUSES, case.status)}",
        f"期限 / Due: {case_labels.jst(case.due_at)}",
    ]


def _field(title: str, value: str) -> dict[str, str]:
    return {"type": "mrkdwn", "text": truncate(f"*{title}*\n{value}", FIELD_MAX)}


def last_change(entry: AuditEntry) -> str:
    """「<@U> が 受付済み に変更（日時）」: who did the latest thing to a case, and when."""
    match entry.event:
        case StatusChanged(to_status=to_status):
            what = f"{case_labels.label(case_labels.STATUSES, to_status)} に変更 / set the status"
        case Extended():
            what = "期限を延長 / extended the due date"
        case Assigned(assignee=assignee):
            what = f"担当を <@{assignee}> に割り当て / assigned the case"
        case Created():
            what = "登録 / logged the case"
        case NoteAdded():
            what = "メモを追加 / added a note"
        case DetailsEdited(fields=fields):
            names = "、".join(case_labels.label(case_labels.EDITABLE_FIELDS, name).partition(" / ")[0] for name in fields)
            what = f"{names} を編集 / edited the details"
        case ReplySent(stage=stage):
            what = f"「{case_labels.label(case_labels.REPLY_STAGES, stage)}」を送信済みに / marked a reply sent"
        case Purged():
            what = "個人情報を削除（保存期間） / erased the personal data (retention)"
    who = "保存期間の設定" if entry.actor == RETENTION_JOB else f"<@{entry.actor}>"
    return f"{who} が{what}（{case_labels.jst(entry.at)}）"


def last_reply_sent(case: Case) -> str | None:
    """「受付のご連絡 / Receipt（日本語 / Japanese）<@U>（日時）」: the latest reply someone marked as sent, if any."""
    entry = next((e for e in reversed(case.history) if isinstance(e.event, ReplySent)), None)
    if entry is None or not isinstance(entry.event, ReplySent):
        return None
    stage = case_labels.label(case_labels.REPLY_STAGES, entry.event.stage)
    language = case_labels.label(case_labels.LANGUAGES, entry.event.language)
    return f"{stage}（{language}） <@{entry.actor}>（{case_labels.jst(entry.at)}）"


def case_buttons(case: Case, request_types: RequestTypes) -> list[Block]:
    """The card's actions for the case's status: the likely next steps as buttons, the rest in a ⋯ menu
    (その他 / More, at most five options) so the row stays readable as actions are added.

        new                      受付 · 担当を割り当て · メモ · 返信文案 · ⋯ 期限延長, 取り下げ, 編集
        acknowledged/in_progress 完了 · 本人の返答待ち · 担当を割り当て · メモ · 返信文案 · ⋯ 拒否, 期限延長, 移送, 取り下げ, 編集
        waiting_requester        対応を再開 · 完了 · 担当を割り当て · メモ · 返信文案 · ⋯ 拒否, 期限延長, 移送, 取り下げ, 編集
        closed                   返信文案 (the requester is still owed its result, refusal or transfer)

    A menu option routes to the same listener as the button it replaces (`bot/listeners/__init__.py`).
    """
    status = Status(case.status)
    value = case.id
    draft = button("返信文案 / Draft reply", action_id=ids.ACTION_CASE_DRAFT_REPLY, value=value)
    if status not in OPEN_STATUSES:
        return [draft]
    assign = button("担当を割り当て / Assign", action_id=ids.ACTION_CASE_ASSIGN, value=value)
    more: list[tuple[str, str]] = []
    if status is Status.NEW:
        buttons = [button("受付 / Acknowledge", action_id=ids.ACTION_CASE_ACKNOWLEDGE, value=value, style="primary"),
                   assign]
    else:
        resolve = ("完了 / Resolve", ids.ACTION_CASE_RESOLVE)
        if status is Status.WAITING_REQUESTER:
            first, second = ("対応を再開 / Back to work", ids.ACTION_CASE_BACK_TO_WORK), resolve
        else:
            first, second = resolve, ("本人の返答待ち / Wait for requester", ids.ACTION_CASE_WAIT)
        buttons = [button(first[0], action_id=first[1], value=value, style="primary"),
                   button(second[0], action_id=second[1], value=value), assign]
        if request_types[case.type].refusable:
            more.append((ids.ACTION_CASE_REFUSE, "拒否 / Refuse"))
    more.append((ids.ACTION_CASE_EXTEND, "期限延長 / Extend"))
    if status is not Status.NEW:
        more.append((ids.ACTION_CASE_TRANSFER, "クライアントへ移送 / Transfer to client"))
    more.append((ids.ACTION_CASE_WITHDRAW, "取り下げ / Withdrawn"))
    more.append((ids.ACTION_CASE_EDIT, "✏️ 編集 / Edit"))
    menu = overflow([(menu_value(action_id, value), text) for action_id, text in more], action_id=ids.ACTION_CASE_MORE)
    note = button("📝 メモ / Note", action_id=ids.ACTION_CASE_NOTE, value=value)
    return [*buttons, note, draft, menu]


def waiting_line(case: Case) -> str | None:
    """「⏳ 待機中: 本人確認書類（2026-05-11(月) 10:00 から）」 and that the due date keeps running, while waiting.

    The card is a message that stays as it was sent, so it gives the date the wait began rather than a count of
    days that would go stale; App Home, rebuilt each time it is opened, counts the business days.
    """
    if case.waiting_for is None:
        return None
    what = case_labels.label(case_labels.WAITING_FOR, case.waiting_for)
    line = f"⏳ 待機中 / Waiting for: {what}（{case_labels.jst(case.waiting_since)} から / since）"
    note = next((entry.note for entry in reversed(case.history)
                 if isinstance(entry.event, StatusChanged) and entry.event.to_status == Status.WAITING_REQUESTER), None)
    if note:
        line += f"\n　「{escape(truncate(note, 300))}」"
    return line + "\n期限は止まりません。 / The due date keeps running."


def identity_line(case: Case, request_types: RequestTypes) -> str:
    """「🪪 本人確認: 確認済み（登録メール）」 or 「⚠️ 本人確認: 未確認」: near the top of the card, because a disclosure,
    correction, deletion or stop may not be carried out before it (the desk enforces it)."""
    status = case_labels.label(case_labels.IDENTITY_STATUSES, case.identity.status)
    if case.identity.status == "verified":
        method = case_labels.label(case_labels.IDENTITY_METHODS, case.identity.method)
        who = f"、<@{case.identity.verified_by}>" if case.identity.verified_by else ""
        return f"🪪 *本人確認 / Identity: {status}*（{method}{who}）"
    line = f"⚠️ *本人確認 / Identity: {status}*"
    if request_types[case.type].identity_required_for:
        line += "　対応（開示・訂正・削除・停止）の前に確認が必要です / Verify before acting on the data"
    return line


def notes_line(case: Case) -> str:
    """How many internal notes and when the last was added: never their text (the card can be forwarded)."""
    last = case.notes[-1]
    return f"📝 メモ {len(case.notes)}件（最終 {case_labels.jst(last.at)}） / {len(case.notes)} note(s), see details"


def case_card(case: Case, *, request_types: RequestTypes, cite: Citer, repeat: bool = False) -> Message:
    """The privacy team's DM for a case: everything needed to act, with the buttons that act.

    `repeat` marks the escalation re-ping of an urgent case nobody acknowledged in time.
    """
    if repeat:
        title = f"⏰ 未受付の緊急案件です（再通知） {case.id}"
    elif case.urgent:
        title = f"🚨 緊急のプライバシー依頼 {case.id}"
    else:
        title = f"🆕 プライバシー依頼 {case.id}"
    requester = case.requester
    contact = " / ".join(escape(value) for value in (requester.email, requester.phone) if value) or "—"
    identity = case_labels.label(case_labels.IDENTITY_STATUSES, case.identity.status)
    if case.identity.method:
        identity += f"（{case_labels.label(case_labels.IDENTITY_METHODS, case.identity.method)}）"
    role = case_labels.label(case_labels.DATA_ROLES, case.data_role)
    if case.client_name:
        role += f"\n{escape(case.client_name)}"
    blocks: list[Block] = [
        {"type": "header", "text": {"type": "plain_text", "text": truncate(title, 150), "emoji": True}},
        *sections(identity_line(case, request_types)),
        {
            "type": "section",
            "fields": [
                _field("種別 / Type", escape(_type_label(case, request_types))),
                _field("状態 / Status", case_labels.label(case_labels.STATUSES, case.status)),
                _field("期限 / Due", case_labels.jst(case.due_at)),
                _field("担当 / Assignee", f"<@{case.assignee}>" if case.assignee else "未割り当て / none"),
                _field("依頼者 / Requester", escape(requester.name)),
                _field("連絡先 / Contact", contact),
                _field("受付 / Received", f"{case_labels.jst(case.received_at)}\n"
                                          f"{case_labels.label(case_labels.CHANNELS, case.channel)}"),
                _field("本人確認 / Identity", identity),
                _field("データの区分 / Whose data", role),
                _field("登録者 / Logged by", f"<@{case.created_by}>" if case.created_by else "—"),
            ],
        },
    ]
    waiting = waiting_line(case)
    if waiting:
        blocks.append(sections(waiting)[0])
    if case.agent is not None:
        agent = f"代理人 / Agent: {case_labels.label(case_labels.AGENT_KINDS, case.agent.kind)}: {escape(case.agent.name)}"
        blocks.append(context(agent))
    blocks.append(context("依頼の内容 / Request:"))
    blocks += quote(truncate(case.description, DESCRIPTION_SHOWN, ellipsis=f"…（全 {len(case.description)} 文字）"))
    sections_cited = request_types[case.type].policy_sections
    if sections_cited:
        blocks.append(context(escape("関連条項 / Policy: " + "、".join(cite(section) for section in sections_cited))))
    if case.outcome or case.refusal_ground or case.reason:
        result = [f"結果 / Outcome: {case_labels.label(case_labels.OUTCOMES, case.outcome)}"]
        if case.refusal_ground:
            ground = request_types.grounds[case.refusal_ground].label
            result.append(f"根拠 / Ground: {escape(ground.ja)} / {escape(ground.en)}")
        if case.reason:
            result.append(f"理由・メモ / Note: {escape(truncate(case.reason, 500))}")
        blocks.append(context("\n".join(result)))
    if case.notes:
        blocks.append(context(notes_line(case)))
    if case.history:
        blocks.append(context("最終更新 / Last change: " + last_change(case.history[-1])))
    if sent := last_reply_sent(case):
        blocks.append(context("最後に送った返信 / Last reply sent: " + sent))
    buttons = case_buttons(case, request_types)
    blocks.append(context("🔒 個人情報を含みます。チャンネルに転送しないでください。 / Contains personal data: do not forward."))
    if buttons:
        blocks.append(actions(buttons, block_id=ids.BLOCK_CASE_ACTIONS))
    fallback = f"{title}: {request_types[case.type].label.ja}、期限 {case_labels.jst(case.due_at)}"
    return fit_message(fallback, blocks)


def confirmation_message(case: Case, *, request_types: RequestTypes, config: Config) -> Message:
    """To the agent who logged the case: its id and due date, so they can tell the requester, and who it reached."""
    text = "\n".join([f"✅ プライバシー依頼を受け付けました / Logged: *{case.id}*",
                      *_summary_lines(case, request_types),
                      *intake_routing_lines(config=config, urgent=case.urgent)])
    return fit_message(f"{case.id} を受け付けました（期限 {case_labels.jst(case.due_at)}）", sections(text))


def escalation_post(case: Case, *, request_types: RequestTypes) -> Message:
    """The escalation channel's post: id, type and due date only (no name, contact or description)."""
    kind = request_types[case.type].label
    text = "\n".join([
        f"🚨 緊急のプライバシー依頼 / Urgent privacy request: *{case.id}*",
        f"種別 / Type: {escape(kind.ja)} / {escape(kind.en)}",
        f"期限 / Due: {case_labels.jst(case.due_at)}",
        "詳細は責任者・副責任者への DM でご確認ください。 / Details are in the manager's and deputy's DMs.",
    ])
    return fit_message(f"緊急のプライバシー依頼 {case.id}（{kind.ja}）", sections(text))


def reminder_message(case: Case, *, key: str, request_types: RequestTypes) -> Message:
    """A T-N or overdue reminder to whoever holds the case."""
    if key in _REMINDER_TEXT:
        headline = _REMINDER_TEXT[key]
    else:
        days = key.removeprefix("T-")
        headline = f"⏰ 期限まであと{days}営業日です。 / {days} business day(s) to the due date."
    text = "\n".join([f"{headline}\n*{case.id}*", *_summary_lines(case, request_types)])
    blocks = sections(text)
    blocks.append(actions([button("詳細を開く / Open", action_id=ids.ACTION_CASE_OPEN, value=case.id)],
                          block_id=ids.BLOCK_CASE_ACTIONS))
    return fit_message(f"{case.id}: {headline}", blocks)


def digest_message(cases: Sequence[Case], *, now: datetime, request_types: RequestTypes) -> Message:
    """The manager's morning list of open cases, soonest due first, overdue marked."""
    ordered = sorted(cases, key=lambda case: case.due_at)
    lines = [f"📋 未完了のプライバシー依頼: {len(ordered)}件（{case_labels.jst(now)} 時点） / Open privacy requests"]
    for case in ordered[:DIGEST_LINES]:
        overdue = " ⚠️ 期限超過 / overdue" if case.due_at < now else ""
        kind = request_types[case.type].label.ja
        status = case_labels.label(case_labels.STATUSES, case.status)
        lines.append(f"• *{case.id}* {escape(kind)} ・ {status} ・ 期限 {case_labels.jst(case.due_at)}{overdue}")
    if len(ordered) > DIGEST_LINES:
        lines.append(f"…ほか {len(ordered) - DIGEST_LINES}件は App Home でご覧ください。 / More in App Home.")
    return fit_message(lines[0], sections("\n".join(lines)))
