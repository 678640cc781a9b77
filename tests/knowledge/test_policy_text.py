"""Reading a published policy text into policy.yaml's entries: the bundled text gives exactly the bundled ids and
quotes, the page around the policy is ignored, and a text without the policy's shape is refused with its line."""
from __future__ import annotations

import pytest

from knowledge.check import BUNDLED_DIR, verbatim_key
from knowledge.model import read_policy
from knowledge.policy_text import PolicyTextError, TextEntry, parse_policy_text, section_numbers, short_label

PUBLISHED = (BUNDLED_DIR / "callconnect-privacy-policy.txt").read_text(encoding="utf-8")


def flat(entries: list[TextEntry]) -> list[TextEntry]:
    return [entry for top in entries for entry in top.walk()]


class TestTheBundledText:
    def test_gives_exactly_the_ids_and_quotes_of_policy_yaml(self) -> None:
        policy, problems = read_policy(BUNDLED_DIR / "policy.yaml")
        assert not problems
        parsed = flat(parse_policy_text(PUBLISHED))
        assert [e.id for e in parsed] == [e.id for e in policy]
        for entry, expected in zip(parsed, policy):
            assert verbatim_key(entry.ja) == verbatim_key(expected.ja), entry.id
            assert entry.ja == expected.ja, entry.id  # multi-line items joined with "\n", as policy.yaml does
            if entry.kind == "section":
                assert entry.title == expected.title_ja

    def test_kinds_of_entries(self) -> None:
        by_id = {e.id: e for e in flat(parse_policy_text(PUBLISHED))}
        assert by_id["0"].kind == "preamble" and by_id["0"].ja.startswith("合同会社selfree(以下")
        assert by_id["2.1"].ja.split("\n")[1].startswith("氏名・生年月日")
        assert by_id["14.4.1"].kind == "row" and by_id["14.4.1"].ja == "アクセス解析 GoogleAnalytics Google LLC ページを開く ページを開く"
        assert "14.4.6" not in by_id  # the header row names the columns: it is no entry
        assert by_id["16.1"].kind == "line" and by_id["16.1"].ja == "info@selfree.co.jp"
        assert by_id["16.2"].ja == "個人情報管理責任者 合同会社selfree 代表社員 小俣隼人"
        assert by_id["1"].ja == "" and by_id["3"].children == []

    def test_lines_point_into_the_file(self) -> None:
        lines = PUBLISHED.splitlines()
        for entry in flat(parse_policy_text(PUBLISHED)):
            first = entry.title if entry.kind == "section" else entry.ja.split("\n")[0]
            assert first in lines[entry.line - 1], entry.id


class TestThePageAroundIt:
    def test_navigation_and_footer_are_not_policy(self) -> None:
        page = PUBLISHED.replace("0120-994-132", "0120-000-000").replace("料金\n", "料金プラン\n導入事例\n")
        page = "ホーム\n" + page + "\n\n© 2026 selfree LLC\n会社概要\nサイトマップ\n"
        assert [(e.id, e.ja) for e in flat(parse_policy_text(page))] == \
               [(e.id, e.ja) for e in flat(parse_policy_text(PUBLISHED))]

    def test_full_width_numbers_and_windows_line_ends(self) -> None:
        page = PUBLISHED.replace("\n10.ユーザー情報の開示", "\n１０．ユーザー情報の開示").replace("\n", "\r\n")
        entries = {e.id: e for e in flat(parse_policy_text(page))}
        assert entries["10"].title == "ユーザー情報の開示" and entries["10.3"].ja == "他の法令に違反するおそれがある場合"


class TestRefused:
    def test_a_text_without_numbered_sections(self) -> None:
        with pytest.raises(PolicyTextError, match=r"^no numbered sections"):
            parse_policy_text("プライバシーポリシー\n\n当社は個人情報を大切にします。\n")

    def test_sections_out_of_order(self) -> None:
        page = PUBLISHED.replace("\n9.個人情報の管理者の設置", "\n7.個人情報の管理者の設置")
        with pytest.raises(PolicyTextError, match=r"^line \d+: section 7 comes after section 8"):
            parse_policy_text(page)

    def test_an_item_twice(self) -> None:
        page = PUBLISHED.replace("  3. 他の法令に違反", "  2. 他の法令に違反")
        with pytest.raises(PolicyTextError, match="item 2 appears twice in section 10"):
            parse_policy_text(page)

    def test_an_indented_paragraph_that_is_no_table(self) -> None:
        page = PUBLISHED.replace("情報\n    氏名・生年月日", "情報\n\n    氏名・生年月日")
        line = next(n for n, text in enumerate(page.splitlines(), 1) if text.startswith("    氏名・生年月日"))
        with pytest.raises(PolicyTextError, match=rf"^line {line}: an indented paragraph after a blank line under item 2.1"):
            parse_policy_text(page)


class TestShapesARevisionMayTake:
    def test_a_second_paragraph_continues_the_section(self) -> None:
        page = PUBLISHED.replace("適切かつ安全に管理します。\n", "適切かつ安全に管理します。\n\n当社は、従業者に対し必要な教育を行います。\n")
        entries = {e.id: e for e in flat(parse_policy_text(page))}
        assert entries["6"].ja.endswith("管理します。\n当社は、従業者に対し必要な教育を行います。") and not entries["6"].children

    def test_a_new_contact_line(self) -> None:
        page = PUBLISHED.rstrip("\n") + "\n\n電話 03-0000-0000\n"
        entries = {e.id: e for e in flat(parse_policy_text(page))}
        assert entries["16.3"].ja == "電話 03-0000-0000" and entries["16.3"].kind == "line"

    def test_a_section_left_out_keeps_the_others_numbers(self) -> None:
        start = PUBLISHED.index("13.統計データの利用")
        page = PUBLISHED[:start] + PUBLISHED[PUBLISHED.index("14.クッキー"):]
        assert section_numbers(page) == [str(n) for n in range(1, 17) if n != 13]
        assert section_numbers("no policy here") == []


def test_short_labels_of_added_entries() -> None:
    row = TextEntry("14.4.6", "row", "広告 LINE広告 LINEヤフー株式会社 ページを開く ページを開く", "", 1)
    assert short_label(row) == "LINE広告"
    item = TextEntry("3.1", "item", "本サービスの提供、維持、保護及び改善のため", "", 1)
    assert short_label(item) == "本サービスの提供、維持、保護及び改善のため"
    long = TextEntry("8.1", "item", "合併、会社分割、事業譲渡その他の事由による事業の承継に伴って個人データが提供される場合", "", 1)
    assert short_label(long) == "合併、会社分割、事業譲渡その他の事由による事業…"
    assert len(short_label(long)) == 24
    lines = TextEntry("2.3", "item", "本サービスの利用にあたり当社が受け取る情報\n氏名・住所", "", 1)
    assert short_label(lines) == "本サービスの利用にあたり当社が受け取る情報"
