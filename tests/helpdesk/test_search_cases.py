"""Case search: agents find the cases they may see; confidential ones never leak."""

import pytest

from intranet import search
from intranet.search import indexing
from tests.intranet import search_support

pytestmark = pytest.mark.django_db


@pytest.fixture
def elasticsearch_settings(settings, osmem_clone):
    return search_support.use_elasticsearch(settings, osmem_clone.url)


@pytest.fixture
def cases(desk, make_case, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        pay = make_case(subject="Overtime missing from payslip")
        grievance = make_case(
            request_type=desk.grievance,
            subject="Grievance about bullying by a manager",
            description="Confidential grievance: bullying in the depot.",
        )
    return {"pay": pay, "grievance": grievance}


def found(user, query):
    return [hit.title for hit in search.search(user=user, query=query).hits]


def suggested(user, prefix):
    return [s.title for s in search.suggest(user=user, prefix=prefix)]


def assert_confidential_case_is_sealed(desk, cases):
    grievance = cases["grievance"]
    title = f"{grievance.reference} {grievance.subject}"
    for outsider in (desk.case_manager, desk.specialist, desk.stranger, desk.manager):
        assert title not in found(outsider, "bullying grievance")
        assert title not in suggested(outsider, "grievance about")
        assert title not in found(outsider, grievance.reference)
    assert title in found(desk.business_partner, "bullying grievance")


def test_agent_finds_cases_in_their_queue(desk, cases):
    pay = cases["pay"]

    assert f"{pay.reference} {pay.subject}" in found(desk.specialist, "overtime")
    assert found(desk.stranger, "overtime") == []


def test_confidential_case_never_reaches_other_users_database(desk, cases):
    assert_confidential_case_is_sealed(desk, cases)


def test_confidential_case_never_reaches_other_users_elasticsearch(
    desk, cases, elasticsearch_settings
):
    indexing.search_rebuild_elasticsearch()

    assert_confidential_case_is_sealed(desk, cases)
    results = search.search(user=desk.stranger, query="bullying grievance")
    assert results.backend == "elasticsearch"
    assert all(v.key != "case" for v in results.facets[0].values)


def test_case_document_links_a_hit_to_the_agents_case_page(desk, cases, client):
    pay = cases["pay"]

    [hit] = search.search(user=desk.specialist, query="overtime").hits

    assert hit.url == f"/cases/{pay.reference}/"
    client.force_login(desk.specialist)
    assert client.get(hit.url).status_code == 200
