"""The cases API: the same visibility as the screens, and the same services."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token

from helpdesk import services
from helpdesk.models import Case, TimelineEvent
from intranet.roles import Role
from tests.helpdesk.conftest import MONDAY_10AM

CASES = "/api/v1/cases/"


@pytest.fixture
def cases(desk, make_case):
    return {
        "own": make_case(subject="Overtime missing"),
        "other": make_case(
            request_type=desk.invoice, requester=desk.stranger, subject="Invoice late"
        ),
        "confidential": make_case(
            request_type=desk.grievance,
            subject="Grievance about my manager",
            description="Bullying in the depot.",
        ),
    }


@pytest.fixture
def administrator(make_user):
    return make_user(Role.ADMINISTRATOR, username="ada.admin")


def api_client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


#: Which of the cases each person sees, and which of those they may reply to,
#: as the case screens allow.
MATRIX = {
    "requester": ({"own", "confidential"}, {"own", "confidential"}),
    "manager": ({"own"}, set()),
    "colleague": (set(), set()),
    "case_manager": ({"own", "other"}, {"own", "other"}),
    "specialist": ({"own"}, {"own"}),
    "other_specialist": ({"other"}, {"other"}),
    "business_partner": ({"confidential"}, {"confidential"}),
    "administrator": (set(), set()),
}


def person(desk, administrator, name):
    return administrator if name == "administrator" else getattr(desk, name)


@pytest.mark.parametrize("name", MATRIX)
def test_api_case_list_matches_the_screens(desk, cases, administrator, name):
    user = person(desk, administrator, name)
    response = api_client(user).get(CASES)
    assert response.status_code == 200
    listed = {r["reference"] for r in response.json()["results"]}
    expected, _ = MATRIX[name]
    assert listed == {cases[key].reference for key in expected}
    assert response.json()["count"] == len(expected)


@pytest.mark.parametrize("name", MATRIX)
@pytest.mark.parametrize("key", ["own", "other", "confidential"])
def test_api_case_retrieve_matches_the_screens(desk, cases, administrator, name, key):
    user = person(desk, administrator, name)
    response = api_client(user).get(f"{CASES}{cases[key].reference}/")
    expected, _ = MATRIX[name]
    if key in expected:
        assert response.status_code == 200
        assert response.json()["subject"] == cases[key].subject
    else:
        assert response.status_code == 404
        assert cases[key].subject not in response.content.decode()


@pytest.mark.parametrize("name", MATRIX)
@pytest.mark.parametrize("key", ["own", "other", "confidential"])
def test_api_case_reply_matches_the_screens(desk, cases, administrator, name, key):
    user = person(desk, administrator, name)
    case = cases[key]
    response = api_client(user).post(
        f"{CASES}{case.reference}/replies/",
        {"body": "Any news?"},
        content_type="application/json",
    )
    visible, may_reply = MATRIX[name]
    replies = TimelineEvent.objects.filter(case=case, kind="reply")
    if key in may_reply:
        assert response.status_code == 201
        assert response.json()["timeline"][-1]["body"] == "Any news?"
        assert replies.count() == 1
    else:
        assert response.status_code == (403 if key in visible else 404)
        assert "detail" in response.json()
        assert not replies.exists()


def test_api_confidential_retrieve_is_recorded_on_the_timeline(desk, cases):
    case = cases["confidential"]
    api_client(desk.business_partner).get(f"{CASES}{case.reference}/")
    assert TimelineEvent.objects.filter(
        case=case, kind="viewed_confidential", actor=desk.business_partner
    ).exists()


def test_api_requester_never_sees_internal_notes(desk, cases):
    case = cases["own"]
    services.case_note(
        case=case, author=desk.specialist, body="Payroll error, ours", now=MONDAY_10AM
    )
    url = f"{CASES}{case.reference}/"
    requester_view = api_client(desk.requester).get(url)
    assert "Payroll error, ours" not in requester_view.content.decode()
    assert all(event["public"] for event in requester_view.json()["timeline"])
    kinds = [
        event["kind"]
        for event in api_client(desk.specialist).get(url).json()["timeline"]
    ]
    assert "internal_note" in kinds


def test_api_reply_response_hides_internal_notes_from_requester(desk, cases):
    case = cases["own"]
    services.case_note(
        case=case, author=desk.specialist, body="Payroll error, ours", now=MONDAY_10AM
    )
    response = api_client(desk.requester).post(
        f"{CASES}{case.reference}/replies/",
        {"body": "Thanks"},
        content_type="application/json",
    )
    assert "Payroll error, ours" not in response.content.decode()


def test_api_case_create_opens_a_routed_case(desk):
    response = api_client(desk.colleague).post(
        CASES,
        {
            "request_type": desk.hr_query.slug,
            "subject": "Missing overtime",
            "description": "May's overtime is not on my payslip.",
        },
        content_type="application/json",
    )
    assert response.status_code == 201
    case = Case.objects.get(reference=response.json()["reference"])
    assert case.requester == desk.colleague
    assert case.queue == desk.hr.queue
    assert response.json()["url"].endswith(f"{CASES}{case.reference}/")


def test_api_case_create_on_behalf_needs_the_right_person(desk):
    payload = {
        "request_type": desk.hr_query.slug,
        "subject": "Laptop for new starter",
        "description": "Starts Monday.",
        "on_behalf_of": desk.requester.username,
    }
    by_manager = api_client(desk.manager).post(
        CASES, payload, content_type="application/json"
    )
    assert by_manager.status_code == 201
    case = Case.objects.get(reference=by_manager.json()["reference"])
    assert (case.requester, case.raised_by) == (desk.requester, desk.manager)
    by_stranger = api_client(desk.stranger).post(
        CASES, payload, content_type="application/json"
    )
    assert by_stranger.status_code == 403
    assert Case.objects.count() == 1


def test_api_validation_errors_name_the_fields(desk):
    response = api_client(desk.requester).post(
        CASES,
        {"request_type": "no-such-type", "subject": "   ", "answers": []},
        content_type="application/json",
    )
    assert response.status_code == 400
    errors = response.json()
    assert set(errors) == {"request_type", "subject", "description", "answers"}
    assert all(isinstance(messages, list) for messages in errors.values())
    assert not Case.objects.exists()


def test_api_service_validation_error_names_the_field(desk, cases):
    case = cases["own"]
    Case.objects.filter(pk=case.pk).update(status=Case.Status.RESOLVED)
    response = api_client(desk.requester).post(
        f"{CASES}{case.reference}/replies/",
        {"body": "Hi"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json() == {"status": ["This case is resolved; reopen it to reply."]}


def test_api_blank_reply_names_the_body(desk, cases):
    response = api_client(desk.requester).post(
        f"{CASES}{cases['own'].reference}/replies/",
        {"body": ""},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert list(response.json()) == ["body"]


def test_api_filters_by_status_and_rejects_unknown_status(desk, cases):
    client = api_client(desk.case_manager)
    Case.objects.filter(pk=cases["own"].pk).update(status=Case.Status.ON_HOLD)
    on_hold = client.get(CASES, {"status": "on_hold"}).json()["results"]
    assert [r["reference"] for r in on_hold] == [cases["own"].reference]
    response = client.get(CASES, {"status": "sleeping"})
    assert response.status_code == 400
    assert list(response.json()) == ["status"]


def test_api_paginates_with_limit_and_offset(desk, cases):
    client = api_client(desk.requester)
    first = client.get(CASES, {"limit": 1}).json()
    assert first["count"] == 2
    assert len(first["results"]) == 1
    assert first["next"]
    second = client.get(CASES, {"limit": 1, "offset": 1}).json()
    assert second["results"][0]["reference"] != first["results"][0]["reference"]


def test_api_case_list_queries_do_not_grow_with_rows(desk, make_case):
    client = api_client(desk.case_manager)
    request_types = [desk.hr_query, desk.invoice, desk.legal_advice, desk.laptop]

    def add(count):
        for n in range(count):
            case = make_case(request_type=request_types[n % 4], subject=f"Case {n}")
            services.case_claim(case=case, agent=desk.case_manager, now=MONDAY_10AM)

    def queries() -> int:
        client.get(CASES)  # the first request also loads per-process caches
        with CaptureQueriesContext(connection) as captured:
            response = client.get(CASES, {"limit": 100})
        assert response.status_code == 200
        assert {row["assignee"]["username"] for row in response.json()["results"]} == {
            desk.case_manager.username
        }
        return len(captured)

    add(4)
    with_four = queries()
    add(36)
    assert queries() == with_four


def test_api_token_authentication_works(desk, cases):
    token = Token.objects.create(user=desk.requester)
    response = Client().get(CASES, HTTP_AUTHORIZATION=f"Token {token.key}")
    assert response.status_code == 200
    assert response.json()["count"] == 2


def test_api_without_credentials_answers_401_json_not_a_redirect(db):
    response = Client().get(CASES)
    assert response.status_code == 401
    assert response["Content-Type"] == "application/json"
    assert response["WWW-Authenticate"].startswith("Token")
    bad = Client().get(CASES, HTTP_AUTHORIZATION="Token not-a-real-token")
    assert bad.status_code == 401


def test_api_inactive_users_token_stops_working(desk):
    token = Token.objects.create(user=desk.requester)
    desk.requester.is_active = False
    desk.requester.save()
    response = Client().get(CASES, HTTP_AUTHORIZATION=f"Token {token.key}")
    assert response.status_code in (401, 403)


def test_api_session_writes_need_csrf(desk):
    client = Client(enforce_csrf_checks=True)
    client.force_login(desk.requester)
    response = client.post(
        CASES,
        {"request_type": desk.hr_query.slug, "subject": "x", "description": "y"},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]
    assert not Case.objects.exists()


def test_api_token_writes_need_no_csrf(desk):
    token = Token.objects.create(user=desk.requester)
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        CASES,
        {"request_type": desk.hr_query.slug, "subject": "x", "description": "y"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Token {token.key}",
    )
    assert response.status_code == 201
