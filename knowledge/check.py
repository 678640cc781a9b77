"""`kb check`: everything that must hold between policy.yaml, faq.yaml and the published policy text.

Shape problems come from `knowledge.model`; this adds what needs both files and the source: unique ids, every
citation resolving, every section present, and every Japanese quote NFKC-equal to the published text, since a
quote that drifts from the policy is the one error this bot must never make.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from knowledge.model import FaqEntry, PolicyEntry, Problem, read_faq, read_policy

BUNDLED_DIR = Path(__file__).resolve().parent
POLICY_FILE = "policy.yaml"
FAQ_FILE = "faq.yaml"
SOURCE_FILE = "callconnect-privacy-policy.txt"
SECTION_COUNT = 16


def verbatim_key(text: str) -> str:
    """The form in which a quote must equal the published text: NFKC, whitespace runs as one space."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


@dataclass(frozen=True)
class KnowledgeFiles:
    """The knowledge files as read, with every problem found in them."""

    policy: list[PolicyEntry]
    faq: list[FaqEntry]
    problems: list[Problem]


def read_knowledge(directory: Path | str = BUNDLED_DIR) -> KnowledgeFiles:
    """Read and cross-check the knowledge files of a directory (the bundled one by default)."""
    directory = Path(directory)
    policy_path, faq_path = directory / POLICY_FILE, directory / FAQ_FILE
    source_path = directory / SOURCE_FILE
    if not source_path.exists():
        source_path = BUNDLED_DIR / SOURCE_FILE
    policy, problems = read_policy(policy_path)
    faq, faq_problems = read_faq(faq_path)
    problems += faq_problems
    published = verbatim_key(source_path.read_text(encoding="utf-8"))
    problems += _check_policy(policy, str(policy_path), published)
    problems += _check_faq(faq, {e.id for e in policy}, str(faq_path))
    policy = [replace(e, numbered=_is_numbered(e, published)) for e in policy]
    return KnowledgeFiles(policy, faq, problems)


def _is_numbered(entry: PolicyEntry, published: str) -> bool:
    """Whether the policy prints this sub-item as "N. …" (§16's contact lines, for one, are not numbered)."""
    return bool(entry.parent and entry.ja) and verbatim_key(f"{entry.number}. {entry.ja}") in published


def _duplicates(ids: list[tuple[str, int]], path: str) -> list[Problem]:
    counts = Counter(i for i, _ in ids)
    return [Problem(path, line, f"duplicate id {i!r}") for i, line in ids if i and counts[i] > 1]


def _check_policy(entries: list[PolicyEntry], path: str, published: str) -> list[Problem]:
    problems = _duplicates([(e.id, e.line) for e in entries], path)
    ids = {e.id for e in entries}
    for entry in entries:
        if entry.ja and verbatim_key(entry.ja) not in published:
            problems.append(Problem(path, entry.line, f"entry {entry.id}: 'ja' is not verbatim policy text"))
        if "." not in entry.id and entry.id != "0" and verbatim_key(entry.title_ja) not in published:
            problems.append(Problem(path, entry.line, f"entry {entry.id}: title is not the policy's heading"))
        if entry.parent and entry.parent not in ids:
            problems.append(Problem(path, entry.line, f"entry {entry.id}: parent {entry.parent} is missing"))
        if not entry.ja and not any(e.parent == entry.id for e in entries):
            problems.append(Problem(path, entry.line, f"entry {entry.id}: empty 'ja' and no sub-items to quote"))
        if bool(entry.ja) != bool(entry.en):
            problems.append(Problem(path, entry.line, f"entry {entry.id}: 'ja' and 'en' must both be given"))
    for number in range(1, SECTION_COUNT + 1):
        if str(number) not in ids:
            problems.append(Problem(path, 1, f"section {number} is missing"))
    return problems


def _check_faq(entries: list[FaqEntry], policy_ids: set[str], path: str) -> list[Problem]:
    problems = _duplicates([(e.id, e.line) for e in entries], path)
    for entry in entries:
        if not entry.cites:
            problems.append(Problem(path, entry.line, f"faq {entry.id}: cites no policy id"))
        for cite in entry.cites:
            if cite not in policy_ids:
                problems.append(Problem(path, entry.line, f"faq {entry.id}: cites unknown policy id {cite!r}"))
        if not entry.questions_ja or not entry.questions_en:
            problems.append(Problem(path, entry.line, f"faq {entry.id}: needs questions in ja and en"))
    return problems
