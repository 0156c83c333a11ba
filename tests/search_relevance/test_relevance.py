"""The relevance set: each query's article is in the top three, for 90% of queries.

Runs on the database backend (SQLite by default, PostgreSQL with DATABASE_URL)
and on Elasticsearch (an in-memory compatible server).
"""

import pytest

from intranet import search
from intranet.search import indexing
from tests.intranet import search_support

from .queries import PASS_RATE, QUERIES, TOP

pytestmark = pytest.mark.django_db


@pytest.fixture
def elasticsearch_settings(settings, osmem_clone):
    return search_support.use_elasticsearch(settings, osmem_clone.url)


def score(user) -> tuple[float, list[str], str]:
    misses = []
    backend = ""
    for query, expected in QUERIES:
        results = search.search(user=user, query=query, page_size=TOP)
        backend = results.backend
        found = [hit.title for hit in results.hits]
        if expected not in found:
            misses.append(f"{query!r}: wanted {expected!r}, got {found}")
    return 1 - len(misses) / len(QUERIES), misses, backend


def report(name: str, rate: float, misses: list[str]) -> None:
    print(f"\nrelevance ({name}): {rate:.0%} of {len(QUERIES)} queries in top {TOP}")
    for miss in misses:
        print(f"  miss {miss}")


def test_relevance_set_has_at_least_thirty_queries():
    assert len(QUERIES) >= 30


def test_relevance_database_backend(demo_articles, staff_user):
    from django.db import connection

    rate, misses, backend = score(staff_user)

    report(f"database on {connection.vendor}", rate, misses)
    assert backend == "database"
    assert rate >= PASS_RATE, misses


def test_relevance_elasticsearch_backend(
    demo_articles, staff_user, elasticsearch_settings
):
    indexing.search_rebuild_elasticsearch()

    rate, misses, backend = score(staff_user)

    report("elasticsearch", rate, misses)
    assert backend == "elasticsearch"
    assert rate >= PASS_RATE, misses
