"""The approved answers as `faq.yaml` entries, to review and keep with the knowledge base (`kb gaps export`).

Each entry is written the way `faq.yaml` writes its own, indented to go under its `entries:` key, so appending the
output to the file keeps it valid and `kb check` passes it. The gap's wordings become the entry's questions; a
language nobody asked in gets the gap's first wording, since `kb check` wants questions in both. An answer that
rests on no section (company practice) is marked `policy_silent` (the bot abstains from quoting and shows it) and
cites §9, which appoints the 個人情報管理責任者 who answered; an answer without English repeats the Japanese.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

import yaml

from common.text import detect_language
from gaps.store import ManagerAnswer

__all__ = ["MANAGER_SECTION", "export_faq"]

#: 個人情報の管理者の設置: the section a company-practice answer cites, as the manager's authority.
MANAGER_SECTION = "9"


def export_faq(answers: Iterable[tuple[ManagerAnswer, Sequence[str]]]) -> str:
    """YAML for the (answer, wordings of its gap) pairs, ready to append under `entries:` in faq.yaml."""
    entries = []
    for answer, wordings in answers:
        ja = [w for w in wordings if detect_language(w) == "ja"] or [answer.question]
        en = [w for w in wordings if detect_language(w) == "en"] or [answer.question]
        entry: dict[str, object] = {
            "id": f"manager-answer-{answer.gap_id}",
            "questions": {"ja": ja, "en": en},
            "answer": {"ja": answer.answer_ja, "en": answer.answer_en or answer.answer_ja},
            "cites": list(answer.cites) or [MANAGER_SECTION],
        }
        if answer.company_practice:
            entry["policy_silent"] = True
        entries.append(entry)
    header = ("# 個人情報管理責任者の回答（privacy-bot kb gaps export）: faq.yaml の entries: の下に追記してください。\n"
              "# The privacy manager's answers: append under entries: in faq.yaml, then run privacy-bot kb check.\n")
    if not entries:
        return header
    body = yaml.safe_dump(entries, allow_unicode=True, sort_keys=False, width=1000, default_flow_style=None)
    return header + "".join(f"  {line}\n" if line else "\n" for line in body.splitlines())
