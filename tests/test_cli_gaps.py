"""`privacy-bot kb gaps`, `kb answer` and `kb check` over the manager's answers, run as subprocesses on a real
database (issue 12 items 2–4)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from gaps import GapStore, migrate
from intake.db import open_db
from knowledge.check import BUNDLED_DIR

MANAGER = "U0MANAGER"
NOW = datetime(2026, 12, 1, 2, 0, tzinfo=timezone.utc)


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    config = tmp_path / "privacy-bot.yaml"
    config.write_text(f"manager: {MANAGER}\n", encoding="utf-8")
    return {**os.environ, "PRIVACY_BOT_DB": str(tmp_path / "bot.db"), "PRIVACY_BOT_CONFIG": str(config)}


def _run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "privacy_bot", "kb", *args], env=env, text=True,
                          capture_output=True, timeout=120)


def _store(env: dict[str, str]) -> GapStore:
    db = open_db(env["PRIVACY_BOT_DB"])
    migrate(db)
    return GapStore(db)


def _ask(store: GapStore, question: str, user: str, minutes: int = 0) -> int:
    return store.record(question, user_id=user, channel_id=f"D{user}", source="not_covered", outcome="not_covered",
                        now=NOW + timedelta(minutes=minutes))


def test_gaps_group_paraphrases_and_list_newest_and_most_asked_first(env: dict[str, str]) -> None:
    store = _store(env)
    isms = _ask(store, "ISMS認証は取ってる？", "U1")
    fee = _ask(store, "開示請求に手数料はかかる？", "U2", minutes=1)
    assert _ask(store, "うちってISMSの認証取ってますか？", "U3", minutes=2) == isms
    assert _ask(store, "開示の手数料はいくら？", "U4", minutes=3) == fee
    assert _ask(store, "開示の手数料はいくら？", "U5", minutes=4) == fee
    office = _ask(store, "会社の住所はどこ？", "U6", minutes=5)
    assert len({isms, fee, office}) == 3
    listed = json.loads(_run(env, "gaps", "--json").stdout)
    assert [(g["id"], g["count"]) for g in listed] == [(fee, 3), (isms, 2), (office, 1)]
    assert listed[0]["question"] == "開示請求に手数料はかかる？" and listed[0]["status"] == "open"


def test_answer_export_passes_kb_check_when_appended(env: dict[str, str], tmp_path: Path) -> None:
    store = _store(env)
    practice = _ask(store, "ISMS認証は取ってる？", "U1")
    cited = _ask(store, "Is there a fee for a disclosure request?", "U2")
    ok = _run(env, "answer", str(practice), "--ja", "取得していません。", "--actor", MANAGER)
    assert ok.returncode == 0, ok.stderr
    ok = _run(env, "answer", str(cited), "--ja", "第10条は「遅滞なく」応じるとだけ定めており、手数料は取っていません。",
              "--en", "Section 10 only says we respond \"without delay\"; we charge no fee.", "--cite", "10",
              "--actor", MANAGER)
    assert ok.returncode == 0, ok.stderr
    exported = _run(env, "gaps", "export", "--out", str(tmp_path / "answers.yaml"))
    assert exported.returncode == 0, exported.stderr
    kb = tmp_path / "kb"
    shutil.copytree(BUNDLED_DIR, kb, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    with (kb / "faq.yaml").open("a", encoding="utf-8") as faq:
        faq.write("\n" + (tmp_path / "answers.yaml").read_text(encoding="utf-8"))
    checked = _run(env, "check", str(kb))
    assert checked.returncode == 0, checked.stdout
    assert "70 FAQ entries" in checked.stdout  # the bundled 68 and the two answers
    assert f"manager-answer-{practice}" in (kb / "faq.yaml").read_text(encoding="utf-8")


def test_an_invented_quote_is_refused_and_kb_check_reports_a_stored_one(env: dict[str, str]) -> None:
    store = _store(env)
    gap = _ask(store, "開示請求に手数料はかかる？", "U1")
    refused = _run(env, "answer", str(gap), "--ja", "第10条に「手数料は無料」とあります。", "--cite", "10",
                   "--actor", MANAGER)
    assert refused.returncode == 2 and "not verbatim" in refused.stderr
    assert _run(env, "answer", str(gap), "--ja", "無料です。", "--cite", "99", "--actor", MANAGER).returncode == 2
    assert _run(env, "answer", str(gap), "--ja", "無料です。", "--actor", "U0STRANGER").returncode == 2
    # One stored before the knowledge base changed (written here past the check): kb check names it.
    store.approve(gap, answer_ja="第10条に「手数料は無料」とあります。", answer_en=None, cites=["10"], all_staff=True,
                  actor=MANAGER, now=NOW)
    checked = _run(env, "check")
    assert checked.returncode == 1
    assert f"manager answer 1 (gap {gap}): quote (ja) '手数料は無料': not verbatim" in checked.stdout


def test_withdraw_stops_serving_and_keeps_the_record_dismiss_takes_noise_off(env: dict[str, str]) -> None:
    store = _store(env)
    gap = _ask(store, "ISMS認証は取ってる？", "U1")
    noise = _ask(store, "あああ", "U2")
    assert _run(env, "answer", str(gap), "--ja", "取得していません。", "--actor", MANAGER).returncode == 0
    assert store.find_answer("ISMS認証は取ってる？", privileged=False) is not None
    withdrawn = _run(env, "answer", str(gap), "--withdraw", "--actor", MANAGER)
    assert withdrawn.returncode == 0, withdrawn.stderr
    assert store.find_answer("ISMS認証は取ってる？", privileged=False) is None
    [kept] = store.answers(active_only=False)
    assert kept.withdrawn_by == MANAGER and kept.answer_ja == "取得していません。"
    assert _run(env, "gaps", "export").stdout.count("- id:") == 0
    assert _run(env, "gaps", "dismiss", str(noise), "--actor", MANAGER).returncode == 0
    statuses = {g["id"]: g["status"] for g in json.loads(_run(env, "gaps", "--json").stdout)}
    assert statuses == {gap: "open", noise: "dismissed"}
    assert _run(env, "gaps", "dismiss", "999", "--actor", MANAGER).returncode == 1


def test_team_only_answers_are_served_to_the_team_only(env: dict[str, str]) -> None:
    store = _store(env)
    gap = _ask(store, "ISMS認証は取ってる？", "U1")
    assert _run(env, "answer", str(gap), "--ja", "取得していません。", "--team-only", "--actor", MANAGER).returncode == 0
    assert store.find_answer("ISMS認証は取ってる？", privileged=False) is None
    assert store.find_answer("ISMS認証は取ってる？", privileged=True) is not None
