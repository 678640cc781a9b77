"""What a staff member should do at once when a leak may have happened or an authority asks for data.

A quote from the policy is not what someone needs who has just emailed a customer list to the wrong person:
they need the next three steps, in their language. The steps follow appi.md's handling of urgent cases (log it
as urgent so the 個人情報管理責任者 and the deputy are told at once; do not answer the requester or the authority
yet). Plain text, no Slack: the Slack layer adds the button that opens the intake modal with the type preset.
"""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Guidance", "guidance_for"]


@dataclass(frozen=True)
class Guidance:
    """A heading and the steps to take now, in one language."""

    heading: str
    steps: tuple[str, ...]
    button: str

    def render_text(self) -> str:
        return "\n".join([self.heading, *(f"{n}. {step}" for n, step in enumerate(self.steps, 1))])


_GUIDANCE: dict[str, dict[str, Guidance]] = {
    "leak_report": {
        "ja": Guidance(
            "⚠ 漏えいの可能性がある場合は、まず次の対応をしてください。",
            (
                "今すぐ下のボタンから「漏えい等の申告」として緊急の案件を登録してください。",
                "登録すると個人情報管理責任者と副責任者にすぐ通知されます。判断はこの二人が行います。",
                "誤送信先や本人への連絡・返信は、責任者の指示があるまで控えてください。送ったもの・宛先・時刻だけ記録しておいてください。",
            ),
            "漏えいとして緊急登録",
        ),
        "en": Guidance(
            "⚠ If personal data may have leaked, do this first:",
            (
                "Log it now as an urgent leak report with the button below.",
                "The privacy manager (個人情報管理責任者) and the deputy are notified at once; they decide what happens next.",
                "Do not contact or reply to the recipient or the person concerned until the manager says so; just note "
                "what was sent, to whom and when.",
            ),
            "Log as urgent leak",
        ),
    },
    "authority_request": {
        "ja": Guidance(
            "⚠ 警察・行政機関などから情報の提供を求められた場合は、まず次の対応をしてください。",
            (
                "今すぐ下のボタンから「捜査機関等からの照会」として緊急の案件を登録してください。",
                "登録すると個人情報管理責任者と副責任者にすぐ通知されます。提供するかどうかは責任者が判断します。",
                "照会元への回答や情報の提供は、責任者の指示があるまでしないでください。照会文書や連絡先は保管しておいてください。",
            ),
            "照会として緊急登録",
        ),
        "en": Guidance(
            "⚠ If the police or another authority asks for data, do this first:",
            (
                "Log it now as an urgent authority request with the button below.",
                "The privacy manager (個人情報管理責任者) and the deputy are notified at once; the manager decides "
                "whether anything is provided.",
                "Do not answer the requester or hand over any data until the manager says so; keep the request "
                "document and the contact details.",
            ),
            "Log as urgent request",
        ),
    },
}


def guidance_for(request_type: str, language: str) -> Guidance | None:
    """The steps for an urgent request type, in the asker's language; None for any other type."""
    by_language = _GUIDANCE.get(request_type)
    if by_language is None:
        return None
    return by_language["en" if language == "en" else "ja"]
