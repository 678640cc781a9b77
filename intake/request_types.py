"""The twelve privacy request types (design.md, appi.md §1), read from `request_types.yaml`.

They are data so that a lawyer's correction (a new outcome, a different SLA) is a reviewed edit of one YAML file,
not a code change. Loading checks the file's shape and reports every problem as `file:line: message`; that the
policy sections exist is checked against the knowledge base by `RequestTypes.unknown_sections`, which the test
suite runs so that a wrong section id fails the build.
"""
from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from common.yaml_lines import Located, YamlReader
from intake.errors import Problem, RequestTypesError

__all__ = [
    "DEFAULT_REQUEST_TYPES_PATH",
    "REQUEST_TYPE_IDS",
    "Bilingual",
    "RefusalGround",
    "RequestType",
    "RequestTypes",
    "load_request_types",
]

DEFAULT_REQUEST_TYPES_PATH = Path(__file__).with_name("request_types.yaml")

#: The contract of design.md: exactly these ids, in this order (the order of the intake modal's select).
REQUEST_TYPE_IDS = (
    "disclosure",
    "third_party_records",
    "purpose_notice",
    "correction",
    "deletion",
    "suspension",
    "third_party_stop",
    "cookie_optout",
    "complaint",
    "leak_report",
    "authority_request",
    "general",
)


@dataclass(frozen=True)
class Bilingual:
    """A text in Japanese (shown first) and English."""

    ja: str
    en: str


@dataclass(frozen=True)
class RefusalGround:
    """A reason a refusal may cite; `policy_section` when the policy itself names it (§10's three grounds)."""

    id: str
    label: Bilingual
    policy_section: str | None


@dataclass(frozen=True)
class RequestType:
    """One kind of request: how it is labelled, triaged, timed, ended and refused."""

    id: str
    label: Bilingual
    description: Bilingual
    policy_sections: tuple[str, ...]
    urgent: bool
    sla_business_days: int
    outcomes: tuple[str, ...]
    refusal_grounds: tuple[str, ...]
    keywords_ja: tuple[str, ...]
    keywords_en: tuple[str, ...]
    examples_ja: tuple[str, ...]
    examples_en: tuple[str, ...]
    line: int
    #: The outcomes that carry the request out on someone's data (disclosed, corrected, deleted, stopped): a case
    #: may end with one only once the requester's identity is verified, or with the manager's recorded reason.
    identity_required_for: tuple[str, ...] = ()

    @property
    def refusable(self) -> bool:
        return bool(self.refusal_grounds)


@dataclass(frozen=True, eq=False)
class RequestTypes:
    """All request types by id, in the contract's order, with the refusal grounds they refer to."""

    types: Mapping[str, RequestType]
    grounds: Mapping[str, RefusalGround]
    path: str

    def __iter__(self) -> Iterator[RequestType]:
        return iter(self.types.values())

    def __contains__(self, type_id: object) -> bool:
        return type_id in self.types

    def __getitem__(self, type_id: str) -> RequestType:
        return self.types[type_id]

    def unknown_sections(self, has_entry: Callable[[str], bool]) -> list[Problem]:
        """Policy section ids cited here that the knowledge base does not hold."""
        problems = [
            Problem(self.path, request_type.line, f"{request_type.id}: unknown policy section {section!r}")
            for request_type in self
            for section in request_type.policy_sections
            if not has_entry(section)
        ]
        problems += [
            Problem(self.path, 0, f"refusal ground {ground.id}: unknown policy section {ground.policy_section!r}")
            for ground in self.grounds.values()
            if ground.policy_section is not None and not has_entry(ground.policy_section)
        ]
        return problems


class _Reader(YamlReader):
    """The accessors of the request types' shape: closed sets of fields, non-empty texts, ja/en pairs."""

    def fields(
        self, node: Located, what: str, required: set[str], optional: frozenset[str] = frozenset()
    ) -> dict[str, Located]:
        value = self.mapping(node, what)
        if value is None:
            return {}
        for key in value.keys() - required - optional:
            self.fail(value[key], f"{what}: unknown field {key!r}")
        for key in sorted(required - value.keys()):
            self.fail(node, f"{what}: missing field {key!r}")
        return value

    def text(self, node: Located | None, what: str) -> str:
        if node is None:
            return ""
        if not isinstance(node.value, str) or not node.value.strip():
            self.fail(node, f"{what} must be non-empty text")
            return ""
        return node.value.strip()

    def texts(self, node: Located | None, what: str) -> tuple[str, ...]:
        if node is None:
            return ()
        if not isinstance(node.value, list):
            self.fail(node, f"{what} must be a list")
            return ()
        return tuple(self.text(item, what) for item in node.value)

    def bilingual(self, node: Located | None, what: str) -> Bilingual:
        if node is None:
            return Bilingual("", "")
        value = self.fields(node, what, {"ja", "en"})
        return Bilingual(self.text(value.get("ja"), f"{what}.ja"), self.text(value.get("en"), f"{what}.en"))

    def bilingual_lists(self, node: Located | None, what: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        if node is None:
            return (), ()
        value = self.fields(node, what, {"ja", "en"})
        return self.texts(value.get("ja"), f"{what}.ja"), self.texts(value.get("en"), f"{what}.en")


def _ground(reader: _Reader, ground_id: str, node: Located) -> RefusalGround:
    value = reader.fields(node, f"refusal ground {ground_id}", {"ja", "en"}, frozenset({"policy_section"}))
    section = value.get("policy_section")
    return RefusalGround(
        ground_id,
        Bilingual(reader.text(value.get("ja"), f"{ground_id}.ja"), reader.text(value.get("en"), f"{ground_id}.en")),
        reader.text(section, f"{ground_id}.policy_section") if section else None,
    )


_TYPE_FIELDS = {
    "id", "label", "description", "policy_sections", "urgent", "sla_business_days", "outcomes", "refusal_grounds",
    "keywords",
}


def _request_type(reader: _Reader, node: Located, grounds: Mapping[str, RefusalGround]) -> RequestType:
    value = reader.fields(node, "request type", _TYPE_FIELDS, frozenset({"examples", "identity_required_for"}))
    type_id = reader.text(value.get("id"), "id")
    what = type_id or "request type"
    urgent: Any = value["urgent"].value if "urgent" in value else False
    if not isinstance(urgent, bool):
        reader.fail(value["urgent"], f"{what}: urgent must be true or false")
    sla: Any = value["sla_business_days"].value if "sla_business_days" in value else 0
    if isinstance(sla, bool) or not isinstance(sla, int) or sla < 1:
        reader.fail(value.get("sla_business_days", node), f"{what}: sla_business_days must be a positive integer")
    refusal_grounds = reader.texts(value.get("refusal_grounds"), f"{what}.refusal_grounds")
    for ground in refusal_grounds:
        if ground not in grounds:
            reader.fail(value["refusal_grounds"], f"{what}: unknown refusal ground {ground!r}")
    sections = reader.texts(value.get("policy_sections"), f"{what}.policy_sections")
    if not sections and "policy_sections" in value:
        reader.fail(value["policy_sections"], f"{what}: cite at least one policy section")
    outcomes = reader.texts(value.get("outcomes"), f"{what}.outcomes")
    identity_required_for = reader.texts(value.get("identity_required_for"), f"{what}.identity_required_for")
    for outcome in identity_required_for:
        if outcome not in outcomes:
            reader.fail(value["identity_required_for"], f"{what}: identity_required_for names {outcome!r}, "
                        "which is not one of its outcomes")
    keywords_ja, keywords_en = reader.bilingual_lists(value.get("keywords"), f"{what}.keywords")
    examples_ja, examples_en = reader.bilingual_lists(value.get("examples"), f"{what}.examples")
    return RequestType(
        id=type_id,
        label=reader.bilingual(value.get("label"), f"{what}.label"),
        description=reader.bilingual(value.get("description"), f"{what}.description"),
        policy_sections=sections,
        urgent=urgent is True,
        sla_business_days=sla if isinstance(sla, int) else 0,
        outcomes=outcomes,
        refusal_grounds=refusal_grounds,
        keywords_ja=keywords_ja,
        keywords_en=keywords_en,
        examples_ja=examples_ja,
        examples_en=examples_en,
        line=node.line,
        identity_required_for=identity_required_for,
    )


def _read(path: Path) -> RequestTypes:
    reader = _Reader(path)
    root = reader.load()
    if root is None:
        raise RequestTypesError(reader.problems)
    top = reader.fields(root, "request types file", {"refusal_grounds", "types"})
    grounds_node = top.get("refusal_grounds")
    grounds: dict[str, RefusalGround] = {}
    if grounds_node is not None and not isinstance(grounds_node.value, dict):
        reader.fail(grounds_node, "refusal_grounds must map ground ids to labels")
    elif grounds_node is not None:
        grounds = {ground_id: _ground(reader, ground_id, node) for ground_id, node in grounds_node.value.items()}
    types: dict[str, RequestType] = {}
    types_node = top.get("types")
    for node in (types_node.value if types_node and isinstance(types_node.value, list) else []):
        request_type = _request_type(reader, node, grounds)
        if not request_type.id:
            continue
        if request_type.id not in REQUEST_TYPE_IDS:
            reader.fail(node, f"unknown request type id {request_type.id!r} (design.md lists the ids)")
        elif request_type.id in types:
            reader.fail(node, f"duplicate request type id {request_type.id!r}")
        types[request_type.id] = request_type
    missing = [type_id for type_id in REQUEST_TYPE_IDS if type_id not in types]
    if missing:
        reader.problem(types_node.line if types_node else 1, f"missing request types: {', '.join(missing)}")
    if reader.problems:
        raise RequestTypesError(reader.problems)
    ordered = {type_id: types[type_id] for type_id in REQUEST_TYPE_IDS}
    return RequestTypes(types=ordered, grounds=grounds, path=str(path))


@functools.lru_cache(maxsize=4)
def _cached(path: Path) -> RequestTypes:
    return _read(path)


def load_request_types(path: str | Path | None = None) -> RequestTypes:
    """Read and check the request types (the bundled file by default; cached, the file is read-only data)."""
    return _cached(Path(path) if path is not None else DEFAULT_REQUEST_TYPES_PATH)
