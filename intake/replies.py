"""Which reply a requester is owed at each point of a case: the stages of `knowledge/replies.yaml`, and the rule
that says which of them fit a case as it stands.

The bot only drafts these replies (`knowledge.drafts`); a person sends them and records it (`RecordReplySent`,
audited as `ReplySent`). One rule serves the draft (`privacy-bot cases draft`, the Slack modal) and the record,
so a refusal's reply cannot be drafted, or marked sent, for a case that was never refused.
"""
from __future__ import annotations

from enum import StrEnum

from intake.audit import Extended
from intake.case import Case
from intake.errors import StageNotApplicable
from intake.lifecycle import OPEN_STATUSES, Status

__all__ = ["REPLY_LANGUAGES", "ReplyStage", "check_stage", "fitting_stages", "suggested_stage"]

#: The languages a reply is drafted in: Japanese business email, or plain English business email.
REPLY_LANGUAGES = ("ja", "en")


class ReplyStage(StrEnum):
    RECEIPT = "receipt"          # 受付のご連絡: the request arrived, its number and when to expect an answer
    IDENTITY = "identity"        # 本人確認のお願い: what the requester is asked to do to prove who they are
    RESULT = "result"            # 結果のご連絡: how a resolved case ended (per outcome)
    REFUSAL = "refusal"          # 不開示・不対応のご連絡: the ground and the reason (Art. 36)
    EXTENSION = "extension"      # 期限延長のご連絡: the new date and why
    TRANSFER = "transfer"        # 移送のご案内: the client who holds the data


def fitting_stages(case: Case) -> tuple[ReplyStage, ...]:
    """The stages whose reply fits the case, in lifecycle order; `case` must be read with its history (an
    extension's reply needs the extension).

    A receipt always fits (it can be late); identity documents are asked for only while the case is open and
    identity is not verified; a result, a refusal and a transfer only once the case ended that way.
    """
    status = Status(case.status)
    fits = {
        ReplyStage.RECEIPT: True,
        ReplyStage.IDENTITY: status in OPEN_STATUSES and case.identity.status != "verified",
        ReplyStage.RESULT: status is Status.RESOLVED,
        ReplyStage.REFUSAL: status is Status.REFUSED,
        ReplyStage.EXTENSION: any(isinstance(entry.event, Extended) for entry in case.history),
        ReplyStage.TRANSFER: status is Status.TRANSFERRED,
    }
    return tuple(stage for stage in ReplyStage if fits[stage])


def suggested_stage(case: Case) -> ReplyStage:
    """The reply the case most likely owes now: its ending's, else the latest extension's, else the identity
    request while waiting on the requester, else the receipt."""
    fits = fitting_stages(case)
    ending = {Status.RESOLVED: ReplyStage.RESULT, Status.REFUSED: ReplyStage.REFUSAL,
              Status.TRANSFERRED: ReplyStage.TRANSFER}.get(Status(case.status))
    if ending is not None:
        return ending
    if case.history and isinstance(case.history[-1].event, Extended):
        return ReplyStage.EXTENSION
    if case.status == Status.WAITING_REQUESTER and ReplyStage.IDENTITY in fits:
        return ReplyStage.IDENTITY
    return ReplyStage.RECEIPT


def check_stage(case: Case, stage: ReplyStage) -> None:
    """Raise `StageNotApplicable` unless a reply of `stage` fits the case."""
    if stage not in fitting_stages(case):
        raise StageNotApplicable(case.id, stage.value, case.status)
