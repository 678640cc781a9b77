"""Every name Slack routes on, in one place, so block builders, listeners and the manifest test agree.

Action ids travel in the buttons the views build and come back in `block_actions` payloads; callback ids name the
modals; the event types and the slash command must match `app_manifest.yaml` (tests/bot/test_manifest.py).
"""
from __future__ import annotations

from typing import Final

#: The slash command; also declared under `features.slash_commands` in the manifest.
SLASH_COMMAND: Final = "/privacy"

#: Event types the app subscribes to. Bolt sees `message.im` as type `message` with `channel_type: im`.
EVENT_APP_MENTION: Final = "app_mention"
EVENT_MESSAGE: Final = "message"

# Buttons under an answer. Their `value` is the id of the answer's row in `feedback` (see bot/feedback.py),
# never the question itself: a question can be longer than a button value may be.
ACTION_VOTE_UP: Final = "answer_vote_up"
ACTION_VOTE_DOWN: Final = "answer_vote_down"
ACTION_ASK_MANAGER: Final = "answer_ask_manager"
ACTION_SHARE: Final = "answer_share_in_channel"

# The modal that 👎 opens for an optional comment, and its single input.
VIEW_FEEDBACK_COMMENT: Final = "feedback_comment"
BLOCK_FEEDBACK_COMMENT: Final = "feedback_comment_block"
INPUT_FEEDBACK_COMMENT: Final = "feedback_comment_input"

#: Block id of the actions row under an answer, so a view can find (and replace) it.
BLOCK_ANSWER_ACTIONS: Final = "answer_actions"
