"""The house rules of the layout (README "Layout"), checked on the source: `knowledge/` and `intake/` know nothing of
Slack, and use each other only through the package's exports (`from intake import …`), never each other's modules,
so either can change inside without the other noticing."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PLAIN = ("knowledge", "intake")


def imported(path: Path) -> list[str]:
    """The modules a file imports, at any depth (lazy imports inside functions count)."""
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.append(node.module)
        elif isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
    return names


@pytest.mark.parametrize("package", PLAIN)
def test_plain_packages_use_each_other_through_their_exports_and_know_nothing_of_slack(package: str) -> None:
    other = next(p for p in PLAIN if p != package)
    wrong = [(path.name, name) for path in sorted((ROOT / package).glob("*.py")) for name in imported(path)
             if name.startswith((f"{other}.", "slack", "bot", "privacy_bot"))]
    assert wrong == []
