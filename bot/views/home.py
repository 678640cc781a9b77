"""App Home: the open queue for the manager, the deputy and the privacy team; a guide for everyone else.
Pure builders.

The queue lists id, type, status and due date (overdue first) with a button to open each case and one to add an
internal note; the details, which hold personal data, only appear in the modal that button opens, after the reader is checked again. Messages the
bot could not deliver for good head the page, so the team sees them even when the notice DM is what failed.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from intake import Case, OutboxRow, RequestTypes

from bot import ids
from bot.views import case_labels
from bot.views.blocks import Block, actions, button, context, escape, sections
from bot.views.notices import failed_delivery_line

__all__ = ["QUEUE_SHOWN", "guide_home", "queue_home"]

#: A Home tab holds at most 100 blocks; each case takes two (its line, and its Note button), the header and notes a
#: few.
QUEUE_SHOWN = 44
#: Failed deliveries listed by name; the rest are counted (`privacy-bot doctor` lists them all).
FAILED_SHOWN = 10


def queue_home(cases: Sequence[Case], *, now: datetime, request_types: RequestTypes,
               failed: Sequence[OutboxRow] = ()) -> Block:
    overdue_first = sorted(cases, key=lambda case: (case.due_at >= now, case.due_at, case.id))
    blocks: list[Block] = [
        {"type": "header", "text": {"type": "plain_text", "text": "プライバシー依頼の一覧 / Open privacy requests"}},
    ]
    if failed:
        blocks += _failed_deliveries(failed)
    blocks.append(context(f"未完了 {len(cases)}件・期限超過を先頭に表示（{case_labels.jst(now)} 時点） / Overdue first"))
    for case in overdue_first[:QUEUE_SHOWN]:
        flags = (" ⚠️ *期限超過 / overdue*" if case.due_at < now else "") + (" 🚨" if case.urgent else "")
        kind = request_types[case.type].label
        text = (f"*{case.id}*{flags}\n{escape(kind.ja)} / {escape(kind.en)} ・ "
                f"{case_labels.label(case_labels.STATUSES, case.status)} ・ 期限 / Due {case_labels.jst(case.due_at)}")
        block = sections(text)[0]
        block["accessory"] = button("開く / Open", action_id=ids.ACTION_CASE_OPEN, value=case.id)
        blocks.append(block)
        blocks.append(actions([button("📝 メモ / Note", action_id=ids.ACTION_CASE_NOTE, value=case.id)],
                              block_id=f"{ids.BLOCK_CASE_ACTIONS}-{case.id}"))
    if not cases:
        blocks += sections("未完了の依頼はありません。 / No open requests.")
    elif len(cases) > QUEUE_SHOWN:
        blocks.append(context(f"ほか {len(cases) - QUEUE_SHOWN}件: `privacy-bot cases list` / {len(cases) - QUEUE_SHOWN} more"))
    blocks.append(context("新しい依頼の登録: `/privacy intake` / Log a new request: `/privacy intake`"))
    return {"type": "home", "blocks": blocks}


def _failed_deliveries(failed: Sequence[OutboxRow]) -> list[Block]:
    lines = [f"⚠️ *配信できなかったメッセージが {len(failed)}件あります / {len(failed)} message(s) could not be delivered*"]
    lines += [failed_delivery_line(case_id=row.case_id, kind=row.kind, recipient=row.recipient,
                                   error=row.last_error or "unknown") for row in failed[-FAILED_SHOWN:]]
    if len(failed) > FAILED_SHOWN:
        lines.append(f"…ほか {len(failed) - FAILED_SHOWN}件 / {len(failed) - FAILED_SHOWN} more")
    lines.append("サーバーで `privacy-bot doctor` を実行して原因を確認し、直したら `privacy-bot doctor --retry-failed` で"
                 "再送してください。 / Run `privacy-bot doctor` on the server to see why, then "
                 "`privacy-bot doctor --retry-failed` once fixed.")
    return [*sections("\n".join(lines)), {"type": "divider"}]


def guide_home() -> Block:
    """For anyone outside the privacy team: how to ask and how to log a request (no cases at all)."""
    text = (
        "*privacy-bot の使い方 / How to use privacy-bot*\n"
        "• プライバシーポリシーについて質問: チャンネルで `@privacy-bot 質問`、この DM、または `/privacy 質問`\n"
        "　Ask about the privacy policy: mention me, DM me, or `/privacy your question`\n"
        "• 開示・削除・漏えいの申告などの依頼を受けたら: `/privacy intake`、ショートカット「プライバシー依頼を登録」、"
        "またはメッセージの「…」メニューから登録\n"
        "　Log a privacy request: `/privacy intake`, the shortcut, or a message's ⋯ menu\n"
        "登録された依頼は個人情報管理責任者に届きます。依頼者の個人情報をチャンネルに書かないでください。\n"
        "Requests go to the privacy manager. Please never post a requester's details in a channel."
    )
    return {"type": "home", "blocks": sections(text)}
