"""`privacy-bot classify`: one suggestion per inquiry, as text or JSON lines."""
from __future__ import annotations

import json
import subprocess
import sys


def classify(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "privacy_bot", "classify", *args], input=stdin, capture_output=True,
                          text=True, encoding="utf-8", timeout=60)


def test_json_lines_from_stdin_in_order() -> None:
    lines = ["退会したので私の個人情報を削除してください", "", "The police sent us a warrant for a user's call logs",
             "Cookieを無効にしたい"]
    result = classify("--json", "-", stdin="\n".join(lines) + "\n")
    assert result.returncode == 0, result.stderr
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["text"] for o in objects] == lines
    assert [o["type"] for o in objects] == ["deletion", "general", "authority_request", "cookie_optout"]
    assert [o["urgent"] for o in objects] == [False, False, True, False]
    assert all({"confidence", "candidates"} <= set(o) for o in objects)


def test_text_output() -> None:
    result = classify("他の会社の通話録音が私の画面で再生できてしまいます")
    assert result.returncode == 0
    assert "漏えい等の申告" in result.stdout and "至急" in result.stdout


def test_empty_text_is_bad_usage() -> None:
    result = classify("  ")
    assert result.returncode == 2 and len(result.stderr.splitlines()) == 1
