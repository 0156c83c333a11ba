"""The demo knowledge base, indexed, for the relevance set."""

import pytest

from intranet.search import indexing
from knowledge.demo import seed_articles


@pytest.fixture
def demo_articles(db):
    created = seed_articles()
    assert created >= 40
    indexing.search_rebuild_database()
    return created
