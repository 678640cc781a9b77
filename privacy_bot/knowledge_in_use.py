"""Which knowledge base a command uses: one resolver for `ask`, `serve`, `doctor`, `cases draft` and `kb check`.

`PRIVACY_BOT_KB` wins (a one-off run against a copy being edited), then `knowledge_dir` from the configuration
(the deployed bot), then the copy bundled in the package. Every command asks here, so none of them can answer from
one knowledge base while `kb check` or `doctor` vouches for another.
"""
from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from intake import Config
from intake.config import load_config
from intake.errors import ConfigError
from knowledge import BUNDLED_DIR

from privacy_bot.cli import UsageError

__all__ = ["KB_ENV", "knowledge_dir", "knowledge_dir_from_env"]

KB_ENV = "PRIVACY_BOT_KB"


def knowledge_dir(config: Config | None = None, environ: Mapping[str, str] = os.environ) -> Path:
    """The directory of the knowledge base in use. `config` is read (`load_config()`) only when the environment
    does not decide; a bad configuration or a `PRIVACY_BOT_KB` that is not a directory is a `UsageError`."""
    chosen = knowledge_dir_from_env(environ)
    if chosen is not None:
        return chosen
    if config is None:
        try:
            config = load_config()
        except ConfigError as exc:
            raise UsageError(f"the configuration is invalid / 設定ファイルに誤りがあります:\n{exc}") from None
    return config.knowledge_dir or BUNDLED_DIR


def knowledge_dir_from_env(environ: Mapping[str, str] = os.environ) -> Path | None:
    """`PRIVACY_BOT_KB` as a directory, None when unset; raises `UsageError` when it names no directory."""
    value = environ.get(KB_ENV, "").strip()
    if not value:
        return None
    directory = Path(value).expanduser()
    if not directory.is_dir():
        what = "is not a directory" if directory.exists() else "does not exist"
        raise UsageError(f"{KB_ENV}={value} {what}: point it at a knowledge base directory (privacy-bot kb init DIR)")
    return directory
