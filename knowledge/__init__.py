"""The policy knowledge base and its search: plain Python, no Slack.

    from knowledge import load_knowledge_base
    kb = load_knowledge_base()             # the bundled policy.yaml and faq.yaml, checked and indexed
    kb = load_indexed(directory)           # the same, through the on-disk index cache (knowledge.index_cache)
    answer = kb.ask("開示請求きたらどうする？")
    answer.answered, answer.sections, answer.render_text()
"""
from common.yaml_lines import Problem
from knowledge.answer import Answer, Hit
from knowledge.base import KnowledgeBase, KnowledgeBaseError, load_knowledge_base
from knowledge.check import BUNDLED_DIR, KnowledgeFiles, read_knowledge
from knowledge.index_cache import load_indexed
from knowledge.live import LiveKnowledgeBase, Reload, ReloadOutcome
from knowledge.model import FaqEntry, PolicyEntry

__all__ = [
    "Answer",
    "BUNDLED_DIR",
    "FaqEntry",
    "Hit",
    "KnowledgeBase",
    "KnowledgeBaseError",
    "KnowledgeFiles",
    "LiveKnowledgeBase",
    "PolicyEntry",
    "Problem",
    "Reload",
    "ReloadOutcome",
    "load_indexed",
    "load_knowledge_base",
    "read_knowledge",
]
