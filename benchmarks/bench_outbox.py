"""Outbox drain rate: how fast owed messages reach Slack once it is reachable (e.g. after an outage).

Logs --cases cases through the case desk (each owes the manager's card and the agent's confirmation, so twice as
many outbox rows), then times the sender `build_runtime` assembles (`runtime.sender.drain()`, no thread started)
against a fake Slack Web API on loopback: rows delivered per second, each a rendered Block Kit message plus its
conversations.open (cached per user) and chat.postMessage, with the claim and the mark written to SQLite. Real
Slack allows about 1 message/s per channel, so this measures our overhead, not Slack's pace.

Example: python benchmarks/bench_outbox.py --cases 500
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # for tests.fake_slack, when run as a script from anywhere

from bot.runtime import build_runtime  # noqa: E402
from bot.settings import Settings  # noqa: E402
from intake import CaseDesk, Config, Outbox, load_request_types, open_db, validate_new_case  # noqa: E402
from knowledge import load_knowledge_base  # noqa: E402
from tests.fake_slack import FakeSlack  # noqa: E402
from tests.slack_helpers import BOT_TOKEN  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=300)
    args = parser.parse_args()
    fake = FakeSlack().start()
    config = Config(manager="U0MANAGER", privacy_team=("U0AGENT",))
    types = load_request_types()
    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "bench.db"
        runtime = build_runtime(Settings(bot_token=BOT_TOKEN, api_url=fake.api_url), config, db_path,
                                load_knowledge_base(), request_types=types)
        desk = CaseDesk(open_db(db_path), config=config)  # a connection of its own, as the command line writes
        now = datetime.now(UTC)
        started = time.perf_counter()
        for number in range(args.cases):
            new = validate_new_case(
                {"type": "deletion", "channel": "phone", "description": f"退会したのでデータを消してほしい ({number})",
                 "requester": {"name": "山田太郎", "phone": "090-1234-5678"}},
                request_types=types, config=config, now=now)
            desk.log(new, actor="U0AGENT", now=now)
        logged = time.perf_counter() - started
        started = time.perf_counter()
        delivered = runtime.sender.drain()
        elapsed = time.perf_counter() - started
        counts = Outbox(runtime.db.get()).counts()
    fake.stop()
    print(f"logged {args.cases} cases with their outbox rows in {logged:.2f}s "
          f"({args.cases / logged:.0f} cases/s, one transaction each)")
    print(f"delivered {delivered} rows in {elapsed:.2f}s: {delivered / elapsed:.0f} rows/s "
          f"({elapsed / delivered * 1000:.1f} ms/row); outbox now {counts}")


if __name__ == "__main__":
    main()
