"""The monthly report as files: a CSV for a spreadsheet and a PNG chart for the privacy office's minutes.

The chart is drawn by matplotlib on its Agg backend (no display on a server). Japanese labels need a font with
the glyphs, and a fresh server has none: the IPAex Gothic font shipped inside the `japanize-matplotlib` package
is registered by its file path, without importing that package (its code imports `distutils`, gone in Python
3.12), so the labels render the same on every machine.
"""
from __future__ import annotations

import csv
import importlib.util
import io
from collections.abc import Iterator
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

from matplotlib import font_manager, pyplot  # noqa: E402 - the backend must be chosen first
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402

from intake import RequestTypes  # noqa: E402
from intake.report import MonthlyReport, Spread  # noqa: E402

from bot.views import case_labels  # noqa: E402

__all__ = ["JAPANESE_FONT_FILE", "csv_rows", "japanese_font", "write_chart", "write_csv"]

#: Where japanize-matplotlib keeps the IPAex Gothic font (IPA Font License, shipped beside it).
JAPANESE_FONT_FILE = Path("fonts") / "ipaexg.ttf"


def japanese_font() -> str:
    """Register the bundled IPAex Gothic with matplotlib once; returns its family name."""
    spec = importlib.util.find_spec("japanize_matplotlib")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the japanize-matplotlib package (the chart's Japanese font) is not installed")
    path = Path(next(iter(spec.submodule_search_locations))) / JAPANESE_FONT_FILE
    font_manager.fontManager.addfont(str(path))
    return str(font_manager.FontProperties(fname=str(path)).get_name())


def _spread_rows(figure: str, spread: Spread, unit: str) -> Iterator[tuple[str, str, str]]:
    yield figure, "count", str(spread.count)
    yield figure, f"median_{unit}", "" if spread.median is None else f"{spread.median:g}"
    yield figure, f"p90_{unit}", "" if spread.p90 is None else f"{spread.p90:g}"


def csv_rows(report: MonthlyReport) -> Iterator[tuple[str, str, str]]:
    """(figure, item, value) rows: one figure a row, so a new request type never adds a column."""
    yield "month", "", str(report.month)
    yield "received", "total", str(report.received)
    yield from (("received_by_type", key, str(count)) for key, count in report.by_type.items())
    yield from (("received_by_channel", key, str(count)) for key, count in report.by_channel.items())
    yield from _spread_rows("time_to_acknowledge", report.acknowledge_days, "business_days")
    yield from _spread_rows("time_to_close", report.close_days, "business_days")
    yield from (("closed_by_status", key, str(count)) for key, count in report.closed_by_status.items())
    yield "overdue", "total", str(report.overdue)
    yield "extended", "total", str(report.extended)
    yield from (("refusals_by_ground", key, str(count)) for key, count in report.refusals_by_ground.items())
    yield "urgent", "total", str(report.urgent)
    yield from _spread_rows("urgent_time_to_first_acknowledgement", report.urgent_acknowledge_minutes, "minutes")
    yield "open_at_end", "total", str(report.open_at_end)
    yield "purged", "total", str(report.purged)


def write_csv(report: MonthlyReport, path: Path) -> None:
    """UTF-8 with a byte-order mark, so Excel opens it as UTF-8 (as `cases export` does)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(("figure", "item", "value"))
    writer.writerows(csv_rows(report))
    path.write_bytes(buffer.getvalue().encode("utf-8-sig"))


def _bars(axes: Axes, counts: dict[str, int], labels: dict[str, str], title: str) -> None:
    axes.set_title(title, fontsize=11)
    if not counts:
        axes.text(0.5, 0.5, "なし / none", ha="center", va="center", transform=axes.transAxes)
        axes.set_axis_off()
        return
    names = [labels.get(key, key) for key in counts][::-1]
    values = list(counts.values())[::-1]
    axes.barh(names, values, color="#4a7ab5")
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    for index, value in enumerate(values):
        axes.text(value, index, f" {value}", va="center", fontsize=9)
    axes.tick_params(axis="y", labelsize=9)


def _spread_text(spread: Spread, unit: str) -> str:
    if spread.count == 0:
        return "該当なし"
    return f"中央値 {spread.median:g} ・ 90%点 {spread.p90:g} {unit}（{spread.count}件）"


def write_chart(report: MonthlyReport, path: Path, *, request_types: RequestTypes) -> None:
    """A one-page PNG: received by type and by channel, closed by status, and the times and counts in words."""
    family = japanese_font()
    with pyplot.rc_context({"font.family": family, "axes.unicode_minus": False}):
        figure, grid = pyplot.subplots(2, 2, figsize=(13, 9), dpi=100)
        try:
            figure.suptitle(f"{report.month.year}年{report.month.month}月 プライバシー依頼 月次レポート"
                            f"（受付 {report.received}件）", fontsize=15)
            types = {request_type.id: request_type.label.ja for request_type in request_types}
            channels = {key: label.split(" / ")[0] for key, label in case_labels.CHANNELS.items()}
            statuses = {key: label.split(" / ")[0].split(" ")[-1] for key, label in case_labels.STATUSES.items()}
            _bars(grid[0][0], report.by_type, types, "種別ごとの受付件数")
            _bars(grid[0][1], report.by_channel, channels, "受付経路ごとの件数")
            _bars(grid[1][0], report.closed_by_status, statuses, "完了した依頼（終了の種類）")
            text_axes = grid[1][1]
            text_axes.set_axis_off()
            grounds = "、".join(f"{ground or '—'} {count}" for ground, count in report.refusals_by_ground.items())
            lines = [
                f"受付から受付確認まで: {_spread_text(report.acknowledge_days, '営業日')}",
                f"受付から完了まで: {_spread_text(report.close_days, '営業日')}",
                f"期限超過: {report.overdue}件　期限延長: {report.extended}件",
                f"拒否の根拠: {grounds or 'なし'}",
                f"至急: {report.urgent}件　初回受付まで: {_spread_text(report.urgent_acknowledge_minutes, '分')}",
                f"月末時点の未完了: {report.open_at_end}件",
            ]
            text_axes.set_title("対応時間と期限", fontsize=11)
            text_axes.text(0.0, 0.95, "\n\n".join(lines), va="top", fontsize=11, transform=text_axes.transAxes,
                           wrap=True)
            figure.tight_layout(rect=(0, 0, 1, 0.95))
            figure.savefig(path)
        finally:
            pyplot.close(figure)
