"""A month's figures in words: the manager's monthly DM and the small section of App Home. Pure builders.

Only counts and times (`intake.report`), never a case's details, so the message may be read anywhere the manager
reads DMs. Labels come from the request types and `case_labels`, in Japanese with English.
"""
from __future__ import annotations

from intake import RequestTypes
from intake.report import MonthlyReport, Spread

from bot.views import case_labels
from bot.views.blocks import Block, Message, context, sections

__all__ = ["figure_lines", "home_month_blocks", "monthly_report_message"]


def _days(spread: Spread) -> str:
    if spread.count == 0:
        return "該当なし / none"
    return (f"中央値 {spread.median:g} ・ 90%点 {spread.p90:g} 営業日（{spread.count}件） / "
            f"median {spread.median:g}, 90th percentile {spread.p90:g} business days ({spread.count})")


def _minutes(spread: Spread) -> str:
    if spread.count == 0:
        return "該当なし / none"
    return f"中央値 {spread.median:g} 分 ・ 90%点 {spread.p90:g} 分 / median {spread.median:g}, p90 {spread.p90:g} min"


def _counts(counts: dict[str, int], labels: dict[str, str]) -> str:
    return "、".join(f"{labels.get(key, key) or '—'} {count}" for key, count in counts.items()) or "なし / none"


def figure_lines(report: MonthlyReport, *, request_types: RequestTypes) -> list[str]:
    """One line per figure, bilingual, in the order of the CSV."""
    types = {request_type.id: f"{request_type.label.ja} / {request_type.label.en}" for request_type in request_types}
    statuses = {key: " / ".join(case_labels.status_words(key)) for key in case_labels.STATUSES}
    grounds = {key: f"{ground.label.ja} / {ground.label.en}" for key, ground in request_types.grounds.items()}
    return [
        f"• 受付 / Received: *{report.received}件*（うち至急 / urgent {report.urgent}）",
        f"• 種別 / By type: {_counts(report.by_type, types)}",
        f"• 受付経路 / By channel: {_counts(report.by_channel, case_labels.CHANNELS)}",
        f"• 受付までの日数 / Time to acknowledge: {_days(report.acknowledge_days)}",
        f"• 完了までの日数 / Time to close: {_days(report.close_days)}",
        f"• 完了 / Closed: {_counts(report.closed_by_status, statuses)}",
        f"• 期限超過 / Overdue: *{report.overdue}件* ・ 期限延長 / Extended: {report.extended}件",
        f"• 拒否の根拠 / Refusals by ground: {_counts(report.refusals_by_ground, grounds)}",
        f"• 至急案件の初回受付まで / Urgent, time to first acknowledgement: {_minutes(report.urgent_acknowledge_minutes)}",
        f"• 月末時点で未完了 / Open at the end: {report.open_at_end}件",
    ]


def monthly_report_message(report: MonthlyReport, *, request_types: RequestTypes) -> Message:
    """The manager's DM on the first business day of the month, about the month before."""
    title = (f"📊 *{report.month.year}年{report.month.month}月のプライバシー依頼 月次レポート / "
             f"Privacy requests, monthly report for {report.month}*")
    lines = figure_lines(report, request_types=request_types)
    footer = (f"グラフと CSV: サーバーで `privacy-bot report --month {report.month} --out DIR` / "
              f"Chart and CSV: `privacy-bot report --month {report.month} --out DIR` on the server")
    blocks = [*sections("\n".join([title, *lines])), context(footer)]
    return Message(text=f"{report.month} の月次レポート / Monthly report for {report.month}", blocks=blocks)


def home_month_blocks(report: MonthlyReport) -> list[Block]:
    """App Home's small section: this month so far, in three lines (two blocks)."""
    text = (f"*今月の数字 / This month ({report.month})*\n"
            f"受付 / Received {report.received} ・ 至急 / Urgent {report.urgent} ・ "
            f"完了 / Closed {sum(report.closed_by_status.values())} ・ 期限超過 / Overdue {report.overdue} ・ "
            f"延長 / Extended {report.extended}\n"
            f"受付まで / To acknowledge: {_days(report.acknowledge_days)}")
    return [*sections(text), {"type": "divider"}]
