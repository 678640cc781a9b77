"""The prepared knowledge base kept on disk between runs, so a `privacy-bot ask` does not index it again.

Indexing spells every keyword and example question in hiragana and builds the matchers' postings: most of a
one-question run's time, and the same work every time the knowledge files have not changed. A cache entry is
the indexed `KnowledgeBase` keyed by what determines it: the knowledge files' content (`knowledge_version`) and
the code and libraries that index them (`code_version`). An entry for any other key is never read; a corrupt,
truncated or foreign one is ignored and the knowledge base is indexed again (and the entry rewritten): the cache
can make a run faster, never wrong or broken.

Format: a header line (`FORMAT`, the key) then a pickle. Pickle runs code when read, so only a file this user
wrote is read: it must sit in a directory and be a file owned by the current user that nobody else may write, and
its header must carry the expected key before a byte of the pickle is read. Whoever can write there can already
change this user's programs (the virtualenv, the shell's start-up files), so reading it gives nobody more than
they have. An entry is written to a temporary file beside it and renamed into place, so a reader never sees half
of one, and a run that cannot write (read-only home, full disk) just goes on without the cache.
"""
from __future__ import annotations

import hashlib
import importlib.metadata
import os
import pickle
import stat
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

from common.user_cache import CACHE_ENV, cache_dir
from knowledge.base import KnowledgeBase, load_knowledge_base
from knowledge.check import BUNDLED_DIR, knowledge_version

__all__ = ["CACHE_ENV", "cache_dir", "code_version", "load_indexed"]

FORMAT = b"privacy-bot-index 1"
#: Entries kept: one per knowledge base in use, a few edits back.
KEEP = 8
_SOURCE_ROOT = Path(__file__).resolve().parent.parent
#: The packages whose code builds the index: a change to any of their files is another index.
_INDEXING_PACKAGES = ("common", "knowledge")
#: The libraries whose output is in the index (readings, stems, bigram scores).
_INDEXING_LIBRARIES = ("pykakasi", "jaconv", "snowballstemmer", "rapidfuzz")


def code_version() -> str:
    """A fingerprint of the indexing code and libraries, and of Python (whose pickles and hashes it relies on)."""
    digest = hashlib.sha256(sys.version.encode())
    for package in _INDEXING_PACKAGES:
        for path in sorted((_SOURCE_ROOT / package).glob("*.py")):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    for library in _INDEXING_LIBRARIES:
        try:
            digest.update(f"{library}={importlib.metadata.version(library)}".encode())
        except importlib.metadata.PackageNotFoundError:
            digest.update(library.encode())
    return digest.hexdigest()[:12]


def load_indexed(directory: Path | str = BUNDLED_DIR, *, environ: Mapping[str, str] = os.environ) -> KnowledgeBase:
    """`load_knowledge_base(directory)`, from the cache when it holds this version, else indexed and cached.

    Raises `KnowledgeBaseError` as `load_knowledge_base` does: only a knowledge base that passed `kb check` is
    ever cached, so an entry found is one that passed."""
    version = knowledge_version(directory)
    key = f"{version}-{code_version()}"
    folder = cache_dir(environ)
    entry = folder / f"index-{key}.pickle"
    found = _read(entry, key)
    if found is not None:
        return found
    knowledge_base = load_knowledge_base(directory)
    if knowledge_version(directory) == version:  # not edited while it was read: the key names what was indexed
        _write(folder, entry, key, knowledge_base)
    return knowledge_base


def _header(key: str) -> bytes:
    return FORMAT + b" " + key.encode() + b"\n"


def _read(entry: Path, key: str) -> KnowledgeBase | None:
    """The cached knowledge base, or None when the entry is missing, not this user's own, foreign or broken."""
    try:
        with entry.open("rb") as file:
            info = os.fstat(file.fileno())
            if not _private(info) or not _private(os.stat(entry.parent)):
                return None
            if file.readline() != _header(key):
                return None
            found = pickle.load(file)
    except Exception:  # noqa: BLE001 - any unreadable entry is a cache miss: the index is built again
        return None
    return found if isinstance(found, KnowledgeBase) else None


def _private(info: os.stat_result) -> bool:
    """Owned by this user and writable by nobody else."""
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _write(folder: Path, entry: Path, key: str, knowledge_base: KnowledgeBase) -> None:
    """Write the entry atomically and drop the oldest beyond `KEEP`; a failure to write is not an error."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".index-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(_header(key))
                pickle.dump(knowledge_base, file, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, entry)
        except BaseException:
            os.unlink(temporary)
            raise
        entries = sorted(folder.glob("index-*.pickle"), key=lambda path: path.stat().st_mtime, reverse=True)
        for old in entries[KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:
        return
