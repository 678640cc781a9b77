"""`kb check`: everything that must hold between policy.yaml, faq.yaml, summaries.yaml, replies.yaml and the
published policy text.

Shape problems come from `knowledge.model`; this adds what needs both files and the source: unique ids, every
citation resolving, every section present, and every Japanese quote NFKC-equal to the published text, since a
quote that drifts from the policy is the one error this bot must never make.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from common.yaml_lines import Problem
from knowledge.grounding import ungrounded
from knowledge.model import FaqEntry, PolicyEntry, Summary, read_faq, read_policy, read_summaries
from knowledge.policy_text import section_numbers
from knowledge.replies import Replies, check_replies, read_replies

BUNDLED_DIR = Path(__file__).resolve().parent
POLICY_FILE = "policy.yaml"
FAQ_FILE = "faq.yaml"
SUMMARIES_FILE = "summaries.yaml"
REPLIES_FILE = "replies.yaml"
SOURCE_FILE = "callconnect-privacy-policy.txt"
#: A revision's record beside its files (`knowledge.versions`): what changed, and what is left to review.
REVISION_FILE = "revision.yaml"
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
    summaries: list[Summary] = field(default_factory=list)
    replies: Replies = field(default_factory=lambda: Replies((), None))
    #: What a revision left for a person to redo (`revision.yaml`'s review list), one problem per item: not an
    #: error of the files (the version still loads and answers), but `kb check` warns about each, and fails on
    #: them once the version is in force.
    pending: list[Problem] = field(default_factory=list)
    #: The ids of those items ("summary:3", "faq:ID", "policy:3"): what they name is not shown in answers until a
    #: person has redone it (a summary or an FAQ answer written for the old text may now say the opposite).
    under_review: frozenset[str] = frozenset()


#: What `kb init` writes: every file `read_knowledge` reads, the published policy text included.
KNOWLEDGE_FILES = (POLICY_FILE, FAQ_FILE, SUMMARIES_FILE, REPLIES_FILE, SOURCE_FILE)
#: Files a directory may leave out: the bundled copy is read in their place.
_OPTIONAL_FILES = (SUMMARIES_FILE, REPLIES_FILE, SOURCE_FILE)


def knowledge_paths(directory: Path | str) -> dict[str, Path]:
    """Each knowledge file's name → the file read for it from `directory` (the bundled one for an optional file the
    directory lacks). One list for reading and for fingerprinting, so a reload sees every edit that counts."""
    directory = Path(directory)
    paths = {}
    for name in KNOWLEDGE_FILES:
        path = directory / name
        paths[name] = BUNDLED_DIR / name if name in _OPTIONAL_FILES and not path.exists() else path
    return paths


def knowledge_version(directory: Path | str) -> str:
    """A short fingerprint of the files the knowledge base is read from (a missing file counts as empty), a
    revision's review list among them (what it lists is not shown in answers): tells two copies, or two edits of
    one copy, apart."""
    digest = hashlib.sha256()
    for name, path in [*knowledge_paths(directory).items(), (REVISION_FILE, Path(directory) / REVISION_FILE)]:
        try:
            content = path.read_bytes()
        except OSError:
            content = b""
        digest.update(f"{name}\0{len(content)}\0".encode() + content)
    return digest.hexdigest()[:12]


def read_knowledge(directory: Path | str = BUNDLED_DIR) -> KnowledgeFiles:
    """Read and cross-check the knowledge files of a directory (the bundled one by default)."""
    paths = knowledge_paths(directory)
    policy_path, faq_path = paths[POLICY_FILE], paths[FAQ_FILE]
    source_path, summaries_path, replies_path = paths[SOURCE_FILE], paths[SUMMARIES_FILE], paths[REPLIES_FILE]
    policy, problems = read_policy(policy_path)
    faq, faq_problems = read_faq(faq_path)
    summaries, summary_problems = read_summaries(summaries_path)
    problems += faq_problems + summary_problems
    pending, review_ids = _pending_review(Path(directory))
    in_review = {i.split(":", 1)[1] for i in review_ids if i.startswith("policy:")}
    unsummarised = in_review | {i.split(":", 1)[1] for i in review_ids if i.startswith("summary:")}
    source = source_path.read_text(encoding="utf-8")
    published = verbatim_key(source)
    problems += _check_policy(policy, str(policy_path), published, in_review, _sections_of(source))
    problems += _check_faq(faq, {e.id for e in policy}, str(faq_path))
    problems += _check_summaries(summaries, policy, str(summaries_path), unsummarised)
    replies, reply_problems = read_replies(replies_path)
    problems += reply_problems + check_replies(replies, policy, str(replies_path))
    policy = [replace(e, numbered=_is_numbered(e, published)) for e in policy]
    return KnowledgeFiles(policy, faq, problems, summaries, replies, pending, frozenset(review_ids))


def _pending_review(directory: Path) -> tuple[list[Problem], set[str]]:
    """The review items a revision left in `directory` (as problems at their line), and their ids ("policy:10.1",
    "summary:10"): an entry a revision added has no English rendering or summary until a person writes them, and a
    summary the new text no longer supports is left out until rewritten; neither is refused meanwhile."""
    from knowledge.versions import read_revision

    path = directory / REVISION_FILE
    if not path.exists():
        return [], set()
    record, problems = read_revision(path)
    if record is None:
        return problems, set()
    pending = [Problem(str(path), record.lines.get(item.id, 0), f"{item.id} awaits review: {item.why}")
               for item in record.review]
    return problems + pending, {item.id for item in record.review}


def _sections_of(source: str) -> list[str]:
    """The sections the published text numbers: a revision may add one or leave one out. A text whose sections
    cannot be read is held to the published policy's 1 … 16 (its quotes fail the verbatim check anyway)."""
    return section_numbers(source) or [str(number) for number in range(1, SECTION_COUNT + 1)]


def _is_numbered(entry: PolicyEntry, published: str) -> bool:
    """Whether the policy prints this sub-item as "N. …" (§16's contact lines, for one, are not numbered)."""
    return bool(entry.parent and entry.ja) and verbatim_key(f"{entry.number}. {entry.ja}") in published


def _duplicates(ids: list[tuple[str, int]], path: str) -> list[Problem]:
    counts = Counter(i for i, _ in ids)
    return [Problem(path, line, f"duplicate id {i!r}") for i, line in ids if i and counts[i] > 1]


def _check_policy(entries: list[PolicyEntry], path: str, published: str, in_review: set[str],
                  sections: list[str]) -> list[Problem]:
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
        if bool(entry.ja) != bool(entry.en) and entry.id not in in_review:
            problems.append(Problem(path, entry.line, f"entry {entry.id}: 'ja' and 'en' must both be given"))
    for number in sections:
        if number not in ids:
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


def _check_summaries(summaries: list[Summary], policy: list[PolicyEntry], path: str,
                     in_review: set[str]) -> list[Problem]:
    """One summary per policy entry, each citing an entry that exists and adding no fact its text lacks."""
    problems = _duplicates([(s.cites, s.line) for s in summaries], path)
    by_id = {e.id: e for e in policy}
    for summary in summaries:
        entry = by_id.get(summary.cites)
        if entry is None:
            problems.append(Problem(path, summary.line, f"summary cites unknown policy id {summary.cites!r}"))
            continue
        related = [e for e in policy if e.id == entry.parent or e.id == entry.id or e.id.startswith(entry.id + ".")]
        related += [by_id[entry.section]] if entry.section in by_id else []
        cited_ja = [t for e in related for t in (e.ja, e.title_ja, e.note_ja)]
        cited_en = [t for e in related for t in (e.en, e.title_en, e.note_en)]
        for language, text in (("ja", summary.ja), ("en", summary.en)):
            extra = ungrounded(text, language, cited_ja, cited_en, entry.section)
            if extra:
                words = ", ".join(extra)
                problems.append(
                    Problem(path, summary.line, f"summary of {entry.id} ({language}) says what {entry.id} does not: {words}")
                )
    covered = {s.cites for s in summaries}
    for entry in policy:
        if entry.id not in covered and entry.id not in in_review:
            problems.append(Problem(path, 1, f"policy entry {entry.id} has no summary"))
    return problems
