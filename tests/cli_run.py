"""`privacy-bot` as a subprocess in a directory of its own, for the tests of the `kb` commands: none of the
caller's Slack or privacy-bot settings leak in, and its database sits in that directory."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "PRIVACY_BOT_"))}
    return subprocess.run([sys.executable, "-m", "privacy_bot", *args], capture_output=True, text=True,
                          encoding="utf-8", cwd=cwd, env={**base, "PRIVACY_BOT_DB": str(cwd / "bot.db"), **env},
                          timeout=120)
