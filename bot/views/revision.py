"""The manager's DMs about a revision of the policy (`bot/revision_notices.py` decides when): the change summary
with the review list, and the business-day reminders until that list is empty. Pure builders; Japanese first with
the English after it, as the other notices to the manager."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from knowledge.versions import ReviewItem

from bot.revision_notices import RevisionReminder, RevisionSummary, Titled
from bot.views.blocks import Message, escape, fit_message, sections

__all__ = ["REVIEW_SHOWN", "revision_notice_message", "revision_reminder_message"]

#: Review items listed in one DM (the rest counted); `privacy-bot kb check` lists them all.
REVIEW_SHOWN = 30


def _ja_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _en_date(day: date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


def _entry(entry: Titled) -> str:
    """「10.1（第10条 ユーザー情報の開示 / Disclosure of user information to the user）」; the id alone without title."""
    section = entry.id.split(".")[0]
    if not entry.title_ja:
        return f"`{escape(entry.id)}`"
    heading = entry.title_ja if section == "0" else f"第{section}条 {entry.title_ja}"
    title = f"{heading} / {entry.title_en}" if entry.title_en else heading
    return f"`{escape(entry.id)}`（{escape(title)}）"


def _change_lines(summary: RevisionSummary) -> list[str]:
    lines = []
    for label, entries in (("変更 / Changed", summary.changed), ("追加 / Added", summary.added),
                           ("削除 / Removed", summary.removed)):
        if entries:
            lines.append(f"*{label}*")
            lines += [f"• {_entry(entry)}" for entry in entries]
    if summary.moved:
        lines.append("*移動（番号の変更） / Moved (renumbered)*")
        lines += [f"• `{escape(source)}` → {_entry(to)}" for source, to in summary.moved]
    return lines or ["条項の文言に変更はありません。 / No entry of the policy changed."]


def _review_lines(review: Sequence[ReviewItem]) -> list[str]:
    lines = [f"• `{escape(item.id)}` — {escape(item.why)}" for item in review[:REVIEW_SHOWN]]
    if len(review) > REVIEW_SHOWN:
        more = len(review) - REVIEW_SHOWN
        lines.append(f"…ほか {more} 件 / {more} more: `privacy-bot kb check`")
    return lines


def _where(revision_file: str) -> str:
    return (f"見直しが済んだ項目は `privacy-bot kb review --done ID` で外すか、`{escape(revision_file)}` の review から"
            f"削除してください。 / Once an item is done, run `privacy-bot kb review --done ID` or remove it from review in "
            f"`{escape(revision_file)}`.")


def revision_notice_message(summary: RevisionSummary) -> Message:
    """The revision DM: when it takes effect, what it changes (ids with their section titles), what to review."""
    ja, en = _ja_date(summary.effective), _en_date(summary.effective)
    if summary.in_force:
        when = (f"施行日 / In force since: *{ja}*（施行済みです。ボットはこの版で回答しています / the bot is "
                f"answering from it）")
    else:
        when = (f"施行日 / Takes effect: *{ja}*（この日の 0:00 から、ボットはこの版で回答します / the bot answers "
                f"from it from 00:00 Japan time on {en}）")
    lines = ["📜 プライバシーポリシーの改定版を読み込みました / A revision of the privacy policy is loaded", when, "",
             *_change_lines(summary), ""]
    if summary.review:
        lines += [f"*見直しが必要な項目（{len(summary.review)}件） / To review ({len(summary.review)})*",
                  *_review_lines(summary.review),
                  "施行日までに見直してください。残っている間は、営業日ごとにお知らせします。 / Please review them "
                  "before it takes effect; you are reminded each business day until none is left.",
                  _where(summary.revision_file)]
    else:
        lines.append("見直しが必要な項目はありません。 / Nothing needs reviewing.")
    fallback = f"プライバシーポリシーの改定（{ja}施行） / Policy revision taking effect on {en}"
    return fit_message(fallback, sections("\n".join(lines)))


def revision_reminder_message(reminder: RevisionReminder) -> Message:
    """A business day's reminder: the items left and the business days to go; sharper once the version is in force
    (the bot answers from text nobody has reviewed, and `kb check` fails on it)."""
    ja, en = _ja_date(reminder.effective), _en_date(reminder.effective)
    count = len(reminder.review)
    if reminder.business_days_left is None:
        headline = (f"⚠️ {ja}から施行中のポリシー改定版に、見直していない項目が{count}件あります。ボットはこの版で回答して"
                    "います。至急見直してください（`privacy-bot kb check` はこれを誤りとして報告します）。")
        english = (f"The policy version in force since {en} has {count} item(s) unreviewed, and the bot is answering "
                   "from it: please review them now (`privacy-bot kb check` reports them as errors).")
        fallback = f"施行中の改定版に未見直しの項目が{count}件あります / {count} item(s) unreviewed in the version in force"
    else:
        days = reminder.business_days_left
        headline = (f"⏰ ポリシー改定（{ja}施行）で見直しが必要な項目が、あと{count}件残っています。施行まであと{days}"
                    "営業日です（本日を含む）。")
        english = (f"{count} review item(s) left for the policy revision taking effect on {en}: {days} business "
                   "day(s) to go, today included.")
        fallback = f"ポリシー改定の見直し: 残り{count}件、施行まであと{days}営業日 / {count} item(s) left"
    lines = [headline, english, "", *_review_lines(reminder.review), _where(reminder.revision_file)]
    return fit_message(fallback, sections("\n".join(lines)))
