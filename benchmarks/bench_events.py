"""Ack latency and answer throughput of the Slack app over its real HTTP endpoint.

Runs `privacy-bot serve --http --port 0` as its own process (as deployed), with SLACK_API_URL at a fake Slack
Web API on loopback in this process, and posts signed `app_mention` events to `POST /slack/events`:

1. paced at --rate events/s (Slack's real traffic arrives spread out; its cap is 30,000/hour ≈ 8/s):
   ack latency p50/p99, the time until Slack would get its 200;
2. flat out from --concurrency senders: events answered per second, first send to last chat.postMessage;
3. paced again while another process holds the case database's write lock (as the command line or a backup
   may): ack latency, which must not wait on that database (the answers follow once it is released).

Every question is recorded in the inbox file (`<db>-inbox`) before its ack and answered from there; the figures
include that. At the end, the inbox's outcomes: answers, and "busy" notices if the backlog limit was reached.

Targets from issue 4: ack p99 < 50 ms, >= 200 events/s.

Example: python benchmarks/bench_events.py --events 2000 --rate 200 --concurrency 8
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # for tests.fake_slack, when run as a script from anywhere

from slack_sdk.signature import SignatureVerifier  # noqa: E402

from bot.inbox import inbox_path  # noqa: E402
from tests.fake_slack import FakeSlack  # noqa: E402
from tests.slack_helpers import BOT_TOKEN, SIGNING_SECRET, event_envelope, mention  # noqa: E402

QUESTIONS = ["開示請求が来たらどうする？", "Cookieを止めたい", "How do we handle a disclosure request?",
             "会議室の予約方法", "個人情報の削除を求められた", "What cookies do you use?"]


def post_events(url: str, count: int, latencies: list[float], errors: list[int], interval: float = 0.0) -> None:
    """One keep-alive connection posting `count` signed events (one per `interval` s), timing each ack."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    verifier = SignatureVerifier(SIGNING_SECRET)
    next_at = time.perf_counter()
    for i in range(count):
        if interval:
            next_at += interval
            time.sleep(max(0.0, next_at - time.perf_counter()))
        body = json.dumps(event_envelope(mention(QUESTIONS[i % len(QUESTIONS)])), ensure_ascii=False)
        timestamp = str(int(time.time()))
        headers = {"Content-Type": "application/json", "X-Slack-Request-Timestamp": timestamp,
                   "X-Slack-Signature": verifier.generate_signature(timestamp=timestamp, body=body)}
        started = time.perf_counter()
        connection.request("POST", parts.path, body=body.encode("utf-8"), headers=headers)
        response = connection.getresponse()
        response.read()
        latencies.append(time.perf_counter() - started)
        if response.status != 200:
            errors.append(response.status)
    connection.close()


def start_server(fake: FakeSlack, db_path: Path) -> tuple[subprocess.Popen[str], str]:
    environ = {**os.environ, "SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET,
               "SLACK_API_URL": fake.api_url, "PRIVACY_BOT_DB": str(db_path), "PYTHONUNBUFFERED": "1"}
    environ.pop("SLACK_CLIENT_ID", None)
    process = subprocess.Popen([sys.executable, "-m", "privacy_bot", "serve", "--http", "--port", "0"],
                               env=environ, text=True, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL)
    assert process.stderr is not None
    for line in process.stderr:
        if found := re.search(r"listening on (http://[\d.]+:\d+/slack/events)", line):
            # keep draining the log so the server never blocks on a full pipe
            threading.Thread(target=lambda: [None for _ in process.stderr], daemon=True).start()  # type: ignore[union-attr]
            return process, found.group(1)
    raise SystemExit(f"privacy-bot serve did not start (exit {process.wait()})")


def run_senders(url: str, counts: list[int], interval: float) -> tuple[list[float], list[int], float]:
    latencies: list[float] = []
    errors: list[int] = []
    senders = [threading.Thread(target=post_events, args=(url, n, latencies, errors, interval)) for n in counts]
    started = time.perf_counter()
    for sender in senders:
        sender.start()
    for sender in senders:
        sender.join()
    return latencies, errors, started


def split(total: int, parts: int) -> list[int]:
    return [total // parts + (i < total % parts) for i in range(parts)]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=2000, help="events per phase (default 2000)")
    parser.add_argument("--rate", type=float, default=200.0, help="paced phase, events/s (default 200)")
    parser.add_argument("--concurrency", type=int, default=8, help="concurrent senders (default 8)")
    args = parser.parse_args()

    fake = FakeSlack().start()
    with tempfile.TemporaryDirectory() as tmp:
        process, url = start_server(fake, Path(tmp) / "bench.db")
        try:
            post_events(url, 50, [], [])  # warm-up: connections, caches, the first SQLite connections
            fake.wait_for("chat.postMessage", count=50, timeout=30)

            senders = 4
            paced, paced_errors, _ = run_senders(url, split(args.events, senders), senders / args.rate)
            fake.wait_for("chat.postMessage", count=50 + args.events, timeout=120)

            baseline = len(fake.calls_to("chat.postMessage"))
            flat, flat_errors, started = run_senders(url, split(args.events, args.concurrency), 0.0)
            acked = time.perf_counter() - started
            fake.wait_for("chat.postMessage", count=baseline + args.events, timeout=120)
            answered = time.perf_counter() - started

            baseline = len(fake.calls_to("chat.postMessage"))
            locked_events = args.events // 4
            holder = sqlite3.connect(Path(tmp) / "bench.db", isolation_level=None)
            holder.execute("BEGIN IMMEDIATE")
            try:
                locked, locked_errors, _ = run_senders(url, split(locked_events, senders), senders / args.rate)
            finally:
                holder.execute("COMMIT")
                holder.close()
            fake.wait_for("chat.postMessage", count=baseline + locked_events, timeout=120)
            with sqlite3.connect(inbox_path(Path(tmp) / "bench.db")) as inbox:
                outcomes = dict(inbox.execute("SELECT outcome, COUNT(*) FROM inbox GROUP BY outcome").fetchall())
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=30)
    fake.stop()

    print(f"paced: {args.events} events at {args.rate:.0f}/s from {senders} senders")
    print(f"  ack latency p50   {statistics.median(paced) * 1000:6.1f} ms")
    print(f"  ack latency p99   {percentile(paced, 0.99) * 1000:6.1f} ms   (target < 50 ms)")
    print(f"  ack latency max   {max(paced) * 1000:6.1f} ms")
    print(f"flat out: {args.events} events from {args.concurrency} concurrent keep-alive senders")
    print(f"  ack latency p50   {statistics.median(flat) * 1000:6.1f} ms")
    print(f"  ack latency p99   {percentile(flat, 0.99) * 1000:6.1f} ms")
    print(f"  acked/second      {args.events / acked:6.0f}")
    print(f"  answered/second   {args.events / answered:6.0f}   (target >= 200; first send to last answer)")
    print(f"paced: {locked_events} events at {args.rate:.0f}/s while another process holds the database's write lock")
    print(f"  ack latency p50   {statistics.median(locked) * 1000:6.1f} ms")
    print(f"  ack latency p99   {percentile(locked, 0.99) * 1000:6.1f} ms")
    # A row still being answered when the count is taken has no outcome yet: name it rather than fail to sort.
    named = sorted((name or "pending", count) for name, count in outcomes.items())
    print(f"inbox outcomes      {', '.join(f'{name} {count}' for name, count in named)}")
    errors = paced_errors + flat_errors + locked_errors
    print(f"non-200 acks        {len(errors)}")
    return 0 if not errors else 1


if __name__ == "__main__":
    raise SystemExit(main())
