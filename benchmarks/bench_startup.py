"""Start-up cost of one `privacy-bot ask`, against the yardstick of importing the libraries it is built on, and
the resident memory of `privacy-bot serve --http` once it has started.

Each figure is a whole process: wall time from start to exit, and peak memory (the kernel's ru_maxrss of that
process, from wait4). The yardstick is `python -c "import rapidfuzz, yaml, jaconv, sqlite_utils"`, run in turn
with the command measured (A B A B …) so that the ratio of each pair holds while the machine's speed drifts;
medians are printed. `ask` is measured three ways:

- cold: an empty cache directory (the first run after installing: pykakasi's dictionary is copied, the knowledge
  base indexed and cached);
- changed: the dictionary copy is there, the index is not (the first run after an edit of the knowledge base);
- warm: both cached (every other run).

The server is `serve --http --port 0` against the fake Slack Web API of the tests (on loopback, in this process);
its VmRSS and VmHWM are read from /proc/PID/status once it says where it listens and has settled.

Goal (issue 15): warm `ask` at most 3x the yardstick, peak memory under 100 MiB.

Example: python benchmarks/bench_startup.py --runs 7
         python benchmarks/bench_startup.py --tree /tmp/before   # the same figures for another checkout
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # for tests.fake_slack, when run as a script from anywhere

from tests.fake_slack import FakeSlack  # noqa: E402
from tests.slack_helpers import BOT_TOKEN, SIGNING_SECRET  # noqa: E402

YARDSTICK = [sys.executable, "-c", "import rapidfuzz, yaml, jaconv, sqlite_utils"]
NO_NUMPY = [sys.executable, "-c", "import sys; sys.modules['numpy'] = None; import rapidfuzz, yaml, jaconv, sqlite_utils"]
QUESTION = "開示請求の手続きは？"
SETTLE_SECONDS = 1.0


def run_once(command: list[str], *, cwd: Path, env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, peak MiB) of one process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{command[:4]} exited {process.returncode}")
    return wall, usage.ru_maxrss / 1024


def paired(measure: Callable[[], tuple[float, float]], yardstick: Callable[[], tuple[float, float]],
           runs: int) -> tuple[list[float], list[float], list[float]]:
    """Walls, peaks and wall ratios of `runs` pairs (after one warm-up pair, not counted)."""
    measure(), yardstick()
    walls, peaks, ratios = [], [], []
    for _ in range(runs):
        wall, peak = measure()
        base, _ = yardstick()
        walls.append(wall)
        peaks.append(peak)
        ratios.append(wall / base)
    return walls, peaks, ratios


def serve_memory(tree: Path, env: dict[str, str]) -> tuple[float, float]:
    """(VmRSS, VmHWM) in MiB of `serve --http` once it listens and has settled."""
    fake = FakeSlack().start()
    with tempfile.TemporaryDirectory() as folder:
        config = Path(folder) / "privacy-bot.yaml"
        config.write_text("manager: U0MANAGER\n", encoding="utf-8")
        server_env = {**env, "SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET,
                      "SLACK_API_URL": fake.api_url, "PRIVACY_BOT_DB": str(Path(folder) / "bot.db"),
                      "PRIVACY_BOT_CONFIG": str(config), "PYTHONUNBUFFERED": "1"}
        process = subprocess.Popen([sys.executable, "-m", "privacy_bot", "serve", "--http", "--port", "0"],
                                   cwd=tree, env=server_env, text=True, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE)
        try:
            assert process.stderr is not None
            for line in process.stderr:
                if re.search(r"listening on http://127\.0\.0\.1:\d+/", line):
                    threading.Thread(target=process.stderr.read, daemon=True).start()
                    break
            else:
                raise SystemExit("the server never said where it listens")
            time.sleep(SETTLE_SECONDS)
            status = Path(f"/proc/{process.pid}/status").read_text()
            rss, hwm = (int(re.search(rf"^{name}:\s+(\d+) kB", status, re.M).group(1)) / 1024  # type: ignore[union-attr]
                        for name in ("VmRSS", "VmHWM"))
        finally:
            process.terminate()
            process.wait(timeout=30)
            fake.stop()
    return rss, hwm


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7, help="counted runs of each figure")
    parser.add_argument("--tree", type=Path, default=ROOT, help="the checkout to measure (default: this one)")
    args = parser.parse_args()
    tree = args.tree.resolve()
    cache = Path(tempfile.mkdtemp(prefix="privacy-bot-cache-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "PRIVACY_BOT_"))}
    env["PRIVACY_BOT_CACHE"] = str(cache)
    ask = [sys.executable, "-m", "privacy_bot", "ask", QUESTION]
    yardstick = lambda: run_once(YARDSTICK, cwd=tree, env=env)  # noqa: E731

    def fresh(keep: str) -> Callable[[], tuple[float, float]]:
        def measure() -> tuple[float, float]:
            for entry in cache.glob("*"):
                if not keep or not entry.name.startswith(keep):
                    entry.unlink()
            return run_once(ask, cwd=tree, env=env)
        return measure

    try:
        print(f"tree {tree}; {args.runs} runs each; medians (min-max)")
        base = [run_once(YARDSTICK, cwd=tree, env=env) for _ in range(args.runs)]
        bare = [run_once(NO_NUMPY, cwd=tree, env=env) for _ in range(args.runs)]
        print(f"yardstick  import rapidfuzz, yaml, jaconv, sqlite_utils: {_median(base, 0):.3f} s, "
              f"{_median(base, 1):.1f} MiB; with numpy kept out: {_median(bare, 0):.3f} s, {_median(bare, 1):.1f} MiB")
        for name, measure in (("cold", fresh("")), ("changed", fresh("kanwa-")),
                              ("warm", lambda: run_once(ask, cwd=tree, env=env))):
            walls, peaks, ratios = paired(measure, yardstick, args.runs)
            print(f"ask {name:<8} {statistics.median(walls):.3f} s  {statistics.median(ratios):5.2f}x yardstick "
                  f"({min(ratios):.2f}-{max(ratios):.2f})  peak {statistics.median(peaks):6.1f} MiB")
        for name in ("cold", "warm"):
            if name == "cold":
                shutil.rmtree(cache)
                cache.mkdir()
            rss, hwm = serve_memory(tree, env)
            print(f"serve --http ({name} cache): VmRSS {rss:.1f} MiB, VmHWM {hwm:.1f} MiB after start-up")
    finally:
        shutil.rmtree(cache, ignore_errors=True)


def _median(figures: list[tuple[float, float]], index: int) -> float:
    return statistics.median(figure[index] for figure in figures)


if __name__ == "__main__":
    main()
