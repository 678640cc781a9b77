"""The request types data: the contract's twelve ids, real policy sections, §10's refusal grounds."""
from __future__ import annotations

from pathlib import Path

import pytest

from intake import REQUEST_TYPE_IDS, RequestTypesError, load_request_types
from intake.request_types import DEFAULT_REQUEST_TYPES_PATH
from knowledge import load_knowledge_base


class TestBundled:
    """The bundled file holds what design.md and appi.md promise."""

    def test_ids_in_contract_order(self) -> None:
        assert tuple(t.id for t in load_request_types()) == REQUEST_TYPE_IDS
        assert len(REQUEST_TYPE_IDS) == 12

    def test_policy_sections_exist_in_the_knowledge_base(self) -> None:
        assert load_request_types().unknown_sections(load_knowledge_base().has_entry) == []

    def test_a_wrong_section_is_caught(self, tmp_path: Path) -> None:
        text = DEFAULT_REQUEST_TYPES_PATH.read_text(encoding="utf-8").replace('policy_sections: ["10"]',
                                                                              'policy_sections: ["10.9"]')
        path = tmp_path / "types.yaml"
        path.write_text(text, encoding="utf-8")
        found = load_request_types(path).unknown_sections(load_knowledge_base().has_entry)
        assert [p.message for p in found] == ["disclosure: unknown policy section '10.9'"]
        assert found[0].line > 1

    def test_urgent_by_type(self) -> None:
        assert {t.id for t in load_request_types() if t.urgent} == {"leak_report", "authority_request"}

    def test_disclosure_refusals_are_section_10s_three_grounds(self) -> None:
        types = load_request_types()
        for type_id in ("disclosure", "third_party_records"):
            grounds = types[type_id].refusal_grounds
            assert [types.grounds[g].policy_section for g in grounds] == ["10.1", "10.2", "10.3"]

    def test_every_type_is_complete(self) -> None:
        for t in load_request_types():
            assert t.label.ja and t.label.en and t.description.ja and t.description.en
            assert t.outcomes and t.keywords_ja and t.keywords_en and t.sla_business_days > 0

    def test_suggested_slas(self) -> None:
        sla = {t.id: t.sla_business_days for t in load_request_types()}
        assert sla["disclosure"] == sla["third_party_stop"] == sla["complaint"] == 10
        assert sla["purpose_notice"] == sla["cookie_optout"] == sla["general"] == 5


class TestProblems:
    """A broken file reports each problem with its line."""

    def test_shape_errors(self, tmp_path: Path) -> None:
        path = tmp_path / "types.yaml"
        path.write_text(
            "refusal_grounds:\n"
            "  other_law: {ja: 他の法令, en: Other law}\n"
            "types:\n"
            "  - id: disclosure\n"
            "    label: {ja: 開示請求, en: Disclosure}\n"
            "    description: {ja: 説明, en: About}\n"
            "    policy_sections: ['10']\n"
            "    urgent: maybe\n"
            "    sla_business_days: 0\n"
            "    outcomes: [fulfilled]\n"
            "    refusal_grounds: [no_such_ground]\n"
            "    keywords: {ja: [開示], en: [disclose]}\n"
            "    colour: red\n",
            encoding="utf-8",
        )
        with pytest.raises(RequestTypesError) as info:
            load_request_types(path)
        text = str(info.value)
        for expected in (":8: disclosure: urgent must be true or false",
                         ":9: disclosure: sla_business_days must be a positive integer",
                         ":11: disclosure: unknown refusal ground 'no_such_ground'",
                         ":13: request type: unknown field 'colour'",
                         "missing request types: third_party_records"):
            assert expected in text
