"""Request forms in site search, on the database backend."""

import pytest
from django.urls import reverse

from intranet import search
from intranet.search import indexing
from tests.forms.factories import RequestFormPageFactory, question

pytestmark = pytest.mark.django_db


def test_request_form_document_finds_the_flexible_working_form_on_the_search_page(
    flexible_form, signed_in_client
):
    flexible_form.intro = "Ask to change your hours, days or place of work."
    flexible_form.save()
    indexing.search_rebuild_database()

    response = signed_in_client.get(reverse("search"), {"q": "flexible working"})

    html = response.content.decode()
    hits = response.context["results"].hits
    top = hits[0]
    assert (top.title, top.url, top.type_label) == (
        "Flexible working request",
        flexible_form.url,
        "Request form",
    )
    assert top.service_area == "hr"
    assert f'href="{flexible_form.url}"' in html
    assert "Request form · HR" in html

    by_intro = signed_in_client.get(reverse("search"), {"q": "change your hours"})
    assert by_intro.context["results"].hits[0].url == flexible_form.url


def test_request_form_document_offers_a_request_form_type_and_area_facet(
    flexible_form, staff_user
):
    indexing.search_rebuild_database()

    results = search.search(
        user=staff_user, query="flexible working", filters={"type": ["form"]}
    )

    assert [hit.title for hit in results.hits] == ["Flexible working request"]
    facets = {facet.name: facet for facet in results.facets}
    assert [(v.key, v.label) for v in facets["type"].values] == [
        ("form", "Request form")
    ]
    assert [v.key for v in facets["service_area"].values] == ["hr"]


def test_request_form_document_finds_a_form_by_its_questions(pay_form, staff_user):
    question(pay_form, "Payroll number", help_text="Printed at the top of a payslip")
    indexing.search_rebuild_database()

    [hit] = search.search(user=staff_user, query="payroll number").hits

    assert hit.title == "Pay query"


def test_request_form_document_indexes_a_form_when_it_is_published(
    area_pages, desk, staff_user, django_capture_on_commit_callbacks
):
    page = RequestFormPageFactory(
        parent=area_pages.finance,
        title="Purchase order request",
        request_type=desk.invoice,
        live=False,
    )
    assert search.search(user=staff_user, query="purchase order").hits == []

    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    [hit] = search.search(user=staff_user, query="purchase order").hits
    assert (hit.title, hit.service_area_name) == ("Purchase order request", "Finance")


def test_request_form_document_leaves_out_unpublished_forms(
    flexible_form, staff_user, django_capture_on_commit_callbacks
):
    indexing.search_rebuild_database()
    with django_capture_on_commit_callbacks(execute=True):
        flexible_form.unpublish()

    assert search.search(user=staff_user, query="flexible working").hits == []
