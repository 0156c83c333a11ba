"""The read-only API endpoints: request types, knowledge search, meetings, schema."""

from datetime import datetime

import pytest
import yaml
from django.test import Client

from helpdesk.sla import LONDON
from intranet.search import indexing
from tests.committees.factories import CommitteeFactory, MeetingFactory
from tests.helpdesk.factories import RequestTypeFactory
from tests.intranet.factories import (
    ServiceAreaPageFactory,
    StandardPageFactory,
    service_area,
)
from tests.knowledge.factories import KnowledgeArticlePageFactory


@pytest.fixture
def client_for(db):
    def make(user) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return make


def test_api_request_types_list_and_filter_by_service_area(client_for, staff_user):
    RequestTypeFactory(name="Pay query", service_area=service_area("hr"))
    RequestTypeFactory(name="Invoice", service_area=service_area("finance"))
    client = client_for(staff_user)
    everything = client.get("/api/v1/request-types/", {"limit": 100}).json()
    assert {"pay-query", "invoice"} <= {r["slug"] for r in everything["results"]}
    finance = client.get("/api/v1/request-types/", {"service_area": "finance"}).json()
    assert "Invoice" in [r["name"] for r in finance["results"]]
    assert {r["service_area"] for r in finance["results"]} == {"finance"}
    detail = client.get("/api/v1/request-types/pay-query/").json()
    assert detail["service_area"] == "hr"


def test_api_request_types_are_read_only(client_for, staff_user):
    response = client_for(staff_user).post(
        "/api/v1/request-types/", {"name": "x"}, content_type="application/json"
    )
    assert response.status_code == 405


@pytest.fixture
def guidance(home_page):
    hr = ServiceAreaPageFactory(
        parent=home_page, title="HR", service_area=service_area("hr")
    )
    KnowledgeArticlePageFactory(
        parent=hr,
        title="Claiming overtime",
        summary="How to claim overtime through the payroll form.",
    )
    StandardPageFactory(parent=hr, title="Overtime policy page", summary="Overtime.")
    indexing.search_rebuild_database()


def test_api_knowledge_search_finds_articles_only(client_for, staff_user, guidance):
    response = client_for(staff_user).get("/api/v1/knowledge/search", {"q": "overtime"})
    assert response.status_code == 200
    body = response.json()
    assert [hit["title"] for hit in body["results"]] == ["Claiming overtime"]
    assert body["total"] == 1
    assert body["results"][0]["service_area"] == "hr"


@pytest.mark.parametrize(
    ("params", "field"),
    [({}, "q"), ({"q": "x" * 201}, "q"), ({"q": "pay", "page": "zero"}, "page")],
)
def test_api_knowledge_search_validation_names_the_field(
    client_for, staff_user, params, field
):
    response = client_for(staff_user).get("/api/v1/knowledge/search", params)
    assert response.status_code == 400
    assert list(response.json()) == [field]


def test_api_meetings_list_detail_and_filters(client_for, staff_user):
    cabinet = CommitteeFactory(name="Cabinet")
    planning = CommitteeFactory(name="Planning North")
    first = MeetingFactory(committee=cabinet)
    MeetingFactory(
        committee=planning,
        start_at=datetime(2026, 7, 1, 18, 30, tzinfo=LONDON),
        end_at=datetime(2026, 7, 1, 20, 30, tzinfo=LONDON),
        status="cancelled",
    )
    client = client_for(staff_user)
    listed = client.get("/api/v1/meetings/").json()
    assert [m["committee"] for m in listed["results"]] == ["Cabinet", "Planning North"]
    cancelled = client.get("/api/v1/meetings/", {"status": "cancelled"}).json()
    assert [m["committee_slug"] for m in cancelled["results"]] == ["planning-north"]
    detail = client.get(f"/api/v1/meetings/{first.pk}/").json()
    assert detail["venue"] == first.venue.name
    assert client.get("/api/v1/meetings/", {"status": "x"}).status_code == 400
    assert client.get("/api/v1/meetings/999999/").status_code == 404


def test_api_schema_is_openapi_3_and_covers_the_endpoints(client_for, staff_user):
    response = client_for(staff_user).get("/api/schema/")
    assert response.status_code == 200
    schema = yaml.safe_load(response.content)
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) == {
        "/api/v1/cases/",
        "/api/v1/cases/{reference}/",
        "/api/v1/cases/{reference}/replies/",
        "/api/v1/request-types/",
        "/api/v1/request-types/{slug}/",
        "/api/v1/knowledge/search",
        "/api/v1/meetings/",
        "/api/v1/meetings/{id}/",
    }


def test_api_schema_needs_credentials(db):
    response = Client().get("/api/schema/")
    assert response.status_code in (401, 403)


def test_api_docs_page_serves_local_assets_under_its_own_policy(client_for, staff_user):
    response = client_for(staff_user).get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert (
        "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    )
    assert "https://" not in html
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    script = client_for(staff_user).get("/api/docs/", {"script": ""})
    assert script.status_code == 200
    assert b"SwaggerUIBundle" in script.content


def test_api_docs_page_sends_strangers_to_sign_in(db):
    response = Client().get("/api/docs/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_api_meetings_accept_any_iso_offset_and_refuse_impossible_dates(
    client_for, staff_user
):
    MeetingFactory()
    client = client_for(staff_user)
    far_offset = client.get(
        "/api/v1/meetings/", {"starts_before": "0618-08-01T18:20:26-21:52"}
    )
    assert far_offset.status_code == 200
    assert far_offset.json()["count"] == 0
    too_early = client.get(
        "/api/v1/meetings/", {"starts_after": "0001-01-01T00:00:00+05:00"}
    )
    assert too_early.status_code == 400
    assert list(too_early.json()) == ["starts_after"]
