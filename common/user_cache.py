"""The user's cache directory: what a run prepares once and the next runs read (the knowledge base's index,
pykakasi's dictionary by first character). Deleting it at any time costs only the next run's time."""
from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

__all__ = ["CACHE_ENV", "cache_dir"]

#: Where the cache lives, when set (tests and benchmarks point it at a directory of their own).
CACHE_ENV = "PRIVACY_BOT_CACHE"


def cache_dir(environ: Mapping[str, str] = os.environ) -> Path:
    """`PRIVACY_BOT_CACHE`, else `$XDG_CACHE_HOME/privacy-bot`, else `~/.cache/privacy-bot`."""
    chosen = environ.get(CACHE_ENV, "").strip()
    if chosen:
        return Path(chosen).expanduser()
    base = environ.get("XDG_CACHE_HOME", "").strip()
    return (Path(base) if base else Path.home() / ".cache") / "privacy-bot"
