"""Search and suggestions over entries only some users may see: cases.

Each slice of entries (public ones, the cases a user may open) is searched on
its own; these tests pin down what that must never change.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from intranet import search
from intranet.search import indexing
from intranet.search.backends import database
from tests.helpdesk import conftest as helpdesk_fixtures
from tests.knowledge.factories import KnowledgeArticlePageFactory

pytestmark = pytest.mark.django_db

desk = helpdesk_fixtures.desk
make_case = helpdesk_fixtures.make_case


def titles(results):
    return [hit.title for hit in results.hits]


def suggested(user, prefix):
    return [s.title for s in search.suggest(user=user, prefix=prefix)]


def title_of(case):
    return f"{case.reference} {case.subject}"


@pytest.fixture
def overtime_cases(desk, make_case):
    """Two HR cases the HR specialist may see, behind five finance ones."""
    hidden = [
        make_case(
            request_type=desk.invoice,
            requester=desk.colleague,
            subject=f"Overtime invoice {n}",
        )
        for n in range(5)
    ]
    mine = [make_case(subject=f"Overtime missing {n}") for n in range(2)]
    indexing.search_rebuild_database()
    return {"hidden": hidden, "mine": mine}


def test_search_finds_a_users_cases_behind_more_they_may_not_see(
    desk, overtime_cases, monkeypatch
):
    monkeypatch.setattr(database, "CANDIDATES", 3)

    found = titles(search.search(user=desk.specialist, query="overtime"))

    assert sorted(found) == sorted(title_of(c) for c in overtime_cases["mine"])
    assert titles(search.search(user=desk.stranger, query="overtime")) == []


def test_suggestions_find_a_users_case_behind_more_they_may_not_see(
    desk, overtime_cases
):
    mine = {title_of(c) for c in overtime_cases["mine"]}
    hidden = {title_of(c) for c in overtime_cases["hidden"]}

    found = set(suggested(desk.specialist, "overtime"))

    assert found == mine
    assert not set(suggested(desk.other_specialist, "overtime")) & mine
    assert set(suggested(desk.other_specialist, "overtime")) == hidden


def test_suggestions_never_offer_a_confidential_case_by_its_reference(desk, make_case):
    grievance = make_case(request_type=desk.grievance, subject="Grievance raised")
    indexing.search_rebuild_database()
    prefix = grievance.reference.lower()

    for outsider in (desk.case_manager, desk.specialist, desk.manager):
        assert suggested(outsider, prefix) == []
    assert suggested(desk.business_partner, prefix) == [title_of(grievance)]


def test_hits_only_search_of_articles_reads_no_cases(home_page, desk, make_case):
    make_case(subject="Payroll question")
    KnowledgeArticlePageFactory(parent=home_page, title="Payroll dates")
    indexing.search_rebuild_database()

    with CaptureQueriesContext(connection) as queries:
        results = search.search(
            user=desk.specialist,
            query="payroll",
            filters={"type": ["article"]},
            page_size=3,
            hits_only=True,
        )

    assert titles(results) == ["Payroll dates"]
    assert results.facets == []
    assert not [q for q in queries if "helpdesk_case" in q["sql"]]


def test_hits_only_search_query_count_does_not_grow_with_matches(
    home_page, desk, make_case
):
    def count() -> int:
        indexing.search_rebuild_database()
        with CaptureQueriesContext(connection) as queries:
            search.search(
                user=desk.specialist,
                query="payroll",
                filters={"type": ["article"]},
                page_size=3,
                hits_only=True,
            )
        return len(queries)

    def add(first: int, last: int) -> None:
        for n in range(first, last):
            make_case(subject=f"Payroll question {n}")
            KnowledgeArticlePageFactory(parent=home_page, title=f"Payroll {n}")

    add(0, 1)
    few = count()
    add(1, 13)
    assert count() == few
