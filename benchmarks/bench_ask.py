"""Latency of `KnowledgeBase.ask` against the real knowledge base and synthetic ones of 1,000 and 10,000 entries,
and the start-up time (load, check and index the bundled knowledge in a fresh process).

Targets (issue 3): p99 < 5 ms at 1k entries, < 25 ms at 10k, start-up < 1 s.

Example: python benchmarks/bench_ask.py --rounds 3
"""
from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from knowledge import KnowledgeBase, PolicyEntry, load_knowledge_base  # noqa: E402

QUESTIONS = [
    "開示請求が来たらどうする？",
    "Cookieを止めたいって言われた",
    "do we share data with payment processors?",
    "退会したら情報は消える？",
    "個人情報管理責任者は誰？",
    "ｸﾞｰｸﾞﾙ広告のｵﾌﾟﾄｱｳﾄ",
    "Who should I contact about a privacy request?",
    "会議室の予約方法",
    "警察から照会が来た",
    "What personal information do we collect?",
    # Issue 10: a pasted email (split into parts, matched twice when the question alone is weak), English typos
    # (mended; the word list loads during warm-up), a look-up by number, and a question the policy only touches.
    "これどう返せばいい？\n> いつもお世話になっております。\n> 退会したので登録情報を全部消してください。\n> 山田",
    "how do I handel a delte request from a custmer?",
    "第8条4項を見せて",
    "開示請求の手数料はいくら？",
]
FILLER = "顧客 契約 通話 録音 請求 設定 管理 画面 権限 連携 機能 保存 送信 通知 分析 端末 店舗 担当 部署 予約 会員 履歴".split()
FILLER_EN = "customer contract call recording invoice setting admin screen role integration feature".split()


def synthetic(kb: KnowledgeBase, size: int, seed: int = 7) -> KnowledgeBase:
    """A knowledge base of `size` entries: the real ones plus variants with mixed-in vocabulary."""
    rng = random.Random(seed)
    real = list(kb.policy.values())
    entries: list[PolicyEntry] = list(real)
    while len(entries) < size:
        base = rng.choice(real)
        n = len(entries)
        extra_ja = [f"{rng.choice(FILLER)}{rng.choice(FILLER)}{n % 97}" for _ in range(4)]
        extra_en = [f"{rng.choice(FILLER_EN)} {rng.choice(FILLER_EN)} {n}" for _ in range(4)]
        entries.append(
            replace(
                base,
                id=f"{100 + n}",
                ja=base.ja + " " + " ".join(extra_ja),
                en=base.en + " " + " ".join(extra_en),
                keywords_ja=tuple(rng.sample(base.keywords_ja, k=min(6, len(base.keywords_ja)))) + tuple(extra_ja),
                keywords_en=tuple(rng.sample(base.keywords_en, k=min(6, len(base.keywords_en)))) + tuple(extra_en),
            )
        )
    return KnowledgeBase(entries, kb.faq.values())


def latencies(kb: KnowledgeBase, rounds: int) -> list[float]:
    for q in QUESTIONS:  # warm caches once, as a running bot would be
        kb.ask(q)
    out = []
    for _ in range(rounds):
        for q in QUESTIONS:
            # Defeat the normaliser's cache so each call pays the full cost.
            q = f"{q} {len(out)}"
            start = time.perf_counter()
            kb.ask(q)
            out.append((time.perf_counter() - start) * 1000)
    return out


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def startup_seconds(runs: int) -> list[float]:
    code = (
        "import time; t=time.perf_counter(); from knowledge import load_knowledge_base; "
        "kb=load_knowledge_base(); kb.ask('開示'); print(time.perf_counter()-t)"
    )
    root = str(Path(__file__).resolve().parent.parent)
    return [float(subprocess.check_output([sys.executable, "-c", code], cwd=root, text=True)) for _ in range(runs)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=20, help="passes over the question list per knowledge base")
    args = parser.parse_args()
    starts = startup_seconds(5)
    print(f"start-up (import + load + check + index + first answer): median {statistics.median(starts):.3f} s, "
          f"max {max(starts):.3f} s over {len(starts)} runs")
    kb = load_knowledge_base()
    for name, base in (("real", kb), ("1k", synthetic(kb, 1_000)), ("10k", synthetic(kb, 10_000))):
        values = latencies(base, args.rounds)
        print(f"{name:>4} ({len(base.policy):>6} entries): p50 {pct(values, 50):6.2f} ms  p99 {pct(values, 99):6.2f} ms"
              f"  ({len(values)} questions)")


if __name__ == "__main__":
    main()
