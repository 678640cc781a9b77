"""Knowledge directories holding more than one version of the policy, for the tests of answering from the version in
force: the bundled files as the base, and revisions under `versions/YYYY-MM-DD/` written the way `kb update` writes
them (the five files, complete, plus `revision.yaml`).

A revision here rewords §10 item 2 (a ground for refusing a disclosure) in its own copy of the policy text and of
policy.yaml, so a test can tell which version answered from the quote alone. With `english_pending` the revision
leaves the item's English rendering empty and its summary out, as `kb update` does for a changed entry until a
person has redone them (both listed in the review list).
"""
from __future__ import annotations

import shutil
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from pathlib import Path

from common.clock import utc_now
from intake import JST
from knowledge.check import BUNDLED_DIR, KNOWLEDGE_FILES, POLICY_FILE, SOURCE_FILE, SUMMARIES_FILE
from knowledge.live import LiveKnowledgeBase
from knowledge.versions import REVISION_FILE, VERSIONS_DIR, ReviewItem, RevisionRecord, day_in_japan, write_revision

#: §10 item 2 as published, and as the revisions of these tests reword it.
OLD_10_2 = "当社の業務の適正な実施に著しい支障を及ぼすおそれがある場合"
NEW_10_2 = "当社の業務の適正な実施に著しい支障を及ぼすおそれがあると当社が判断した場合"
NEW_10_2_EN = ("Where the Company judges that disclosure is likely to seriously interfere with the proper conduct of "
               "the Company's business")
#: §10 item 3, which a second revision rewords.
OLD_10_3 = "他の法令に違反するおそれがある場合"
NEW_10_3 = "他の法令に違反するおそれがあると当社が判断した場合"


def today_in_japan() -> date:
    return day_in_japan(utc_now())


def days_from_today(days: int) -> date:
    """A date relative to today in Japan: tests of what is in force use the real clock, a few days either side."""
    return today_in_japan() + timedelta(days=days)


def base_copy(root: Path) -> Path:
    """`root` holding the bundled knowledge files, as `kb init` writes them."""
    root.mkdir(parents=True, exist_ok=True)
    for name in KNOWLEDGE_FILES:
        shutil.copyfile(BUNDLED_DIR / name, root / name)
    return root


def add_revision(root: Path, effective: date, *, entry: str = "10.2", old: str = OLD_10_2, new: str = NEW_10_2,
                 english: str | None = NEW_10_2_EN, review: Sequence[ReviewItem] = ()) -> Path:
    """A revision of the bundled policy in force from `effective`: `entry`'s text `old` reworded as `new` in its
    policy text and policy.yaml, its English rendering replaced by `english`, or emptied (and its summary dropped)
    when `english` is None; `review` is what its revision.yaml leaves to review."""
    folder = root / VERSIONS_DIR / effective.isoformat()
    base_copy(folder)
    _replace(folder / SOURCE_FILE, old, new)
    policy = folder / POLICY_FILE
    _replace(policy, f'ja: "{old}"', f'ja: "{new}"')
    _replace(policy, _english_line(policy, entry), 'en: ""' if english is None else f'en: "{english}"')
    if english is None:
        summaries = folder / SUMMARIES_FILE
        text = summaries.read_text(encoding="utf-8")
        start = text.index(f'  - cites: "{entry}"\n')
        summaries.write_text(text[:start] + text[text.index("  - cites:", start + 1):], encoding="utf-8")
    write_revision(folder / REVISION_FILE, RevisionRecord(effective=effective, source="callconnect-revised.txt",
                                                          changed=(entry,), review=tuple(review)))
    return folder


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _english_line(policy: Path, entry: str) -> str:
    """The `en: "…"` line of `entry` in policy.yaml."""
    lines = policy.read_text(encoding="utf-8").splitlines()
    start = lines.index(f'  - id: "{entry}"')
    return next(line.strip() for line in lines[start:] if line.strip().startswith("en: "))


#: The revised copies of the published policy (tests/data/revisions/: one change each, and all of them at once).
PUBLISHED_REVISIONS = Path(__file__).resolve().parent / "data" / "revisions"


def revised_by(root: Path, name: str, effective: date) -> Path:
    """`root` holding the base and the revision `kb update` makes of `tests/data/revisions/NAME.txt`, in force from
    `effective`; returns the revision's directory."""
    from knowledge.new_version import prepare, write

    base_copy(root)
    text = (PUBLISHED_REVISIONS / f"{name}.txt").read_text(encoding="utf-8")
    version = prepare(root, text, source=f"{name}.txt", effective=effective)
    assert version is not None, f"{name}.txt changes nothing"
    return write(root, version)


def read_the_day_after(root: Path, effective: date) -> LiveKnowledgeBase:
    """The knowledge base in `root` as a running bot reads it at noon in Japan the day after `effective`."""
    noon = datetime.combine(effective + timedelta(days=1), time(12), tzinfo=JST)
    return LiveKnowledgeBase.load(root, clock=lambda: noon)
