"""pykakasi's kanji dictionary read one first character at a time, instead of whole at every start.

pykakasi unpickles its whole kanji dictionary (270,000 words) the first time it spells anything: about 0.3 s and
120 MiB, for a question that needs the entries of a dozen characters. The dictionary is copied once into an
SQLite file in the user's cache (`common.user_cache`), one row per first character, and pykakasi is handed a
table that reads the rows a text needs when it asks for them, keeping those it read. The readings are the same:
the rows hold pykakasi's own entries in its order, and its code does the spelling.

The copy is keyed by pykakasi's version and the dictionary file's size, so an upgrade makes a new one. When the
copy cannot be made or read (no writable cache, a damaged file), the table falls back to pykakasi's dictionary
loaded whole, as pykakasi would have done: slower, never different.
"""
from __future__ import annotations

import importlib.metadata
import json
import os
import pickle
import sqlite3
import tempfile
import threading
from pathlib import Path
from typing import Any

from common.user_cache import cache_dir

__all__ = ["install"]

FORMAT = "1"


class _ByFirstCharacter:
    """What pykakasi's `Kanwa` expects of its table (`get(ord(char), None)`), read from the SQLite copy."""

    def __init__(self, copy: Path, original: Path) -> None:
        self._copy = copy
        self._original = original
        self._rows: dict[int, dict[str, list[tuple[str, Any]]] | None] = {}
        self._whole: dict[int, Any] | None = None
        self._connection: sqlite3.Connection | None = None
        self._lock = threading.Lock()  # the server's threads spell questions at the same time

    def get(self, key: int, default: Any = None) -> Any:
        with self._lock:
            if self._whole is not None:
                return self._whole.get(key, default)
            if key not in self._rows:
                try:
                    self._rows[key] = self._read(key)
                except (sqlite3.Error, ValueError):
                    self._whole = _load_original(self._original)
                    return self._whole.get(key, default)
            found = self._rows[key]
            return default if found is None else found

    def _read(self, key: int) -> dict[str, list[tuple[str, Any]]] | None:
        if self._connection is None:
            self._connection = sqlite3.connect(f"{self._copy.as_uri()}?mode=ro", uri=True, check_same_thread=False)
        row = self._connection.execute("SELECT entries FROM kanwa WHERE first = ?", (key,)).fetchone()
        if row is None:
            return None
        entries: dict[str, list[list[Any]]] = json.loads(row[0])
        return {word: [(reading, context) for reading, context in found] for word, found in entries.items()}


def install() -> None:
    """Hand pykakasi the table read by first character; call before the first `pykakasi.kakasi()`.

    Leaves pykakasi as it is when its dictionary is already loaded or where it cannot be found."""
    from pykakasi import kanji
    from pykakasi.properties import Configurations

    state: dict[str, Any] = kanji.Kanwa._shared_state
    if state.get("_jisyo_table") is not None:
        return
    original = Path(str(Configurations.data_path)) / Configurations.jisyo_kanwa  # where pykakasi reads it
    try:
        version = importlib.metadata.version("pykakasi")
        copy = cache_dir() / f"kanwa-{FORMAT}-{version}-{original.stat().st_size}.sqlite"
        if not copy.exists():
            _make_copy(original, copy)
    except (OSError, sqlite3.Error, importlib.metadata.PackageNotFoundError):
        return  # pykakasi loads its dictionary whole, as without this module
    state["_jisyo_table"] = _ByFirstCharacter(copy, original)


def _load_original(original: Path) -> dict[int, Any]:
    with original.open("rb") as file:  # pykakasi's own file, read as pykakasi reads it
        table: dict[int, Any] = pickle.load(file)
    return table


def _make_copy(original: Path, copy: Path) -> None:
    """Write the SQLite copy beside its final name and rename it into place (a reader never sees half of it)."""
    copy.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=copy.parent, prefix=".kanwa-", suffix=".tmp")
    os.close(handle)
    try:
        with sqlite3.connect(temporary) as connection:
            connection.execute("CREATE TABLE kanwa (first INTEGER PRIMARY KEY, entries TEXT NOT NULL)")
            connection.executemany(
                "INSERT INTO kanwa VALUES (?, ?)",
                ((key, json.dumps(entries, ensure_ascii=False)) for key, entries in _load_original(original).items()),
            )
        connection.close()
        os.replace(temporary, copy)
    except BaseException:
        os.unlink(temporary)
        raise
