"""The reviewed reply templates of `replies.yaml`, and what `kb check` proves about them.

A reply goes to a member of the public under the company's name, so the same care as the answers applies: every
policy statement cites its section and every quote of the policy is verbatim from it (checked against
`policy.yaml`, itself checked against the published text), a refusal's §10 ground is never typed into a template
but taken from `policy.yaml` through `{refusal_ground_quote}`, and every placeholder is one the filler knows
(`knowledge.drafts`) for that stage, so a draft can never show a raw `{clent_name}` to a requester.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from common.yaml_lines import Located, Problem, YamlReader
from intake import ReplyStage, load_request_types

from knowledge.model import PolicyEntry

__all__ = [
    "POLICY_GROUND",
    "Replies",
    "ReplyTemplate",
    "ReplyText",
    "check_replies",
    "placeholders_for",
    "read_replies",
]

#: The refusal variant for a ground the policy itself names (§10's three): its text quotes the ground.
POLICY_GROUND = "policy_ground"
#: Filled in every stage (`knowledge.drafts`).
_COMMON = frozenset({"case_id", "requester_name", "request_type", "received_date", "due_date", "contact_email"})
_BY_STAGE: Mapping[ReplyStage, frozenset[str]] = {
    ReplyStage.EXTENSION: frozenset({"new_due_date", "extension_reason"}),
    ReplyStage.TRANSFER: frozenset({"client_name"}),
    ReplyStage.REFUSAL: frozenset({"refusal_reason", "refusal_ground", "refusal_ground_quote"}),
}
_KNOWN = _COMMON.union(*_BY_STAGE.values())
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_NAME = re.compile(r"[a-z][a-z_]*")
_ONLY_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
_QUOTES = {"ja": re.compile(r"「([^「」]*)」"), "en": re.compile(r"[\"“]([^\"“”]*)[\"”]")}
_SECTION_REFERENCES = {"ja": re.compile(r"第\s*(\d+)\s*条"), "en": re.compile(r"\bSection\s+(\d+)")}


def placeholders_for(stage: ReplyStage, when: str | None = None) -> frozenset[str]:
    """The placeholders a template of `stage` may use: the common ones and its stage's own (a refusal quotes the
    policy's ground only in its `policy_ground` variant, and names the ground's label only in the other)."""
    extra = _BY_STAGE.get(stage, frozenset())
    if stage is ReplyStage.REFUSAL:
        extra -= {"refusal_ground"} if when == POLICY_GROUND else {"refusal_ground_quote"}
    return _COMMON | extra


@dataclass(frozen=True)
class ReplyText:
    """A template in one language: the subject line and the body; `line` is where the body starts."""

    subject: str
    body: str
    line: int = 0


@dataclass(frozen=True)
class ReplyTemplate:
    """One stage's reply (or a variant of it, `when`), in Japanese and English."""

    stage: ReplyStage
    when: str | None
    cites: tuple[str, ...]
    ja: ReplyText
    en: ReplyText
    line: int = 0

    def text(self, language: str) -> ReplyText:
        return self.en if language == "en" else self.ja


@dataclass(frozen=True)
class Replies:
    """Every template, and the signature added after each body (with §16's contact)."""

    templates: tuple[ReplyTemplate, ...]
    signature: ReplyTemplate | None

    def find(self, stage: ReplyStage, when: str | None) -> ReplyTemplate | None:
        """The variant `when` of `stage` when there is one, else the stage's default."""
        variants = {t.when: t for t in self.templates if t.stage is stage}
        return variants.get(when) or variants.get(None)


class _Reader(YamlReader):
    def string(self, fields: dict[str, Located], key: str, line: int) -> str:
        node = fields.get(key)
        if node is None or not isinstance(node.value, str) or not node.value.strip():
            self.problem(node.line if node else line, f"'{key}' must be a non-empty string")
            return ""
        return node.value.strip()

    def cites(self, fields: dict[str, Located]) -> tuple[str, ...]:
        node = fields.get("cites")
        if node is None:
            return ()
        if not isinstance(node.value, list) or not all(isinstance(i.value, str) for i in node.value):
            self.fail(node, "'cites' must be a list of quoted section ids like [\"10\"]")
            return ()
        return tuple(item.value for item in node.value)

    def text(self, fields: dict[str, Located], language: str, line: int, *, subject: bool) -> ReplyText:
        node = fields.get(language)
        if node is None:
            self.problem(line, f"missing '{language}': every reply is written in ja and en")
            return ReplyText("", "", line)
        if not subject:
            if not isinstance(node.value, str) or not node.value.strip():
                self.fail(node, f"'{language}' must be a non-empty text")
                return ReplyText("", "", node.line)
            return ReplyText("", node.value.strip(), node.line)
        parts = self.mapping(node, f"'{language}'")
        if parts is None:
            return ReplyText("", "", node.line)
        body_line = parts["body"].line if "body" in parts else node.line
        return ReplyText(self.string(parts, "subject", node.line), self.string(parts, "body", node.line), body_line)


def read_replies(path: Path | str) -> tuple[Replies, list[Problem]]:
    """The templates of a replies file, and the problems found in their shape (not yet against the policy)."""
    reader = _Reader(path)
    root = reader.load()
    top = reader.mapping(root, "the file") if root is not None else None
    if top is None:
        return Replies((), None), reader.problems
    signature = None
    if "signature" in top and (fields := reader.mapping(top["signature"], "'signature'")) is not None:
        line = top["signature"].line
        signature = ReplyTemplate(ReplyStage.RECEIPT, None, reader.cites(fields),
                                  reader.text(fields, "ja", line, subject=False),
                                  reader.text(fields, "en", line, subject=False), line)
    else:
        reader.problem(root.line if root else 0, "missing 'signature' (ja and en, citing §16's contact)")
    node = top.get("replies")
    if node is None or not isinstance(node.value, list):
        reader.problem(node.line if node else 1, "'replies' must be a list")
        return Replies((), signature), reader.problems
    templates = []
    for item in node.value:
        fields = reader.mapping(item, "a reply")
        if fields is None:
            continue
        stage_name = reader.string(fields, "stage", item.line)
        if stage_name and stage_name not in ReplyStage.__members__.values():
            reader.problem(fields["stage"].line, f"unknown stage {stage_name!r}; use one of {', '.join(ReplyStage)}")
            continue
        if not stage_name:
            continue
        when = fields.get("when")
        if when is not None and not isinstance(when.value, str):
            reader.fail(when, "'when' must be an outcome id, or policy_ground for a refusal")
        templates.append(ReplyTemplate(
            ReplyStage(stage_name), when.value if when is not None and isinstance(when.value, str) else None,
            reader.cites(fields), reader.text(fields, "ja", item.line, subject=True),
            reader.text(fields, "en", item.line, subject=True), item.line))
    return Replies(tuple(templates), signature), reader.problems


def check_replies(replies: Replies, policy: Iterable[PolicyEntry], path: str) -> list[Problem]:
    """What must hold between the templates and the policy: see the module's docstring."""
    entries = {entry.id: entry for entry in policy}
    outcomes = {outcome for request_type in load_request_types() for outcome in request_type.outcomes}
    problems: list[Problem] = []
    seen: set[tuple[ReplyStage, str | None]] = set()
    for template in replies.templates:
        key = (template.stage, template.when)
        where = f"{template.stage}" + (f" ({template.when})" if template.when else "")
        if key in seen:
            problems.append(Problem(path, template.line, f"{where}: a second reply for the same stage"))
        seen.add(key)
        if template.when is not None:
            expected = {ReplyStage.RESULT: ("an outcome id (no_data_held, corrected…)", outcomes),
                        ReplyStage.REFUSAL: (POLICY_GROUND, {POLICY_GROUND})}.get(template.stage)
            if expected is None:
                problems.append(Problem(path, template.line, f"{where}: this stage has no variants ('when')"))
            elif template.when not in expected[1]:
                problems.append(Problem(path, template.line, f"{where}: 'when' must be {expected[0]}"))
        if template.stage is ReplyStage.REFUSAL and template.when == POLICY_GROUND:
            if "10" not in template.cites:
                problems.append(Problem(path, template.line, f"{where}: a refusal on a §10 ground cites \"10\""))
            for language in ("ja", "en"):
                text = template.text(language)
                if "{refusal_ground_quote}" not in text.body:
                    problems.append(Problem(path, text.line, f"{where} ({language}): quotes the §10 ground through "
                                            "{refusal_ground_quote}, never retyped"))
        problems += _check_text(template, entries, placeholders_for(template.stage, template.when), where, path)
    for stage in ReplyStage:
        if (stage, None) not in seen:
            problems.append(Problem(path, 1, f"no reply for stage {stage} (an entry without 'when')"))
    if (ReplyStage.REFUSAL, POLICY_GROUND) not in seen:
        problems.append(Problem(path, 1, f"no refusal for a §10 ground (when: {POLICY_GROUND})"))
    if replies.signature is not None:
        problems += _check_text(replies.signature, entries, _COMMON, "signature", path)
    return problems


def _check_text(template: ReplyTemplate, entries: Mapping[str, PolicyEntry], allowed: frozenset[str], where: str,
                path: str) -> list[Problem]:
    """Placeholders, citations and quotes of one template, in both languages."""
    from knowledge.check import verbatim_key  # check.py reads this module: imported here, not at the top

    problems = [Problem(path, template.line, f"{where}: cites unknown policy id {cite!r}")
                for cite in template.cites if cite not in entries]
    cited = [e for e in entries.values() for cite in template.cites if e.id == cite or e.id.startswith(cite + ".")]
    for language in ("ja", "en"):
        text = template.text(language)
        whole = f"{text.subject}\n{text.body}"
        label = f"{where} ({language})"
        problems += [Problem(path, text.line, f"{label}: {message}") for message in _placeholder_problems(whole, allowed)]
        referred = set(_SECTION_REFERENCES[language].findall(whole))
        for section in sorted(referred - {c.split(".")[0] for c in template.cites}, key=int):
            problems.append(Problem(path, text.line, f"{label}: refers to section {section} but does not cite it"))
        for cite in template.cites:
            if cite.split(".")[0] not in referred:
                problems.append(Problem(path, text.line, f"{label}: cites {cite} but never names it "
                                        f"({'第N条' if language == 'ja' else 'Section N'})"))
        sources = [verbatim_key(e.ja if language == "ja" else e.en) for e in cited]
        for quoted in _QUOTES[language].findall(whole):
            if _ONLY_PLACEHOLDER.fullmatch(quoted.strip()):
                continue
            if not any(verbatim_key(quoted) in source for source in sources if source):
                problems.append(Problem(path, text.line, f"{label}: quote is not verbatim from the cited policy "
                                        f"text: {quoted[:40]!r}"))
    return problems


def _placeholder_problems(text: str, allowed: frozenset[str]) -> list[str]:
    problems = []
    for match in _PLACEHOLDER.finditer(text):
        name = match.group(1)
        if not _NAME.fullmatch(name):
            problems.append(f"malformed placeholder {match.group(0)!r} (lower-case letters and _ only)")
        elif name not in _KNOWN:
            problems.append(f"unknown placeholder {{{name}}}; known: {', '.join(sorted(_KNOWN))}")
        elif name not in allowed:
            problems.append(f"placeholder {{{name}}} is not filled in this stage")
    rest = _PLACEHOLDER.sub("", text)
    if "{" in rest or "}" in rest:
        problems.append("unbalanced brace: write placeholders as {name}")
    return problems
