"""The command line's own words: help and README point only at files a user can find, and no input ends in a
traceback (the last-resort guard words a bug in one line without the values that caused it)."""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from intake import JST, CaseDesk, Config, load_request_types, open_db, validate_new_case
from privacy_bot import cli
from tests.test_cli_cases import CASE

ROOT = Path(__file__).resolve().parent.parent
#: Files the user makes or names, which the docs mention on purpose: the configuration, the database, an export,
#: a monthly report, the manager answers exported (`kb gaps export --out`), the revised policy given to `kb update`
#: and the record it writes beside each new version (revision.yaml).
USER_FILES = {"privacy-bot.yaml", "privacy-bot.db", "cases.csv", "privacy-report-YYYY-MM.csv",
              "privacy-report-2026-05.csv", "manager-answers.yaml", "NEW_POLICY.txt", "revision.yaml"}
_FILE = re.compile(r"[\w./-]+\.(?:md|yaml|yml|json|txt|csv|py|toml|db)\b")


def parsers(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                yield from parsers(child)


def mentioned_files(text: str) -> set[str]:
    return {name.removeprefix("./") for name in _FILE.findall(text) if "@" not in name}


def missing(names: set[str]) -> list[str]:
    tracked = set(subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True,
                                 check=True).stdout.split())
    basenames = {Path(path).name for path in tracked}
    return sorted(name for name in names - USER_FILES if name not in tracked and name not in basenames)


class TestFilesMentioned:
    def test_help_texts(self) -> None:
        texts = "\n".join(parser.format_help() for parser in parsers(cli.build_parser()))
        assert "cases" in texts and missing(mentioned_files(texts)) == []

    def test_readme(self) -> None:
        assert missing(mentioned_files((ROOT / "README.md").read_text(encoding="utf-8"))) == []


class TestLastResort:
    def test_a_bug_is_one_line_without_values(self) -> None:
        """Whatever escapes the commands is named by type and place, never by its message (it may hold input)."""
        program = (
            "import sys\n"
            "from privacy_bot import cli\n"
            "from privacy_bot.commands import kb\n"
            "def broken(args):\n"
            "    raise KeyError('高橋花子')\n"
            "kb.run_check = broken\n"
            "sys.exit(cli.main(['kb', 'check']))\n"
        )
        result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, encoding="utf-8",
                                timeout=60)
        assert result.returncode == 2
        assert result.stderr.startswith("privacy-bot: internal error KeyError at <string>:5 (a bug")
        assert len(result.stderr.splitlines()) == 1 and "高橋" not in result.stderr

    def test_reader_going_away(self, tmp_path: Path) -> None:
        """`cases export | head`: the closed pipe ends the command quietly, not with a BrokenPipeError."""
        path = tmp_path / "cases.db"
        config = Config(manager="U0123MANAGER")
        desk = CaseDesk(open_db(path), config=config)
        now = datetime.now(JST)
        for _ in range(20):
            data = {**CASE, "description": "長い説明。" * 3000}
            desk.log(validate_new_case(data, request_types=load_request_types(), config=config, now=now),
                     actor="operator", now=now, confirm=False)
        process = subprocess.Popen([sys.executable, "-m", "privacy_bot", "cases", "export", "--format", "json"],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   env={"PRIVACY_BOT_DB": str(path), "PATH": "/usr/bin:/bin"})
        assert process.stdout is not None and process.stderr is not None
        process.stdout.read(100)
        process.stdout.close()
        err = process.stderr.read().decode()
        assert process.wait(timeout=60) == 1
        assert err == ""
