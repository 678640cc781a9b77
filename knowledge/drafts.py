"""A reply to the requester, drafted from the reviewed templates of `replies.yaml` and filled from the case.

The bot never sends it: a person copies it into the channel the requester is verified on (appi.md §7) and marks
it sent. What goes into it is taken, never retyped: §10's ground from `policy.yaml`, §16's contact address from
`policy.yaml`, the request type's label from the request types, dates in Japan time (2026年5月11日 / May 11,
2026), and the case's own facts (its extension's dates and reason, the client, the refusal's reason).

A request is answered under the policy in force when it was received (issue 14): a disclosure refused after a
revision took effect still cites the §10 the requester asked under. So a draft is made from the knowledge base of
the case's own version (`case_knowledge_base`), templates and quotes alike; when that version cannot be read any
more, there is no draft (`VersionUnreadable`), never one quoting another version's text in its place.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from common.text import Language
from common.yaml_lines import Problem
from intake import JST, Case, Extended, RefusalGround, ReplyStage, RequestTypes, check_stage

from knowledge.base import KnowledgeBase, KnowledgeBaseError
from knowledge.live import LiveKnowledgeBase
from knowledge.model import PolicyEntry
from knowledge.replies import POLICY_GROUND
from knowledge.versions import BASE_KEY, VersionCatalog, version_label

__all__ = ["CONTACT_ID", "Draft", "VersionUnreadable", "case_knowledge_base", "draft_reply", "reply_language",
           "version_name"]

#: §16's contact address, as the policy prints it.
CONTACT_ID = "16.1"
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
_NO_NAME: dict[Language, str] = {"ja": "お客様", "en": "Sir or Madam"}
_SUBJECT: dict[Language, str] = {"ja": "件名", "en": "Subject"}


@dataclass(frozen=True)
class Draft:
    """A filled reply: the subject line and the body (signature included)."""

    stage: ReplyStage
    language: Language
    subject: str
    body: str
    #: The policy version it quotes (the case's) and how citations name it; no names when one version is held.
    policy_version: str = BASE_KEY
    version_labels: Mapping[Language, str] = field(default_factory=dict)

    def text(self) -> str:
        """Subject line, a blank line, then the body: what `cases draft` prints and the modal shows."""
        return f"{_SUBJECT[self.language]}: {self.subject}\n\n{self.body}"


class VersionUnreadable(Exception):
    """The policy version `case_id` was received under cannot be read: the knowledge base no longer holds it
    (`problems` empty), or it no longer passes `kb check`. `names` says which version it is, in each language."""

    def __init__(self, case_id: str, key: str, names: Mapping[Language, str], problems: list[Problem]) -> None:
        super().__init__(f"{case_id}: policy version {key} cannot be read")
        self.case_id = case_id
        self.key = key
        self.names = names
        self.problems = problems


def case_knowledge_base(knowledge: LiveKnowledgeBase, case: Case) -> KnowledgeBase:
    """The knowledge base of the version `case` was received under (read now if it was not yet); raises
    `VersionUnreadable` when it is not held any more or has problems."""
    try:
        return knowledge.of(case.policy_version)
    except KeyError:
        problems: list[Problem] = []
    except KnowledgeBaseError as exc:
        problems = list(exc.problems)
    names: dict[Language, str] = {language: version_name(knowledge.catalog, case.policy_version, language)
                                  for language in ("ja", "en")}
    raise VersionUnreadable(case.id, case.policy_version, names, problems)


def version_name(catalog: VersionCatalog, key: str, language: Language) -> str:
    """How a person is told which version `key` is: its label when the knowledge base holds it among others
    (「2026年12月1日改定前の版」), else from the key alone (「2026年12月1日改定版」, 「最初の版」 / "the first version")."""
    try:
        label = catalog.label(catalog.find(key), language)
    except KeyError:
        label = ""
    if label:
        return label
    if key == BASE_KEY:
        return "最初の版" if language == "ja" else "the first version"
    try:
        return version_label(date.fromisoformat(key), language)
    except ValueError:
        return key


def reply_language(requested: str | None) -> Language:
    """The requester's language: the one asked for, else Japanese (cases do not record a language yet; when they
    do, it comes first here)."""
    return "en" if requested == "en" else "ja"


def draft_reply(case: Case, stage: ReplyStage, *, language: Language, knowledge_base: KnowledgeBase,
                request_types: RequestTypes) -> Draft:
    """The reply of `stage` for `case` (read with its history), from `knowledge_base`: the version the case was
    received under (`case_knowledge_base`). Raises `StageNotApplicable` when no reply of that stage fits the case
    (a refusal's on a case not refused)."""
    check_stage(case, stage)
    when = _variant(case, stage, request_types, knowledge_base)
    template = knowledge_base.replies.find(stage, when)
    signature = knowledge_base.replies.signature
    if template is None or signature is None:  # kb check refuses such a knowledge base; load_knowledge_base too
        raise LookupError(f"replies.yaml has no {stage} reply")
    values = _values(case, stage, language, knowledge_base, request_types)
    text = template.text(language)
    body = f"{_fill(text.body, values)}\n\n{_fill(signature.text(language).body, values)}"
    labels = {name: label for name, label in knowledge_base.version_labels.items() if label}
    return Draft(stage, language, _fill(text.subject, values), body, knowledge_base.version_key, labels)


def _variant(case: Case, stage: ReplyStage, request_types: RequestTypes, knowledge_base: KnowledgeBase) -> str | None:
    """Which template variant fits: a result's by its outcome, a refusal's by whether the policy (the case's version
    of it) names its ground."""
    if stage is ReplyStage.RESULT:
        return case.outcome
    ground = request_types.grounds.get(case.refusal_ground or "")
    if stage is ReplyStage.REFUSAL and ground is not None and _ground_entry(ground, knowledge_base) is not None:
        return POLICY_GROUND
    return None


def _values(case: Case, stage: ReplyStage, language: Language, knowledge_base: KnowledgeBase,
            request_types: RequestTypes) -> dict[str, str]:
    name = case.requester.name.strip() if case.requester.name else ""
    label = request_types[case.type].label
    values = {
        "case_id": case.id,
        "requester_name": (f"{name} 様" if language == "ja" else name) if name else _NO_NAME[language],
        "request_type": label.ja if language == "ja" else _mid_sentence(label.en),
        "received_date": _date(case.received_at, language),
        "due_date": _date(case.due_at, language),
        "contact_email": _contact_email(knowledge_base),
        "client_name": case.client_name or "",
        "refusal_reason": case.reason or "",
    }
    extensions = [entry.event for entry in case.history if isinstance(entry.event, Extended)]
    if stage is ReplyStage.EXTENSION and extensions:
        latest = extensions[-1]
        values.update(due_date=_date(latest.old_due, language), new_due_date=_date(latest.new_due, language),
                      extension_reason=latest.reason or "")
    ground = request_types.grounds.get(case.refusal_ground or "")
    if ground is not None:
        values["refusal_ground"] = ground.label.ja if language == "ja" else ground.label.en
        entry = _ground_entry(ground, knowledge_base)
        if entry is not None:
            # An English rendering under review after a revision is empty: quote the Japanese, which governs.
            values["refusal_ground_quote"] = entry.ja if language == "ja" else entry.en or entry.ja
    return values


def _ground_entry(ground: RefusalGround, knowledge_base: KnowledgeBase) -> PolicyEntry | None:
    """The item of the case's version that states a refusal ground (named by the base's number in the request
    types: §10's items, wherever a revision has moved them)."""
    found = knowledge_base.entry_id(ground.policy_section) if ground.policy_section else None
    return knowledge_base.policy[found] if found is not None else None


def _contact_email(knowledge_base: KnowledgeBase) -> str:
    """§16's address as the case's version prints it (kb check requires §16's contact lines)."""
    found = knowledge_base.entry_id(CONTACT_ID)
    return knowledge_base.policy[found].ja if found is not None else ""


def _fill(template: str, values: Mapping[str, str]) -> str:
    """Every `{name}` replaced by its value (kb check has proved each name is one this stage fills)."""
    return _PLACEHOLDER.sub(lambda match: values.get(match.group(1), ""), template)


def _date(moment: datetime, language: Language) -> str:
    day = moment.astimezone(JST).date()
    return f"{day.year}年{day.month}月{day.day}日" if language == "ja" else f"{day:%B} {day.day}, {day.year}"


def _mid_sentence(label: str) -> str:
    """"Disclosure request" → "disclosure request", inside an English sentence; "Cookie/ad opt-out" stays."""
    return label[0].lower() + label[1:] if label[1:2].islower() and "/" not in label else label
