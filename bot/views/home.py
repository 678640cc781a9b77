"""App Home: the queue the manager, the deputy and the privacy team work from; a guide for everyone else.
Pure builders.

A filter at the top (mine, all open, overdue, waiting, closed this month) picks the cases; each row gives the id,
type, status, due date, assignee and, while waiting, what for and for how many business days, with a button to open
the case and one to add an internal note. Urgent and overdue cases come first, then by due date. The details, which
hold personal data, only appear in the modal that button opens, after the reader is checked again. Messages the bot
could not deliver for good have their own section at the top, whatever the filter, so the team sees them even when
the notice DM is what failed. The chosen filter rides in the view's `private_metadata`, so opening the tab again
keeps it.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from enum import StrEnum

from intake import JST, OPEN_STATUSES, BusinessCalendar, Case, OutboxRow, RequestTypes

from bot import ids
from bot.views import case_labels
from bot.views.blocks import Block, actions, button, context, escape, sections
from bot.views.notices import failed_delivery_line

__all__ = ["FAILED_SHOWN", "VIEW_BLOCKS_MAX", "HomeFilter", "guide_home", "queue_home", "queue_order"]

#: A Home tab holds at most 100 blocks (slack.md §5); each case takes one.
VIEW_BLOCKS_MAX = 100
#: Each case takes two: its line (with Open) and its Note button.
BLOCKS_PER_CASE = 2
#: Failed deliveries listed by name; the rest are counted (`privacy-bot doctor` lists them all).
FAILED_SHOWN = 10


class HomeFilter(StrEnum):
    """Which cases the queue shows; `OPEN` unless the reader chose another."""

    MINE = "mine"
    OPEN = "open"
    OVERDUE = "overdue"
    WAITING = "waiting"
    CLOSED_THIS_MONTH = "closed_this_month"

    @classmethod
    def parse(cls, value: object) -> HomeFilter:
        """The filter named by a select's value or the view's metadata; anything else (a forgery, an old view)
        is the open queue."""
        return next((member for member in cls if member.value == value), cls.OPEN)


_FILTER_LABELS = {
    HomeFilter.MINE: "自分の担当 / Mine",
    HomeFilter.OPEN: "未完了すべて / All open",
    HomeFilter.OVERDUE: "期限超過 / Overdue",
    HomeFilter.WAITING: "返答待ち / Waiting",
    HomeFilter.CLOSED_THIS_MONTH: "今月完了 / Closed this month",
}
_EMPTY = {
    HomeFilter.MINE: "担当の未完了の依頼はありません。 / Nothing open is yours.",
    HomeFilter.OPEN: "未完了の依頼はありません。 / No open requests.",
    HomeFilter.OVERDUE: "期限超過の依頼はありません。 / Nothing is overdue.",
    HomeFilter.WAITING: "返答待ちの依頼はありません。 / Nothing is waiting for a requester.",
    HomeFilter.CLOSED_THIS_MONTH: "今月完了した依頼はまだありません。 / Nothing closed this month yet.",
}


def queue_order(cases: Sequence[Case], *, now: datetime) -> list[Case]:
    """Urgent and overdue first, then by due date (an open case only is overdue)."""
    def key(case: Case) -> tuple[bool, datetime, str]:
        pressing = case.urgent or (case.status in OPEN_STATUSES and case.due_at < now)
        return (not pressing, case.due_at, case.id)

    return sorted(cases, key=key)


def _filter_select(choice: HomeFilter) -> Block:
    options = [{"text": {"type": "plain_text", "text": text, "emoji": True}, "value": value.value}
               for value, text in _FILTER_LABELS.items()]
    select = {"type": "static_select", "action_id": ids.ACTION_HOME_FILTER, "options": options,
              "initial_option": options[list(_FILTER_LABELS).index(choice)],
              "placeholder": {"type": "plain_text", "text": "表示 / Show"}}
    return actions([select], block_id=ids.BLOCK_HOME_FILTER)


def _row(case: Case, *, now: datetime, request_types: RequestTypes, calendar: BusinessCalendar) -> list[Block]:
    overdue = case.status in OPEN_STATUSES and case.due_at < now
    flags = (" ⚠️ *期限超過 / overdue*" if overdue else "") + (" 🚨" if case.urgent else "")
    kind = request_types[case.type].label
    assignee = f"<@{case.assignee}>" if case.assignee else "未割り当て / none"
    text = (f"*{case.id}*{flags}\n{escape(kind.ja)} / {escape(kind.en)} ・ "
            f"{case_labels.label(case_labels.STATUSES, case.status)} ・ 期限 / Due {case_labels.jst(case.due_at)}"
            f"\n担当 / Assignee: {assignee}")
    if case.waiting_for and case.waiting_since:
        days = calendar.business_days_between(case.waiting_since.astimezone(JST).date(), now.astimezone(JST).date())
        what = case_labels.label(case_labels.WAITING_FOR, case.waiting_for)
        text += f"\n⏳ 待機中 / Waiting: {what}（{days}営業日 / {days} business days）"
    block = sections(text)[0]
    block["accessory"] = button("開く / Open", action_id=ids.ACTION_CASE_OPEN, value=case.id)
    note = actions([button("📝 メモ / Note", action_id=ids.ACTION_CASE_NOTE, value=case.id)],
                   block_id=f"{ids.BLOCK_CASE_ACTIONS}-{case.id}")
    return [block, note]


def queue_home(cases: Sequence[Case], *, now: datetime, request_types: RequestTypes, calendar: BusinessCalendar,
               choice: HomeFilter = HomeFilter.OPEN, failed: Sequence[OutboxRow] = (),
               summary: Sequence[Block] = ()) -> Block:
    """The queue of `cases` (already picked by `choice`) within Slack's 100 blocks: open cases in `queue_order`,
    closed ones in the order given (latest closed first); `summary` (this month's figures) goes under the header."""
    blocks: list[Block] = [
        {"type": "header", "text": {"type": "plain_text", "text": "プライバシー依頼の一覧 / Privacy requests"}},
    ]
    if failed:
        blocks += _failed_deliveries(failed)
    blocks += summary
    blocks.append(_filter_select(choice))
    blocks.append(context(f"{_FILTER_LABELS[choice]}: {len(cases)}件・緊急と期限超過を先頭に、続いて期限順"
                          f"（{case_labels.jst(now)} 時点） / Urgent and overdue first, then by due date"))
    footer = context("新しい依頼の登録: `/privacy intake` / Log a new request: `/privacy intake`")
    room = (VIEW_BLOCKS_MAX - len(blocks) - 2) // BLOCKS_PER_CASE  # the "N more" line and the footer
    ordered = list(cases) if choice is HomeFilter.CLOSED_THIS_MONTH else queue_order(cases, now=now)
    for case in ordered[:room]:
        blocks += _row(case, now=now, request_types=request_types, calendar=calendar)
    if not cases:
        blocks += sections(_EMPTY[choice])
    elif len(ordered) > room:
        more = len(ordered) - room
        blocks.append(context(f"ほか {more}件: `privacy-bot cases list` / and {more} more"))
    blocks.append(footer)
    return {"type": "home", "private_metadata": choice.value, "blocks": blocks}


def _failed_deliveries(failed: Sequence[OutboxRow]) -> list[Block]:
    """Their own section: a header, the messages Slack refused for good, what to do; then a divider."""
    lines = [f"⚠️ *配信できなかったメッセージが {len(failed)}件あります / {len(failed)} message(s) could not be delivered*"]
    lines += [failed_delivery_line(case_id=row.case_id, kind=row.kind, recipient=row.recipient,
                                   error=row.last_error or "unknown") for row in failed[-FAILED_SHOWN:]]
    if len(failed) > FAILED_SHOWN:
        lines.append(f"…ほか {len(failed) - FAILED_SHOWN}件 / {len(failed) - FAILED_SHOWN} more")
    lines.append("サーバーで `privacy-bot doctor` を実行して原因を確認し、直したら `privacy-bot doctor --retry-failed` で"
                 "再送してください。 / Run `privacy-bot doctor` on the server to see why, then "
                 "`privacy-bot doctor --retry-failed` once fixed.")
    header = {"type": "header", "text": {"type": "plain_text", "text": "⚠️ 配信の問題 / Delivery problems"}}
    return [header, *sections("\n".join(lines))[:3], {"type": "divider"}]


def guide_home() -> Block:
    """For anyone outside the privacy team: how to ask and how to log a request (no cases at all)."""
    text = (
        "*privacy-bot の使い方 / How to use privacy-bot*\n"
        "• プライバシーポリシーについて質問: チャンネルで `@privacy-bot 質問`、この DM、または `/privacy 質問`\n"
        "　Ask about the privacy policy: mention me, DM me, or `/privacy your question`\n"
        "• 開示・削除・漏えいの申告などの依頼を受けたら: `/privacy intake`（続けて内容を書くと入力済みで開きます）、"
        "ショートカット「プライバシー依頼を登録」、またはメッセージの「…」メニューから登録\n"
        "　Log a privacy request: `/privacy intake` (add the text to prefill it), the shortcut, or a message's ⋯ menu\n"
        "• 使い方の一覧: `/privacy help`（日本語は `/privacy ヘルプ`）\n"
        "　Every form of the command: `/privacy help`\n"
        "登録された依頼は個人情報管理責任者に届きます。依頼者の個人情報をチャンネルに書かないでください。\n"
        "Requests go to the privacy manager. Please never post a requester's details in a channel."
    )
    return {"type": "home", "blocks": sections(text)}
