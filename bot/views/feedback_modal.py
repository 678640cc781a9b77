"""The modal 👎 opens: one optional comment. Pure builder; the vote itself is stored before it opens."""
from __future__ import annotations

from bot import ids
from bot.models import CommentMetadata
from bot.views.blocks import Block, truncate
from bot.views.wording import wording

__all__ = ["COMMENT_MAX", "comment_modal"]

COMMENT_MAX = 3000
_TITLE_MAX = 24


def _plain(text: str, limit: int) -> dict[str, str]:
    return {"type": "plain_text", "text": truncate(text, limit)}


def comment_modal(metadata: CommentMetadata) -> Block:
    words = wording(metadata.language)
    return {
        "type": "modal",
        "callback_id": ids.VIEW_FEEDBACK_COMMENT,
        "private_metadata": metadata.encode(),
        "title": _plain(words.comment_title, _TITLE_MAX),
        "submit": _plain(words.comment_submit, _TITLE_MAX),
        "close": _plain(words.comment_close, _TITLE_MAX),
        "blocks": [
            {
                "type": "input",
                "block_id": ids.BLOCK_FEEDBACK_COMMENT,
                "optional": True,
                "label": _plain(words.comment_label, 2000),
                "element": {
                    "type": "plain_text_input",
                    "action_id": ids.INPUT_FEEDBACK_COMMENT,
                    "multiline": True,
                    "max_length": COMMENT_MAX,
                    "placeholder": _plain(words.comment_placeholder, 150),
                },
            }
        ],
    }
