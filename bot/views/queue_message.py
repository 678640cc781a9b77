"""`/privacy cases`: the open queue as a private (ephemeral) message for a member of the privacy team. Pure builder.

One line per case with the id, type, status and due date only, the same facts the digest carries, so nothing personal
is in it even though only the reader sees it; the details are one click away in App Home. Overdue first, then urgent,
then by due date (App Home's order), and a long queue ends with "and N more" rather than a truncated message.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from intake import Case, RequestTypes

from bot.views import case_labels
from bot.views.blocks import Message, escape, fit_message, sections
from bot.views.home import queue_order

__all__ = ["QUEUE_SHOWN", "queue_message"]

#: Cases listed by line; the rest are counted. Enough for a morning's work, short enough to read in a channel.
QUEUE_SHOWN = 30


def _line(case: Case, *, now: datetime, request_types: RequestTypes) -> str:
    kind = request_types[case.type].label
    flags = (" ⚠️ *期限超過 / overdue*" if case.due_at < now else "") + (" 🚨" if case.urgent else "")
    return (f"• *{case.id}*{flags} {escape(kind.ja)} / {escape(kind.en)} ・ "
            f"{case_labels.label(case_labels.STATUSES, case.status)} ・ 期限 / Due {case_labels.jst(case.due_at)}")


def queue_message(cases: Sequence[Case], *, now: datetime, request_types: RequestTypes,
                  shown: int = QUEUE_SHOWN) -> Message:
    """The open `cases` (already the reader's to see), overdue and urgent first."""
    ordered = queue_order(cases, now=now)
    overdue = sum(case.due_at < now for case in ordered)
    lines = [f"📋 *未完了のプライバシー依頼 {len(ordered)}件（期限超過 {overdue}件） / "
             f"{len(ordered)} open privacy request(s), {overdue} overdue*（{case_labels.jst(now)} 時点 / as of）"]
    lines += [_line(case, now=now, request_types=request_types) for case in ordered[:shown]]
    if not ordered:
        lines.append("未完了の依頼はありません。 / No open requests.")
    elif len(ordered) > shown:
        more = len(ordered) - shown
        lines.append(f"…ほか {more}件（App Home・`privacy-bot cases list`） / and {more} more (App Home, "
                     "`privacy-bot cases list`)")
    lines.append("詳細と操作は App Home から。新しい依頼の登録: `/privacy intake` / Details and actions in App Home; "
                 "log a new request with `/privacy intake`")
    fallback = f"未完了のプライバシー依頼 {len(ordered)}件 / {len(ordered)} open privacy request(s)"
    return fit_message(fallback, sections("\n".join(lines)))
