"""Query counts of the benchmarked pages that no other test guards.

Each test measures a page with a little data, adds a lot more, and checks the
page still runs the same number of queries: a count that grows with the data is
an N+1 query, which at council scale turns a fast page into a slow one. The
queue view, case page, "My requests" and the reports dashboard are guarded in
their own apps' tests.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from forms.models import Submission
from tests.forms.conftest import pay_answers
from tests.knowledge.factories import KnowledgeArticlePageFactory


def count_queries(client, method: str, url: str, data=None, status=200) -> int:
    """Return the queries of one request, after a first one has warmed caches."""
    send = getattr(client, method)
    send(url, data)
    with CaptureQueriesContext(connection) as queries:
        response = send(url, data)
    assert response.status_code == status
    return len(queries)


def add_cases(make_case, desk, count: int) -> None:
    for number in range(count):
        make_case(subject=f"Payroll question {number}")
        make_case(
            request_type=desk.invoice,
            requester=desk.colleague,
            subject=f"Payroll invoice {number}",
        )


def add_articles(parent, count: int) -> None:
    existing = parent.get_children().count()
    for number in range(existing, existing + count):
        KnowledgeArticlePageFactory(
            parent=parent, title=f"Payroll guidance {number}", slug=f"payroll-{number}"
        )


@pytest.fixture
def requester_client(client, desk):
    client.force_login(desk.requester)
    return client


@pytest.fixture
def case_manager_client(client, desk):
    client.force_login(desk.case_manager)
    return client


def test_home_page_query_count_does_not_grow_with_requests(
    requester_client, desk, make_case
):
    add_cases(make_case, desk, 2)
    few = count_queries(requester_client, "get", "/")
    add_cases(make_case, desk, 30)
    assert count_queries(requester_client, "get", "/") == few


def test_search_query_count_does_not_grow_with_matches(
    case_manager_client, desk, make_case, area_pages, django_capture_on_commit_callbacks
):
    url = "/search/?q=payroll"
    # Cases reach the search index from the outbox, after their commit.
    with django_capture_on_commit_callbacks(execute=True):
        add_cases(make_case, desk, 2)
        add_articles(area_pages.hr, 2)
    few = count_queries(case_manager_client, "get", url)
    with django_capture_on_commit_callbacks(execute=True):
        add_cases(make_case, desk, 30)
        add_articles(area_pages.hr, 30)
    assert "Payroll invoice" in case_manager_client.get(url).content.decode()
    assert count_queries(case_manager_client, "get", url) == few


def test_suggestions_query_count_does_not_grow_with_matches(
    case_manager_client, desk, make_case, area_pages, django_capture_on_commit_callbacks
):
    url = "/search/suggest?q=payr"
    with django_capture_on_commit_callbacks(execute=True):
        add_cases(make_case, desk, 2)
        add_articles(area_pages.hr, 2)
    few = count_queries(case_manager_client, "get", url)
    with django_capture_on_commit_callbacks(execute=True):
        add_cases(make_case, desk, 30)
        add_articles(area_pages.hr, 30)
    assert len(case_manager_client.get(url).json()["suggestions"]) == 6
    assert count_queries(case_manager_client, "get", url) == few


def test_api_case_list_query_count_does_not_grow_with_the_page(
    case_manager_client, desk, make_case
):
    url = "/api/v1/cases/?limit=50"
    add_cases(make_case, desk, 2)
    few = count_queries(case_manager_client, "get", url)
    add_cases(make_case, desk, 30)
    assert len(case_manager_client.get(url).json()["results"]) == 50
    assert count_queries(case_manager_client, "get", url) == few


def test_form_submission_query_count_does_not_grow_with_cases(
    requester_client,
    desk,
    make_case,
    pay_form,
):
    def submit() -> int:
        with CaptureQueriesContext(connection) as queries:
            response = requester_client.post(pay_form.url, pay_answers())
        assert response.status_code == 302
        return len(queries)

    submit()
    add_cases(make_case, desk, 2)
    few = submit()
    add_cases(make_case, desk, 30)
    assert submit() == few
    assert Submission.objects.count() == 3
