"""Settings for the whole suite."""
from __future__ import annotations

import os
from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True, scope="session")
def _own_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The knowledge base's index cache (knowledge.index_cache) of every process a test starts goes to a directory
    of the suite's own, not the user's ~/.cache: set through XDG_CACHE_HOME, which even the tests that pass a
    pruned environment (no PRIVACY_BOT_* variable) hand on."""
    saved = {name: os.environ.get(name) for name in ("XDG_CACHE_HOME", "PRIVACY_BOT_CACHE")}
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))
    os.environ.pop("PRIVACY_BOT_CACHE", None)
    yield
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
