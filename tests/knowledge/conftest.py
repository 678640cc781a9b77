"""What the knowledge tests share: the bundled knowledge base, read, checked and indexed once per module."""
from __future__ import annotations

import pytest

from knowledge import KnowledgeBase, load_knowledge_base


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge_base()
