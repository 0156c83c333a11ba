"""The request forms the search page offers when nothing matches."""

import re

import pytest
from django.urls import reverse

from forms.models import Outcome
from intranet.search import indexing, no_results
from tests.forms.factories import RequestFormPageFactory
from tests.intranet.factories import ServiceAreaPageFactory, service_area
from tests.intranet.search_support import guidance

pytestmark = pytest.mark.django_db


def answer_form(parent, title, **fields):
    return RequestFormPageFactory(
        parent=parent,
        title=title,
        outcome=Outcome.INSTANT,
        instant_answer="<p>See the guidance.</p>",
        **fields,
    )


@pytest.fixture
def areas(home_page):
    hr = ServiceAreaPageFactory(parent=home_page, title="HR", slug="hr")
    finance = ServiceAreaPageFactory(
        parent=home_page,
        title="Finance",
        slug="finance",
        service_area=service_area("finance"),
    )
    legal = ServiceAreaPageFactory(
        parent=home_page,
        title="Legal",
        slug="legal",
        service_area=service_area("legal"),
    )
    guidance(legal, "Contracts explained", "How contracts work.")
    return {
        "hr": hr,
        "finance": finance,
        "legal": legal,
        "leave": answer_form(hr, "Leave request"),
        "flexible": answer_form(hr, "Flexible working request"),
        "draft": answer_form(hr, "Draft form", live=False),
        "invoice": answer_form(finance, "Pay an invoice"),
    }


def test_search_page_links_each_area_to_its_live_request_forms(areas, signed_in_client):
    indexing.search_rebuild_database()

    response = signed_in_client.get(reverse("search"), {"q": "zebra crossing"})

    html = response.content.decode()
    assert "Nothing matched your search" in html
    links = re.findall(
        r'href="([^"]+)"', html.split('data-testid="search-help-links"')[1]
    )
    expected = [areas["flexible"].url, areas["leave"].url, areas["invoice"].url]
    assert links[: len(expected)] == expected
    assert areas["draft"].url not in html
    for url in expected:
        assert signed_in_client.get(url).status_code == 200


def test_help_forms_leaves_out_areas_without_a_live_form(areas):
    found = no_results.help_forms()

    assert [(e.area.title, [f.title for f in e.forms]) for e in found] == [
        ("HR", ["Flexible working request", "Leave request"]),
        ("Finance", ["Pay an invoice"]),
    ]


def test_help_forms_keeps_to_the_service_areas_searched(areas, signed_in_client):
    response = signed_in_client.get(
        reverse("search"), {"q": "zebra crossing", "service_area": "finance"}
    )

    [entry] = response.context["help_forms"]
    assert [f.url for f in entry.forms] == [areas["invoice"].url]


def test_help_forms_offers_every_area_when_the_chosen_one_has_no_forms(areas):
    found = no_results.help_forms(service_areas=["legal"])

    assert [e.area.title for e in found] == ["HR", "Finance"]
