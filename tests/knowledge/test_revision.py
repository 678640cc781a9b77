"""A revision set against the version in force (knowledge/revision.py) and carried over into a new version
(knowledge/new_version.py), on the real knowledge files: renumberings are moves, rewordings in place are changes,
citations and the words that name a section follow a move, and whatever cited what was removed is kept valid and
listed for review. Every new version is checked by `read_knowledge` before it is returned."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from knowledge.check import BUNDLED_DIR, read_knowledge
from knowledge.model import read_faq, read_policy, read_summaries
from knowledge.new_version import NewVersion, UpdateError, prepare, write
from knowledge.policy_text import parse_policy_text
from knowledge.renumbering import renumber_references
from knowledge.replies import read_replies
from knowledge.revision import Citing, align
from knowledge.versions import Move, read_revision
from tests.revisions import base_copy

PUBLISHED = (BUNDLED_DIR / "callconnect-privacy-policy.txt").read_text(encoding="utf-8")
EFFECTIVE = date(2099, 12, 1)


@pytest.fixture
def kb(tmp_path: Path) -> Path:
    return base_copy(tmp_path / "kb")


def changes(text: str) -> tuple[list[str], list[str], list[str], list[Move]]:
    policy, _ = read_policy(BUNDLED_DIR / "policy.yaml")
    a = align(policy, parse_policy_text(text))
    return a.changed, a.added, a.removed, a.moved


def revise(directory: Path, text: str, answers: tuple[Citing, ...] = ()) -> NewVersion:
    version = prepare(directory, text, source="new.txt", effective=EFFECTIVE, answers=answers)
    assert version is not None
    return version


def written(directory: Path, version: NewVersion) -> Path:
    target = write(directory, version)
    files = read_knowledge(target)
    assert files.problems == []
    return target


def renumber_sections(text: str, start: int, shift: int) -> str:
    """Every section heading from `start` on numbered `shift` further."""
    return re.sub(r"(?m)^(\d+)\.(?=\S)", lambda m: f"{int(m.group(1)) + shift}." if int(m.group(1)) >= start
                  else m.group(0), text)


#: A new §12 before 免責: §12–16 become §13–17.
INSERTED = renumber_sections(PUBLISHED, 12, 1).replace(
    "13.免責", "12.仮名加工情報の取扱い\n\n当社は、仮名加工情報を法令に従い適正に取り扱います。\n\n13.免責")


class TestAlignment:
    def test_the_same_text_is_no_change(self) -> None:
        assert changes(PUBLISHED) == ([], [], [], [])

    def test_a_rewording_at_the_same_number_is_a_change_even_when_little_of_it_stays(self) -> None:
        text = PUBLISHED.replace("  1. 法令に基づく場合", "  1. 法律の定めによる場合")
        assert changes(text) == (["4.1"], [], [], [])

    def test_a_section_inserted_moves_every_later_section_and_its_items(self) -> None:
        changed, added, removed, moved = changes(INSERTED)
        assert (changed, added, removed) == ([], ["12"], [])
        assert moved[:3] == [Move("12", "13"), Move("12.1", "13.1"), Move("12.2", "13.2")]
        assert Move("16", "17") in moved and Move("14.4.5", "15.4.5") in moved and Move("16.2", "17.2") in moved
        assert len(moved) == 5 + 2 + 4 + 5 + 2  # §12–16, their items, §14's rows, §16's contact lines

    def test_an_item_moved_to_another_section(self) -> None:
        item = "  6. 法令により開示または提供が許容されている場合\n"
        text = PUBLISHED.replace(item, "").replace("法令の定める事務を遂行することに対して当社が協力する必要がある場合に、"
                                                   "本人の同意を得ることにより当該事務の遂行に支障を及ぼすおそれがあるとき\n",
                                                   "法令の定める事務を遂行することに対して当社が協力する必要がある場合に、"
                                                   "本人の同意を得ることにより当該事務の遂行に支障を及ぼすおそれがあるとき\n"
                                                   "  5. 法令により開示または提供が許容されている場合\n")
        assert changes(text) == ([], [], [], [Move("8.6", "4.5")])

    def test_a_heading_reworded_is_a_change_of_the_section(self) -> None:
        text = PUBLISHED.replace("12.免責", "12.免責事項")
        assert changes(text) == (["12"], [], [], [])


def test_references_follow_a_move_and_leave_laws_alone() -> None:
    moves = {"8.1": "8.2", "8.2": "8.3", "8.4": "8.5", "14": "15", "16": "17"}
    assert renumber_references("第8条4号で、第8条1号・2号、第14条4項の表、個人情報保護法第16条第3項、第16条", moves) == \
        "第8条5号で、第8条2号・3号、第15条4項の表、個人情報保護法第16条第3項、第17条"
    assert renumber_references("Section 8.4, Section 14.4. See §14 and Section 16. Article 16, Section 8.", moves) == \
        "Section 8.5, Section 15.4. See §15 and Section 17. Article 16, Section 8."


class TestCarriedOver:
    def test_a_section_inserted_rewrites_every_citation_and_the_words_that_name_it(self, kb: Path) -> None:
        target = written(kb, revise(kb, INSERTED))
        faq = {e.id: e for e in read_faq(target / "faq.yaml")[0]}
        assert faq["disclosure-request"].cites == ("10", "9", "17")  # was 10, 9, 16
        assert faq["cookie-optout"].cites == ("15.4", "15") and "第15条4項" in faq["cookie-optout"].answer_ja
        assert "Section 15.4" in faq["cookie-optout"].answer_en and "第14条" not in faq["cookie-optout"].answer_ja
        replies, _ = read_replies(target / "replies.yaml")
        assert replies.signature is not None and replies.signature.cites == ("17",)
        assert "（当社プライバシーポリシー第17条）" in replies.signature.ja.body and "Section 17 of" in replies.signature.en.body
        optout = next(t for t in replies.templates if t.when == "guided_to_vendor_optout")
        assert optout.cites == ("15",) and "第15条" in optout.ja.body
        policy = {e.id: e for e in read_policy(target / "policy.yaml")[0]}
        assert policy["17.1"].ja == "info@selfree.co.jp" and policy["17.1"].en == "info@selfree.co.jp"
        assert policy["12"].title_ja == "仮名加工情報の取扱い" and policy["12"].en == "" and policy["12"].keywords_ja == ()
        assert policy["13"].title_en == "Disclaimer" and policy["15.4.1"].title_en == "Google Analytics"
        summaries = {s.cites: s for s in read_summaries(target / "summaries.yaml")[0]}
        assert summaries["15.4.1"].ja.startswith("アクセス解析のためにGoogleAnalytics") and "13" in summaries
        assert "第3条の利用目的" in policy["3"].note_ja  # §3 did not move: its note still names it

    def test_unchanged_entries_are_copied_as_they_stand_and_a_changed_ones_english_awaits_review(
            self, kb: Path) -> None:
        """Only the changed entry's lines differ: its new text, and its English emptied (the bot then says the
        translation is under review rather than show the old text's), the old rendering kept above for review."""
        before = (kb / "policy.yaml").read_text(encoding="utf-8")
        edited = before.replace("en: [preamble, privacy policy,", "en: [preamble,   privacy policy,")  # a person's layout
        (kb / "policy.yaml").write_text(edited, encoding="utf-8")
        target = written(kb, revise(kb, PUBLISHED.replace("他の法令に違反するおそれがある場合", "他の法令に違反することとなる場合")))
        after = (target / "policy.yaml").read_text(encoding="utf-8")
        assert "en: [preamble,   privacy policy," in after
        old_en = "Where disclosure is likely to violate other laws and regulations"
        assert after.replace(
            '    ja: "他の法令に違反することとなる場合"\n'
            f'    # English rendering of the text before the revision: "{old_en}"\n'
            '    en: ""\n',
            f'    ja: "他の法令に違反するおそれがある場合"\n    en: "{old_en}"\n') == edited
        entry = {e.id: e for e in read_policy(target / "policy.yaml")[0]}["10.3"]
        assert entry.en == "" and entry.title_en == "Risk of violating other laws" and entry.keywords_ja

    def test_an_faq_citing_only_a_removed_row_is_cited_to_its_parent(self, kb: Path) -> None:
        faq = kb / "faq.yaml"
        faq.write_text(faq.read_text(encoding="utf-8").replace('cites: ["14.4.3", "14.4"]', 'cites: ["14.4.3"]'),
                       encoding="utf-8")
        text = PUBLISHED.replace("    広告 Yahoo!広告 ヤフー株式会社 ページを開く ページを開く\n", "")
        version = revise(kb, text)
        assert version.alignment.removed == ["14.4.3"]
        assert [m for m in version.alignment.moved] == [Move("14.4.4", "14.4.3"), Move("14.4.5", "14.4.4")]
        why = {item.id: item.why for item in version.review}
        assert why["faq:yahoo-ads"] == "cites 14.4.3: 14.4.3 removed; cited to 14.4 meanwhile"
        target = written(kb, version)
        cites = {e.id: e.cites for e in read_faq(target / "faq.yaml")[0]}
        assert cites["yahoo-ads"] == ("14.4",) and cites["microsoft-ads"] == ("14.4.3", "14.4")

    def test_an_faq_citing_only_a_removed_section_is_left_out(self, kb: Path) -> None:
        faq = kb / "faq.yaml"
        faq.write_text(faq.read_text(encoding="utf-8").replace('cites: ["13", "8.3"]', 'cites: ["13"]'), encoding="utf-8")
        start, end = PUBLISHED.index("13.統計データの利用"), PUBLISHED.index("14.クッキー")
        version = revise(kb, PUBLISHED[:start] + PUBLISHED[end:])
        why = {item.id: item.why for item in version.review}
        assert why["faq:statistics"] == ("cites 13: 13 removed; left out of this version: all it cited was removed "
                                         "(the version before keeps it)")
        target = written(kb, version)
        assert "statistics" not in {e.id for e in read_faq(target / "faq.yaml")[0]}
        assert "13" not in {s.cites for s in read_summaries(target / "summaries.yaml")[0]}

    def test_a_reply_variant_citing_a_removed_section_is_left_out(self, kb: Path) -> None:
        start, end = PUBLISHED.index("14.クッキーの使用等について"), PUBLISHED.index("15.プライバシーポリシーの改定")
        version = revise(kb, PUBLISHED[:start] + PUBLISHED[end:])
        why = {item.id: item.why for item in version.review}
        assert why["reply:result/guided_to_vendor_optout"].endswith(
            "left out of this version: it cites 14, which was removed (the result reply without 'when' answers instead)")
        replies, _ = read_replies(written(kb, version) / "replies.yaml")
        assert ("result", "guided_to_vendor_optout") not in {(t.stage, t.when) for t in replies.templates}

    def test_the_signature_citing_a_removed_section_is_refused(self, kb: Path) -> None:
        text = PUBLISHED[:PUBLISHED.index("16.お問い合わせ先")]
        with pytest.raises(UpdateError, match=r"replies.yaml:\d+: .*the signature cites 16, which the new text removes"):
            prepare(kb, text, source="new.txt", effective=EFFECTIVE)

    def test_a_summary_the_new_text_no_longer_supports_is_left_out_and_listed(self, kb: Path) -> None:
        text = PUBLISHED.replace("当社は、ユーザー情報を、正確、最新のものとするよう適切な処置を講じます。また、",
                                 "当社は、")
        version = revise(kb, text)
        why = {item.id: item.why for item in version.review}
        assert why["summary:6"].startswith("6 changed: its summary was written for the old text; its summary says "
                                           "what the new text does not (")
        assert "left out: write it again" in why["summary:6"]
        target = written(kb, version)
        assert "6" not in {s.cites for s in read_summaries(target / "summaries.yaml")[0]}
        assert read_knowledge(target).problems == []

    def test_a_parents_summary_an_items_change_no_longer_supports_is_left_out_too(self, kb: Path) -> None:
        """§14's summary says 「記録し」 on the strength of 14.1: when 14.1 stops saying it, §14 itself is unchanged
        but its summary goes, listed ("summary:14"), and the version passes kb check meanwhile."""
        version = revise(kb, PUBLISHED.replace("自動的に受け取り、サーバーに記録します。", "自動的に受け取り、サーバーに保存します。"))
        why = {item.id: item.why for item in version.review}
        assert "policy:14" not in why
        assert why["summary:14"] == ("under 14: 14.1 changed: its summary was written before; its summary says what "
                                     "the new text does not (記録; records) and was left out: write it again")
        target = written(kb, version)
        assert not {"14", "14.1"} & {s.cites for s in read_summaries(target / "summaries.yaml")[0]}

    def test_a_new_version_keeps_what_the_one_before_left_to_review(self, kb: Path) -> None:
        first = written(kb, revise(kb, PUBLISHED.replace("他の法令に違反するおそれがある場合", "他の法令に違反することとなる場合")))
        second_text = (first / "callconnect-privacy-policy.txt").read_text(encoding="utf-8").replace(
            "  1. 法令に基づく場合", "  1. 法律の定めによる場合")
        second = prepare(first, second_text, source="newer.txt", effective=date(2100, 4, 1))
        assert second is not None
        why = {item.id: item.why for item in second.review}
        assert why["policy:10.3"] == ("left to review from the version of 2099-12-01: 10.3 changed: write its English "
                                      "rendering (the old one is in a comment above it) and check its title and "
                                      "keywords")
        assert "policy:4.1" in why
        record, _ = read_revision(first / "revision.yaml")
        assert record is not None and record.effective == EFFECTIVE


class TestCitingOutsideTheFiles:
    def test_a_manager_answer_citing_or_quoting_what_changed(self, kb: Path) -> None:
        answers = (Citing("answer:7", ("10.3",), ("開示できない場合があります。",)),
                   Citing("answer:8", ("9",), ("「他の法令に違反するおそれがある場合」は開示しません。",)),
                   Citing("answer:9", ("11",), ("「合理的な期間内」に対応します。",)))
        version = revise(kb, PUBLISHED.replace("他の法令に違反するおそれがある場合", "他の法令に違反することとなる場合"),
                         answers)
        why = {item.id: item.why for item in version.review}
        assert why["answer:7"] == "cites 10.3: 10.3 changed"
        assert why["answer:8"] == "quotes 「他の法令に違反するおそれがある場合」, which the new text no longer has"
        assert "answer:9" not in why
