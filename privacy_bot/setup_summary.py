"""What a `privacy-bot` process runs with, said in one line: which configuration file, who gets cases, where the
escalation channel, database and knowledge base are.

`serve` prints it at start-up because the worst misconfiguration is a silent one: without `privacy-bot.yaml` the
bot starts, stores cases and tells nobody. Slack ids and paths only, never personal data.
"""
from __future__ import annotations

from pathlib import Path

from intake import Config
from knowledge.check import BUNDLED_DIR, knowledge_version

__all__ = ["describe_knowledge", "setup_summary"]


def describe_knowledge(directory: Path) -> str:
    where = f"bundled ({directory})" if directory.resolve() == BUNDLED_DIR.resolve() else str(directory.resolve())
    return f"{where}, version {knowledge_version(directory)}"


def setup_summary(*, config: Config, db_path: Path, knowledge_dir: Path) -> str:
    """One line: configuration file, manager, deputy, team size, escalation channel, database, knowledge base."""
    file_name = Path(config.source).name if config.source else "privacy-bot.yaml"
    manager = config.manager or (f"NOT SET (cases are stored but reach nobody: add manager: U… to {file_name})")
    parts = [
        f"config {config.source or 'none (built-in defaults)'}",
        f"manager {manager}",
        f"deputy {config.deputy or 'not set'}",
        f"privacy team {len(config.privacy_team)}",
        f"escalation channel {config.escalation_channel or 'not set (urgent cases go by DM only)'}",
        f"database {db_path.resolve()}",
        f"knowledge base {describe_knowledge(knowledge_dir)}",
    ]
    return "start-up: " + "; ".join(parts)
