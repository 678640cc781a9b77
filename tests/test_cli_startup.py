"""`privacy-bot ask` starts fast (issue 15): the indexed knowledge base comes from the user's cache when it holds
the knowledge files in use, is rebuilt when they change, and a damaged cache is ignored; answers are the same
either way; the command imports nothing it does not use. Speed itself is measured in benchmarks/bench_startup.py."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

DEV_QUESTIONS = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev_questions.yaml"
QUESTION = "開示請求の手続きは？"
OLD_TEXT = "まず /privacy intake で案件登録し"
NEW_TEXT = "まず /privacy intake で案件を登録（改訂版）し"


def run(*args: str, cache: Path, stdin: str | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "PRIVACY_BOT_"))}
    return subprocess.run([sys.executable, "-m", "privacy_bot", *args], input=stdin, capture_output=True, text=True,
                          encoding="utf-8", env={**base, "PRIVACY_BOT_CACHE": str(cache), **env}, timeout=120)


def ask_json(question: str, cache: Path, **env: str) -> dict[str, object]:
    result = run("ask", "--json", question, cache=cache, **env)
    assert result.returncode == 0 and result.stderr == "", result.stderr
    found: dict[str, object] = json.loads(result.stdout)
    return found


def entries(cache: Path) -> list[Path]:
    return sorted(cache.glob("index-*.pickle"))


def dev_questions() -> list[str]:
    """Every question of the development set, and the pasted email and typos that take other paths."""
    data = yaml.safe_load(DEV_QUESTIONS.read_text(encoding="utf-8"))
    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("ja", "en", "question", "q") and isinstance(value, str):
                    found.append(value.replace("\n", " "))
                else:
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(data)
    return found + ["これどう返せばいい？ > 退会したので登録情報を全部消してください。 > 山田",
                    "how do I handel a delte request from a custmer?", "第8条4項を見せて", "ｸﾞｰｸﾞﾙ広告のｵﾌﾟﾄｱｳﾄ"]


class TestIndexCache:
    def test_the_first_run_writes_an_entry_the_second_reads_without_rewriting_it(self, tmp_path: Path) -> None:
        cache = tmp_path / "cache"
        first = ask_json(QUESTION, cache)
        [entry] = entries(cache)
        written = entry.stat()
        assert written.st_mode & 0o077 == 0  # the user's own
        assert ask_json(QUESTION, cache) == first
        assert entries(cache) == [entry] and entry.stat().st_mtime_ns == written.st_mtime_ns
        assert entry.stat().st_ino == written.st_ino

    def test_an_edited_knowledge_base_is_indexed_again(self, tmp_path: Path) -> None:
        cache, kb = tmp_path / "cache", tmp_path / "kb"
        assert run("kb", "init", str(kb), cache=cache).returncode == 0
        assert OLD_TEXT in str(ask_json(QUESTION, cache, PRIVACY_BOT_KB=str(kb))["answer"])
        [before] = entries(cache)
        faq = kb / "faq.yaml"
        faq.write_text(faq.read_text(encoding="utf-8").replace(OLD_TEXT, NEW_TEXT, 1), encoding="utf-8")
        answer = str(ask_json(QUESTION, cache, PRIVACY_BOT_KB=str(kb))["answer"])
        assert NEW_TEXT in answer and OLD_TEXT not in answer
        assert len(entries(cache)) == 2 and before in entries(cache)

    @pytest.mark.parametrize("damage", ["garbage", "truncated", "other key", "empty", "world-writable"])
    def test_a_damaged_entry_is_ignored_and_rewritten(self, tmp_path: Path, damage: str) -> None:
        cache = tmp_path / "cache"
        expected = ask_json(QUESTION, cache)
        [entry] = entries(cache)
        content = entry.read_bytes()
        header, _, body = content.partition(b"\n")
        if damage == "garbage":
            entry.write_bytes(b"\x80\x05garbage" * 100)
        elif damage == "truncated":
            entry.write_bytes(content[: len(content) // 2])
        elif damage == "other key":
            entry.write_bytes(header[:-3] + b"000\n" + body)
        elif damage == "empty":
            entry.write_bytes(b"")
        else:
            entry.chmod(0o666)
        assert ask_json(QUESTION, cache) == expected
        assert entry.read_bytes().startswith(header + b"\n") and entry.stat().st_mode & 0o077 == 0  # rewritten

    def test_an_unwritable_cache_dir_only_costs_time(self, tmp_path: Path) -> None:
        blocked = tmp_path / "a-file"
        blocked.write_text("not a directory\n", encoding="utf-8")
        expected = ask_json(QUESTION, tmp_path / "cache")
        assert ask_json(QUESTION, blocked / "cache") == expected

    def test_every_dev_question_is_answered_the_same_with_and_without_the_caches(self, tmp_path: Path) -> None:
        questions = "".join(q + "\n" for q in dev_questions())
        cache = tmp_path / "cache"
        cold = run("ask", "--json", "-", cache=cache, stdin=questions)
        warm = run("ask", "--json", "-", cache=cache, stdin=questions)
        # Without any cache: the knowledge base indexed in process, pykakasi's dictionary loaded whole.
        code = ("import sys, json, pykakasi.kanji\n"
                "pykakasi.kanji.Kanwa()  # its dictionary loaded whole first: common.reading_dictionary stands aside\n"
                "from knowledge import load_knowledge_base\n"
                "kb = load_knowledge_base()\n"
                "for q in sys.stdin: print(json.dumps(kb.ask(q.rstrip('\\n')).to_json(), ensure_ascii=False))\n")
        plain = subprocess.run([sys.executable, "-c", code], input=questions, capture_output=True, text=True,
                               encoding="utf-8", timeout=120)
        assert cold.returncode == warm.returncode == 0 and cold.stderr == warm.stderr == ""
        assert entries(cache) and list(cache.glob("kanwa-*.sqlite"))
        assert cold.stdout == warm.stdout
        assert plain.returncode == 0, plain.stderr
        assert [json.loads(line) for line in warm.stdout.splitlines()] == [
            json.loads(line) for line in plain.stdout.splitlines()]


class TestWhatAskImports:
    def test_no_slack_database_or_chart_library(self, tmp_path: Path) -> None:
        code = ("import sys; from privacy_bot.cli import main\n"
                "code = main(['ask', '開示請求の手続きは？'])\n"
                "heavy = ('slack_bolt', 'slack_sdk', 'sqlite_utils', 'numpy', 'matplotlib', 'bot', 'gaps')\n"
                "print(code, *sorted(name for name in heavy if name in sys.modules), file=sys.stderr)\n")
        base = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "PRIVACY_BOT_"))}
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, encoding="utf-8",
                                env={**base, "PRIVACY_BOT_CACHE": str(tmp_path)}, timeout=120)
        assert result.stderr.strip() == "0"


class TestReadingDictionary:
    """pykakasi's dictionary read by first character (common.reading_dictionary) spells as the whole one does."""

    CODE = ("import sys, pykakasi.kanji\n"
            "if sys.argv[1] == 'whole': pykakasi.kanji.Kanwa()\n"
            "from common.text import reading, reading_with_words\n"
            "for text in ['開示請求の手続き', '生年月日と住所を削除してほしい', '個人情報管理責任者', '警察から照会', '々']:\n"
            "    print(reading(text), sorted(reading_with_words(text)[1]))\n")

    def spell(self, how: str, cache: Path) -> str:
        result = subprocess.run([sys.executable, "-c", self.CODE, how], capture_output=True, text=True,
                                encoding="utf-8", env={**os.environ, "PRIVACY_BOT_CACHE": str(cache)}, timeout=120)
        assert result.returncode == 0 and result.stderr == "", result.stderr
        return result.stdout

    def test_the_same_readings_from_the_copy_and_after_it_is_damaged(self, tmp_path: Path) -> None:
        whole = self.spell("whole", tmp_path / "unused")
        assert self.spell("copy", tmp_path) == whole
        [copy] = tmp_path.glob("kanwa-*.sqlite")
        copy.write_bytes(b"not a database" * 100)
        assert self.spell("copy", tmp_path) == whole
