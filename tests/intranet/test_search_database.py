"""The database backend: finding, ranking, highlighting, facets and pages."""

import pytest

from intranet import search
from intranet.search import indexing, text
from tests.intranet import search_support
from tests.intranet.search_support import guidance

pytestmark = pytest.mark.django_db


@pytest.fixture
def search_pages(home_page):
    return search_support.make_search_pages(home_page)


def titles(results):
    return [hit.title for hit in results.hits]


def test_search_finds_live_page_by_word_in_body(search_pages, staff_user):
    results = search.search(user=staff_user, query="national insurance")

    assert titles(results) == ["Understanding your payslip"]
    assert results.backend == "database"


def test_search_ranks_title_match_above_body_match(search_pages, staff_user):
    results = search.search(user=staff_user, query="laptop")

    assert titles(results)[0] == "Laptop problems"
    assert "New devices for the Customer Services team" in titles(results)


def test_search_expands_council_synonyms(search_pages, staff_user):
    results = search.search(user=staff_user, query="holiday")

    assert titles(results)[0] == "Annual leave policy"


def test_search_tolerates_typos(search_pages, staff_user):
    assert titles(search.search(user=staff_user, query="payslp"))[0] == (
        "Understanding your payslip"
    )
    results = search.search(user=staff_user, query="anual leave")
    assert titles(results)[0] == "Annual leave policy"


def test_search_finds_titles_by_a_word_typed_in_part(search_pages, staff_user):
    results = search.search(user=staff_user, query="lapto")

    assert titles(results)[0] == "Laptop problems"


def test_search_stops_correcting_to_a_word_no_page_uses(home_page, staff_user):
    page = guidance(home_page, "Zebra crossing rules", "Where to cross the road.")
    indexing.search_rebuild_database()
    assert search.search(user=staff_user, query="zebre").corrections == {
        "zebre": "zebra"
    }

    page.unpublish()
    indexing.search_rebuild_database()

    assert search.search(user=staff_user, query="zebre").corrections == {}


def test_search_highlights_matches_and_escapes_the_rest(home_page, staff_user):
    guidance(
        home_page,
        "Printer settings",
        "Never paste <script>alert(1)</script> into the printer queue.",
    )
    indexing.search_rebuild_database()

    [hit] = search.search(user=staff_user, query="printer").hits

    assert "<mark>printer</mark>" in hit.snippet
    assert "<script>" not in hit.snippet
    assert "&lt;script&gt;" in hit.snippet


def test_search_counts_facets_and_filters_by_service_area(search_pages, staff_user):
    results = search.search(user=staff_user, query="laptop")
    areas = {v.key: v.count for v in results.facets[1].values}
    types = {v.key: v.count for v in results.facets[0].values}
    assert areas == {"digital": 1}
    assert types == {"page": 1, "news": 1, "service-area": 1}

    filtered = search.search(
        user=staff_user, query="laptop", filters={"type": ["news"]}
    )
    assert titles(filtered) == ["New devices for the Customer Services team"]
    kept = {v.key: v.selected for v in filtered.facets[0].values}
    assert kept["news"] is True
    assert "page" in kept


def test_search_drops_unknown_facet_values(search_pages, staff_user):
    results = search.search(
        user=staff_user,
        query="laptop",
        filters={"service_area": ["nowhere"], "colour": ["red"]},
    )

    assert "Laptop problems" in titles(results)


def test_search_pages_through_results(home_page, staff_user):
    for n in range(7):
        guidance(home_page, f"Expenses guide part {n}", "Claiming expenses.")
    indexing.search_rebuild_database()

    first = search.search(user=staff_user, query="expenses", page_size=5)
    second = search.search(user=staff_user, query="expenses", page=2, page_size=5)
    beyond = search.search(user=staff_user, query="expenses", page=9999, page_size=5)

    assert first.total == 7
    assert len(first.hits) == 5
    assert len(second.hits) == 2
    assert not set(titles(first)) & set(titles(second))
    assert beyond.page == 2
    assert titles(beyond) == titles(second)


def test_search_finds_people_by_job_title(search_pages, make_user, staff_user):
    make_user(first_name="Priya", last_name="Shah", job_title="Payroll specialist")
    indexing.search_rebuild_database()

    results = search.search(user=staff_user, query="payroll specialist")

    assert "Priya Shah" in titles(results)


@pytest.mark.parametrize(
    "query",
    ["", "   ", "\x00\x01", '"', "a" * 5000, "AND OR NOT (", "*", "-- ' ;", "the of"],
)
def test_search_answers_odd_queries_without_error(search_pages, staff_user, query):
    results = search.search(user=staff_user, query=query)

    assert results.total >= 0


def test_search_skips_unpublished_pages(search_pages, staff_user):
    search_pages["payslip"].unpublish()
    indexing.search_rebuild_database()

    assert search.search(user=staff_user, query="payslip").total == 0


def test_suggest_matches_title_words_by_prefix(search_pages, staff_user):
    suggestions = search.suggest(user=staff_user, prefix="lap")

    assert [s.title for s in suggestions][:1] == ["Laptop problems"]
    assert search.suggest(user=staff_user, prefix="l") == []


def test_suggest_follows_a_page_renamed_then_unpublished(search_pages, staff_user):
    page = search_pages["laptop"]
    page.title = "Tablet problems"
    page.save_revision().publish()
    indexing.search_index_object(object_type="page", object_id=page.pk)

    assert "Tablet problems" in [
        s.title for s in search.suggest(user=staff_user, prefix="tab")
    ]
    assert "Laptop problems" not in [
        s.title for s in search.suggest(user=staff_user, prefix="lap")
    ]

    page.unpublish()
    indexing.search_index_object(object_type="page", object_id=page.pk)

    assert search.suggest(user=staff_user, prefix="tab") == []


def test_snippet_marks_only_whole_matches():
    html = text.snippet(["Tom & Jerry's payslips <i>here</i>"], ["payslip"])

    assert (
        html == "Tom &amp; Jerry&#x27;s <mark>payslips</mark> &lt;i&gt;here&lt;/i&gt;"
    )
