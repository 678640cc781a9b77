"""`privacy-bot report --month YYYY-MM --out DIR`: a month's figures as a CSV and a PNG chart.

The figures (`intake.report`) hold counts and times only, never a case's details, so the files may go into the
privacy office's minutes. Cases whose personal data was erased (`cases purge`) still count.
"""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from common.clock import utc_now
from intake import load_request_types, open_db
from intake.report import monthly_report, parse_month
from privacy_bot.cli import UsageError
from privacy_bot.commands.cases import _config, _database_command


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "report",
        help="a month's figures: a CSV and a PNG chart",
        description="Write the figures of one month (Japan time) to DIR: privacy-report-YYYY-MM.csv (figure,\n"
        "item, value; UTF-8 with BOM) and privacy-report-YYYY-MM.png. Cases by type and by channel, time to\n"
        "acknowledge and to close (median and 90th percentile, business days), overdue and extended cases,\n"
        "refusals by ground, urgent cases and their time to first acknowledgement (minutes).\n\n"
        "Example: privacy-bot report --month 2026-05 --out reports/",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--month", required=True, help="YYYY-MM, e.g. 2026-05")
    parser.add_argument("--out", required=True, metavar="DIR", help="directory for the two files (created if needed)")
    parser.set_defaults(func=run)


@_database_command
def run(args: argparse.Namespace) -> int:
    # Imported here: matplotlib takes a moment to load, and only this command draws.
    from privacy_bot.report_files import write_chart, write_csv

    try:
        month = parse_month(args.month)
    except ValueError:
        raise UsageError(f"--month {args.month!r} is not a month like 2026-05 / 月は 2026-05 の形で指定してください") from None
    out = Path(args.out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot create {out}: {exc.strerror} / 出力先を作成できません") from None
    config = _config()
    report = monthly_report(open_db(), month, calendar=config.calendar, now=utc_now())
    csv_path, png_path = out / f"privacy-report-{month}.csv", out / f"privacy-report-{month}.png"
    write_csv(report, csv_path)
    write_chart(report, png_path, request_types=load_request_types())
    print(f"{month}  受付 (received) {report.received}  {csv_path}  {png_path}")
    return 0
