"""Modal submissions: the optional comment after a 👎 (the vote itself was stored when the button was clicked)."""
from __future__ import annotations

import logging
from typing import Any

from slack_bolt import Ack, App

from bot import ids
from bot.models import CommentMetadata
from bot.payloads import field
from bot.services import Services
from bot.views.feedback_modal import COMMENT_MAX

__all__ = ["register"]

log = logging.getLogger(__name__)


def register(app: App, *, services: Services) -> None:
    def save_feedback_comment(ack: Ack, body: dict[str, Any], view: dict[str, Any]) -> None:
        ack()  # closes the modal; nothing to validate, the comment is optional
        metadata = CommentMetadata.decode(view.get("private_metadata"))
        values = view.get("state", {}).get("values", {}) if isinstance(view.get("state"), dict) else {}
        comment = field(values, ids.BLOCK_FEEDBACK_COMMENT, ids.INPUT_FEEDBACK_COMMENT, "value").strip()
        user_id = field(body, "user", "id")
        if metadata is None or not comment:
            log.info("feedback comment skipped user=%s reason=%s", user_id, "no metadata" if metadata is None else "empty")
            return
        saved = services.feedback.add_comment(
            feedback_id=metadata.feedback_id, user_id=user_id, comment=comment[:COMMENT_MAX]
        )
        log.info("feedback comment user=%s feedback=%s saved=%s", user_id, metadata.feedback_id, saved)

    app.view(ids.VIEW_FEEDBACK_COMMENT)(save_feedback_comment)
