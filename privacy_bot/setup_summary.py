"""What a `privacy-bot` process runs with, said in one line: which configuration file, who gets cases, where the
escalation channel, database and knowledge base are.

`serve` prints it at start-up because the worst misconfiguration is a silent one: without `privacy-bot.yaml` the
bot starts, stores cases and tells nobody. Slack ids and paths only, never personal data.
"""
from __future__ import annotations

from pathlib import Path

from common.clock import utc_now
from intake import Config
from knowledge.check import BUNDLED_DIR
from knowledge.versions import day_in_japan, read_catalog

__all__ = ["describe_knowledge", "setup_summary"]


def describe_knowledge(directory: Path) -> str:
    """Where the knowledge base is, its fingerprint (the one reloads log), and, when it holds revisions of the
    policy, which version is in force today and which are upcoming."""
    where = f"bundled ({directory})" if directory.resolve() == BUNDLED_DIR.resolve() else str(directory.resolve())
    catalog = read_catalog(directory)
    described = f"{where}, version {catalog.fingerprint()}"
    if len(catalog.versions) > 1:
        today = day_in_japan(utc_now())
        upcoming = ", ".join(version.key for version in catalog.upcoming(today))
        described += f", policy version {catalog.in_force(today).key} in force"
        described += f" ({upcoming} upcoming)" if upcoming else ""
    return described


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
