"""The Elasticsearch backend against an in-memory compatible server."""

import logging

import pytest

from intranet import search
from intranet.search import backends, indexing
from tests.intranet import search_support
from tests.intranet.search_support import guidance

pytestmark = pytest.mark.django_db


@pytest.fixture
def search_pages(home_page):
    return search_support.make_search_pages(home_page)


@pytest.fixture
def elasticsearch_settings(settings, osmem_clone):
    return search_support.use_elasticsearch(settings, osmem_clone.url)


@pytest.fixture
def es_index(search_pages, elasticsearch_settings):
    indexing.search_rebuild_elasticsearch()
    return search_pages


def titles(results):
    return [hit.title for hit in results.hits]


def test_elasticsearch_finds_and_ranks_documents(es_index, staff_user):
    results = search.search(user=staff_user, query="laptop")

    assert results.backend == "elasticsearch"
    assert titles(results)[0] == "Laptop problems"
    assert "New devices for the Customer Services team" in titles(results)
    assert "Understanding your payslip" not in titles(results)


def test_elasticsearch_expands_synonyms_and_tolerates_typos(es_index, staff_user):
    assert titles(search.search(user=staff_user, query="holiday"))[0] == (
        "Annual leave policy"
    )
    assert titles(search.search(user=staff_user, query="payslp"))[0] == (
        "Understanding your payslip"
    )


def test_elasticsearch_highlights_safely(es_index, home_page, staff_user):
    guidance(
        home_page,
        "Printer settings",
        "Never paste <script>alert(1)</script> into the printer queue.",
    )
    indexing.search_rebuild_database()
    indexing.search_rebuild_elasticsearch()

    [hit] = search.search(user=staff_user, query="printer").hits

    assert "<mark>printer</mark>" in hit.snippet
    assert "<script>" not in hit.snippet


def test_elasticsearch_counts_facets_and_filters(es_index, staff_user):
    results = search.search(user=staff_user, query="laptop")
    types = {v.key: v.count for v in results.facets[0].values}
    assert types["page"] == 1
    assert types["news"] == 1

    filtered = search.search(
        user=staff_user, query="laptop", filters={"type": ["news"]}
    )

    assert titles(filtered) == ["New devices for the Customer Services team"]
    assert {v.key for v in filtered.facets[0].values} >= {"page", "news"}


def test_elasticsearch_pages_through_results(es_index, home_page, staff_user):
    for n in range(7):
        guidance(home_page, f"Expenses guide part {n}", "Claiming expenses.")
    indexing.search_rebuild_elasticsearch()

    first = search.search(user=staff_user, query="expenses", page_size=5)
    second = search.search(user=staff_user, query="expenses", page=2, page_size=5)
    beyond = search.search(user=staff_user, query="expenses", page=500, page_size=5)

    assert first.total == 7
    assert len(first.hits) == 5
    assert len(second.hits) == 2
    assert not set(titles(first)) & set(titles(second))
    assert titles(beyond) == titles(second)


def test_elasticsearch_suggests_as_you_type(es_index, staff_user):
    suggestions = search.suggest(user=staff_user, prefix="understanding your pay")

    assert [s.title for s in suggestions] == ["Understanding your payslip"]


def test_rebuild_swaps_the_alias_and_drops_the_old_index(es_index, staff_user):
    backend = backends.get("elasticsearch")
    old = set(backend.es.indices.get_alias(name=backend.alias).body)

    new = indexing.search_rebuild_elasticsearch()

    assert set(backend.es.indices.get_alias(name=backend.alias).body) == {new}
    assert new not in old
    assert not any(backend.es.indices.exists(index=name) for name in old)
    assert titles(search.search(user=staff_user, query="payslip"))


def test_search_falls_back_to_database_when_unreachable(
    search_pages, settings, staff_user, caplog
):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    settings.SEARCH_BACKEND = "elasticsearch"

    with caplog.at_level(logging.WARNING, logger="intranet.search.service"):
        results = search.search(user=staff_user, query="payslip")
        suggestions = search.suggest(user=staff_user, prefix="lapt")

    assert results.backend == "database"
    assert results.fell_back is True
    assert titles(results) == ["Understanding your payslip"]
    assert [s.title for s in suggestions] == ["Laptop problems"]
    assert "answering from the database" in caplog.text
