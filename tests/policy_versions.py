"""A knowledge base holding two versions of the policy, for the tests of what a revision means for cases and for
the manager: the bundled files as the base, and a revision of our own making in `versions/2026-12-01/` that
rewords §10 item 1 (one of the three grounds a disclosure may be refused on) and adds an item 4 to §10, in the
policy text and in policy.yaml alike, with the revision.yaml `kb update` would write."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from knowledge.check import POLICY_FILE, SOURCE_FILE
from knowledge.versions import REVISION_FILE, VERSIONS_DIR, ReviewItem, RevisionRecord, write_revision
from tests.revisions import base_copy

EFFECTIVE = date(2026, 12, 1)
#: §10 item 1 as published, and as the revision words it.
OLD_10_1 = "ユーザー本人または第三者の生命、身体、財産その他の権利利益を害するおそれがある場合"
NEW_10_1 = "ユーザー本人または第三者の生命、身体、財産その他の権利利益を害するおそれがあると当社が判断した場合"
#: The item the revision adds to §10.
NEW_10_4 = "ユーザー本人からの請求であることを確認できない場合"
_OLD_10_3_TEXT = "  3. 他の法令に違反するおそれがある場合\n"
#: The last line of §10 item 3's entry in policy.yaml, after which the revision's item 4 is added.
_OLD_10_3_ENTRY = ("      en: [violate other laws, against the law, illegal to disclose, law prevents disclosure, "
                   "legal restriction, breach of law, legal prohibition]\n")
_NEW_10_4_ENTRY = f'''
  - id: "10.4"
    title: {{ja: 本人からの請求と確認できない場合, en: ""}}
    ja: "{NEW_10_4}"
    en: ""
    keywords:
      ja: [本人確認, 本人からの請求, 確認できない]
      en: []
'''
REVIEW = (
    ReviewItem("policy:10.1", "10.1 changed"),
    ReviewItem("summary:10.1", "10.1 changed"),
    ReviewItem("policy:10.4", "10.4 added"),
    ReviewItem("faq:disclosure-refusal-grounds", "cites 10.1"),
    ReviewItem("reply:refusal/policy_ground", "quotes 10.1 through {refusal_ground_quote}"),
)


def _replaced(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def write_two_versions(root: Path, *, effective: date = EFFECTIVE,
                       review: tuple[ReviewItem, ...] = REVIEW) -> Path:
    """The base at `root` and the revision in force from `effective`; returns the revision's directory."""
    base_copy(root)
    revision = base_copy(root / VERSIONS_DIR / effective.isoformat())
    source, policy = revision / SOURCE_FILE, revision / POLICY_FILE
    text = source.read_text(encoding="utf-8")
    source.write_text(_replaced(_replaced(text, OLD_10_1, NEW_10_1), _OLD_10_3_TEXT,
                                f"{_OLD_10_3_TEXT}  4. {NEW_10_4}\n"), encoding="utf-8")
    text = policy.read_text(encoding="utf-8")
    policy.write_text(_replaced(_replaced(text, OLD_10_1, NEW_10_1), _OLD_10_3_ENTRY,
                                _OLD_10_3_ENTRY + _NEW_10_4_ENTRY), encoding="utf-8")
    write_revision(revision / REVISION_FILE, RevisionRecord(effective, "callconnect-privacy-policy-new.txt",
                                                            changed=("10.1",), added=("10.4",), review=review))
    return revision
