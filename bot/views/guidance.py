"""Guidance blocks for a critical question (a leak, an authority's request): the steps first, then a button that
opens the intake modal with the urgent type already chosen. Pure builders; the wording is intake.guidance's."""
from __future__ import annotations

from common.text import Language
from intake.guidance import guidance_for

from bot.ids import ACTION_OPEN_URGENT_INTAKE, BLOCK_GUIDANCE_ACTIONS
from bot.views.blocks import Block, actions, button, escape, sections

__all__ = ["guidance_blocks"]


def guidance_blocks(request_type: str, language: Language) -> list[Block]:
    """The steps and the button, or nothing when the type needs no guidance."""
    guidance = guidance_for(request_type, language)
    if guidance is None:
        return []
    return [
        *sections(escape(guidance.render_text())),
        actions(
            [button(guidance.button, action_id=ACTION_OPEN_URGENT_INTAKE, value=request_type, style="danger")],
            block_id=BLOCK_GUIDANCE_ACTIONS,
        ),
    ]
