"""A manager's answer is held to what `kb check` holds an FAQ entry to: every cited section exists, and every
「…」 (or "…" in English) quote is verbatim from a cited section, so an answer can never put words in the policy's
mouth. The same check runs when the answer is submitted (modal, `kb answer`) and in `kb check` over the stored ones.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from knowledge import PolicyEntry
from knowledge.check import verbatim_key

__all__ = ["check_manager_answer"]

_QUOTES = {"ja": re.compile(r"「([^「」]*)」"), "en": re.compile(r"[\"“]([^\"“”]*)[\"”]")}


def check_manager_answer(*, answer_ja: str, answer_en: str | None, cites: Sequence[str],
                         policy: Sequence[PolicyEntry]) -> list[str]:
    """The problems of one answer, one sentence each (empty when it is fine)."""
    problems: list[str] = []
    if not answer_ja.strip():
        problems.append("the Japanese answer is empty")
    by_id = {entry.id: entry for entry in policy}
    for cite in cites:
        if cite not in by_id:
            problems.append(f"cites unknown policy id {cite!r}")
    cited = [entry for entry in policy for cite in cites if entry.id == cite or entry.id.startswith(cite + ".")]
    for language, text in (("ja", answer_ja), ("en", answer_en or "")):
        sources = [verbatim_key(entry.ja if language == "ja" else entry.en) for entry in cited]
        for quoted in _QUOTES[language].findall(text):
            if not any(verbatim_key(quoted) in source for source in sources if source):
                where = "no section is cited" if not cited else "not verbatim from the cited policy text"
                problems.append(f"quote ({language}) {quoted[:40]!r}: {where}")
    return problems
