"""The case database as an operator meets it: a file that cannot be used ends every `cases` command with one line
naming it and what to do (exit 2, no traceback), and the file is private to its owner (0600)."""
from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from intake import open_db
from tests.test_cli_cases import AGENT, MANAGER, cli, env, new  # noqa: F401 (env is a fixture)

CASE_ID = "PRV-2026-0001"

#: One invocation of every verb; each must fail the same way on a database it cannot use.
EVERY_VERB = (
    ("new", "--type", "general", "--channel", "email", "--name", "高橋花子", "--email", "hanako@example.com",
     "--description", "問い合わせ"),
    ("list",),
    ("show", CASE_ID),
    ("export", "--format", "csv"),
    ("transition", CASE_ID, "acknowledged", "--actor", MANAGER),
    ("extend", CASE_ID, "--due", "2026-12-25", "--reason", "確認中", "--actor", MANAGER),
    ("assign", CASE_ID, AGENT, "--actor", MANAGER),
)


def one_line_exit_2(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr and len(result.stderr.splitlines()) == 1, result.stderr
    return result.stderr


def missing_directory(path: Path) -> Path:
    return path.parent / "no-such-dir" / "cases.db"


def a_directory(path: Path) -> Path:
    path.mkdir()
    return path


def not_a_database(path: Path) -> Path:
    path.write_text("name,email\n高橋花子,hanako@example.com\n", encoding="utf-8")
    return path


def truncated(path: Path) -> Path:
    db = open_db(path)
    db.conn.close()
    with path.open("r+b") as file:
        file.truncate(path.stat().st_size // 3)
    return path


class TestUnusableDatabase:
    """Every verb, on every kind of unusable file: one line naming the file and the remedy, exit 2."""

    @pytest.mark.parametrize(
        ("make", "words"),
        [
            (missing_directory, "does not exist; create it"),
            (a_directory, "is a directory; set PRIVACY_BOT_DB to a file"),
            (not_a_database, "is not a SQLite database"),
            (truncated, "damaged (truncated or corrupt); restore it from a backup"),
        ],
        ids=["missing directory", "a directory", "not a database", "truncated"],
    )
    def test_every_verb(self, env: dict[str, str], make: Callable[[Path], Path], words: str) -> None:
        path = make(Path(env["PRIVACY_BOT_DB"]))
        env = {**env, "PRIVACY_BOT_DB": str(path)}
        for verb in EVERY_VERB:
            line = one_line_exit_2(cli(env, *verb))
            assert line.startswith(f"privacy-bot: cannot use the database {path}: ") and words in line, (verb, line)

    def test_read_only_file_can_be_read_not_written(self, env: dict[str, str],
                                                    read_only: Callable[[Path], None]) -> None:
        case_id = new(env)
        path = Path(env["PRIVACY_BOT_DB"])
        read_only(path)
        assert cli(env, "show", case_id, "--json").returncode == 0
        line = one_line_exit_2(cli(env, "transition", case_id, "acknowledged", "--actor", MANAGER))
        assert f"the database {path}: it is read-only" in line and "run as the file's owner" in line

    def test_lock_held_past_the_timeout(self, env: dict[str, str]) -> None:
        """Another process keeps the write lock beyond the 30 s busy timeout: the change gives up in one line."""
        case_id = new(env)
        holder = subprocess.Popen(
            [sys.executable, "-c", "import sqlite3, sys, time\n"
             "c = sqlite3.connect(sys.argv[1], isolation_level=None)\nc.execute('BEGIN IMMEDIATE')\n"
             "print('locked', flush=True)\ntime.sleep(60)", env["PRIVACY_BOT_DB"]],
            stdout=subprocess.PIPE, text=True)
        try:
            assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
            started = time.monotonic()
            line = one_line_exit_2(cli(env, "transition", case_id, "acknowledged", "--actor", MANAGER))
            assert time.monotonic() - started >= 29
            assert "held its write lock for more than 30 s, so nothing was stored" in line
            assert f"fuser {env['PRIVACY_BOT_DB']}" in line
        finally:
            holder.kill()
            holder.wait()


@pytest.fixture
def read_only() -> Iterator[Callable[[Path], None]]:
    """Make a file read-only for this user: its mode for an ordinary user; root ignores modes, so the immutable
    attribute there (skipped where the filesystem has none)."""
    made: list[Path] = []

    def make(path: Path) -> None:
        if os.geteuid() != 0:
            path.chmod(0o400)
            return
        if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode != 0:
            pytest.skip("root ignores file modes and this filesystem has no immutable attribute")
        made.append(path)

    yield make
    for path in made:
        subprocess.run(["chattr", "-i", str(path)], check=True)


@pytest.fixture
def loose_umask() -> Iterator[None]:
    """The usual 022: without the fix, files come out 0644, world-readable."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


class TestPrivateFile:
    """The database holds personal data: owner read/write only, however it came to exist."""

    def test_created_owner_only(self, env: dict[str, str], loose_umask: None) -> None:
        new(env)
        assert mode(Path(env["PRIVACY_BOT_DB"])) == 0o600

    def test_wal_and_shm_owner_only(self, tmp_path: Path, loose_umask: None) -> None:
        path = tmp_path / "cases.db"
        db = open_db(path)
        db.conn.execute("INSERT INTO case_counters (year, last_seq) VALUES (2026, 1)")
        db.conn.commit()
        companions = [Path(f"{path}{suffix}") for suffix in ("-wal", "-shm")]
        assert all(companion.exists() for companion in companions)
        assert [mode(p) for p in (path, *companions)] == [0o600, 0o600, 0o600]
        db.conn.close()

    def test_existing_loose_file_is_tightened(self, env: dict[str, str], tmp_path: Path) -> None:
        """A file made before (or copied with a loose umask) is tightened on open, with nothing printed."""
        new(env)
        path = Path(env["PRIVACY_BOT_DB"])
        path.chmod(0o644)
        result = cli(env, "list")
        assert result.returncode == 0 and result.stderr == ""
        assert mode(path) == 0o600

    def test_companions_are_tightened(self, tmp_path: Path) -> None:
        path = tmp_path / "cases.db"
        first = open_db(path)  # keeps -wal and -shm in place
        files = [path, Path(f"{path}-wal"), Path(f"{path}-shm")]
        for file in files:
            file.chmod(0o664)
        open_db(path).conn.close()
        assert [mode(file) for file in files] == [0o600, 0o600, 0o600]
        first.conn.close()

    def test_another_file_named_by_mistake_is_left_alone(self, env: dict[str, str]) -> None:
        path = not_a_database(Path(env["PRIVACY_BOT_DB"]))
        path.chmod(0o644)
        one_line_exit_2(cli(env, "list"))
        assert mode(path) == 0o644
