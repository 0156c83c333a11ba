"""The search page and the suggestions endpoint."""

import pytest
from django.urls import reverse

from intranet.models import SearchQueryLog
from tests.intranet import search_support

pytestmark = pytest.mark.django_db


@pytest.fixture
def search_pages(home_page):
    return search_support.make_search_pages(home_page)


def test_search_page_shows_highlighted_results_and_facets(
    search_pages, signed_in_client
):
    response = signed_in_client.get(reverse("search"), {"q": "laptop"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Laptop problems" in html
    assert "<mark>laptop</mark>" in html
    assert 'name="service_area" type="checkbox" value="digital"' in html


def test_search_page_filters_by_facet_without_javascript(
    search_pages, signed_in_client
):
    response = signed_in_client.get(reverse("search"), {"q": "laptop", "type": "news"})

    html = response.content.decode()
    assert "New devices for the Customer Services team" in html
    assert "Laptop problems" not in html
    assert 'value="news" checked' in html


def test_search_page_helps_and_logs_when_nothing_matches(
    search_pages, signed_in_client, staff_user
):
    response = signed_in_client.get(reverse("search"), {"q": "  Zebra   CROSSING "})

    html = response.content.decode()
    assert "Nothing matched your search" in html
    log = SearchQueryLog.objects.get()
    assert (log.query, log.results_count, log.user) == ("zebra crossing", 0, staff_user)


def test_search_page_paginates(search_pages, signed_in_client, settings):
    settings.SEARCH_RESULTS_PER_PAGE = 1

    response = signed_in_client.get(reverse("search"), {"q": "laptop", "page": "2"})

    html = response.content.decode()
    assert "Page 2 of 3" in html
    assert "page=3" in html


@pytest.mark.parametrize(
    "params",
    [
        {"q": "x" * 10_000},
        {"q": "laptop", "page": "abc"},
        {"q": "laptop", "page": "99999"},
        {"q": "laptop", "page": "-3"},
        {"q": "laptop", "service_area": "<script>", "topic": "x" * 500},
        {"q": "\x00%%%\"'"},
        {"q": ""},
    ],
)
def test_search_page_answers_bad_input_with_200(search_pages, signed_in_client, params):
    response = signed_in_client.get(reverse("search"), params)

    assert response.status_code == 200
    assert b'value="<script>"' not in response.content


def test_suggest_returns_json(search_pages, signed_in_client):
    response = signed_in_client.get(reverse("search-suggest"), {"q": "lapt"})

    assert response.status_code == 200
    assert response.json()["suggestions"][0] == {
        "title": "Laptop problems",
        "url": search_pages["laptop"].url,
        "type": "Guidance page",
    }


def test_suggest_returns_html_fragment_for_htmx(search_pages, signed_in_client):
    response = signed_in_client.get(
        reverse("search-suggest"), {"q": "lapt"}, headers={"HX-Request": "true"}
    )

    assert response["Content-Type"].startswith("text/html")
    assert b'<a class="govuk-link" href="/' in response.content
    assert b"Laptop problems" in response.content
    assert b"<html" not in response.content


def test_search_page_needs_sign_in(client):
    response = client.get(reverse("search"), {"q": "laptop"})

    assert response.status_code == 302
