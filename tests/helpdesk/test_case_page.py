"""The agent's case page: what it shows, to whom, and what it costs."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from helpdesk import services
from helpdesk.models import CannedResponse, TimelineEvent
from tests.helpdesk.conftest import MONDAY_10AM
from tests.helpdesk.uploads import upload

pytestmark = pytest.mark.django_db

NOTE = "Requester was rude on the phone; handle with care."


def url(case, action: str = "") -> str:
    return f"/cases/{case.reference}/" + (f"{action}/" if action else "")


@pytest.fixture
def case(make_case):
    return make_case(subject="Payslip missing overtime")


@pytest.fixture
def with_note(case, desk):
    services.case_note(
        case=case,
        author=desk.specialist,
        body=NOTE,
        attachments=[upload("call-log.pdf")],
        now=MONDAY_10AM,
    )
    services.case_reply(
        case=case,
        author=desk.specialist,
        body="We are looking into it.",
        now=MONDAY_10AM,
    )
    return case


def test_case_page_shows_timeline_requester_and_sla(client, desk, with_note):
    desk.requester.job_title = "Customer services officer"
    desk.requester.phone = "01234 567890"
    desk.requester.save()
    client.force_login(desk.specialist)

    response = client.get(url(with_note))

    assert response.status_code == 200
    body = response.content.decode()
    assert "Payslip missing overtime" in body
    assert "We are looking into it." in body
    assert "Customer services officer" in body
    assert "Mo " in body  # the requester's line manager
    assert "Customer Services" in body
    assert "Service Delivery" in body
    assert "01234 567890" in body
    assert "SLA: Breached" in body
    assert "govuk-tag--red" in body
    assert "overdue by" in body
    assert "Routed to HR specialists queue" in body


def test_internal_note_looks_unmistakably_different(client, desk, with_note):
    client.force_login(desk.specialist)
    body = client.get(url(with_note)).content.decode()
    note_item = body[body.index(NOTE) - 900 : body.index(NOTE)]
    assert "app-timeline__item--internal" in note_item
    assert '<span class="govuk-visually-hidden">Internal note:</span>' in note_item
    assert "govuk-tag--yellow" in note_item
    reply = body.index("We are looking into it.")
    assert "app-timeline__item--internal" not in body[reply - 400 : reply]


def test_requester_never_receives_an_internal_note(client, desk, with_note):
    client.force_login(desk.requester)
    note_file = with_note.attachments.get(event__kind="internal_note")
    fetched = [
        client.get(url(with_note), follow=True),
        client.get(url(with_note, "reply-box"), {"canned": "1"}),
        client.get(f"/cases/attachments/{note_file.pk}/"),
        client.post(url(with_note, "note"), {"note-body": "sneaky"}),
    ]
    for response in fetched:
        assert response.status_code in (200, 403, 404)
        assert NOTE not in response.content.decode()
        assert "call-log.pdf" not in response.content.decode()
    assert not TimelineEvent.objects.filter(body="sneaky").exists()


def test_specialist_from_another_team_gets_404(client, desk, case):
    client.force_login(desk.other_specialist)
    assert client.get(url(case)).status_code == 404
    assert client.post(url(case, "claim")).status_code == 404
    case.refresh_from_db()
    assert case.assignee is None


def test_agent_who_may_see_but_not_work_is_sent_to_the_requester_view_and_403(
    client, desk, make_case
):
    case = make_case(raised_by=desk.other_specialist)
    services.case_note(case=case, author=desk.specialist, body=NOTE, now=MONDAY_10AM)
    client.force_login(desk.other_specialist)

    page = client.get(url(case))

    assert page.status_code == 302
    assert page.url == f"/requests/{case.reference}/"
    assert NOTE not in client.get(page.url).content.decode()
    assert client.post(url(case, "claim")).status_code == 403
    assert client.post(url(case, "reply"), {"reply-body": "Hi"}).status_code == 403


def test_opening_a_confidential_case_is_recorded(client, desk, make_case):
    grievance = make_case(request_type=desk.grievance)
    client.force_login(desk.business_partner)

    client.get(url(grievance))
    client.get(url(grievance))

    views = TimelineEvent.objects.filter(
        case=grievance, kind=TimelineEvent.Kind.VIEWED_CONFIDENTIAL
    )
    assert views.count() == 2
    assert {view.actor for view in views} == {desk.business_partner}


def test_canned_response_fills_placeholders_without_javascript(client, desk, case):
    canned = CannedResponse.objects.create(
        title="Looking into it",
        body="Hello {requester_first_name}, {agent_name} is on {reference}.",
    )
    client.force_login(desk.specialist)

    response = client.get(url(case), {"canned": canned.pk})

    expected = f"Hello Rita, {desk.specialist.display_name} is on {case.reference}."
    assert expected in response.content.decode()
    assert "Use this response" in response.content.decode()


def test_canned_response_swaps_the_reply_box_with_htmx(client, desk, case):
    canned = CannedResponse.objects.create(
        team=desk.hr, title="Thanks", body="Thanks {requester_first_name}."
    )
    client.force_login(desk.specialist)

    response = client.get(
        url(case, "reply-box"), {"canned": canned.pk}, headers={"HX-Request": "true"}
    )

    body = response.content.decode()
    assert body.lstrip().startswith('<div id="reply-box"')
    assert "Thanks Rita." in body
    assert "<html" not in body


def test_canned_response_of_another_team_is_refused(client, desk, case):
    other = CannedResponse.objects.create(
        team=desk.finance, title="Invoices", body="Finance only."
    )
    client.force_login(desk.specialist)
    response = client.get(url(case), {"canned": other.pk})
    assert response.status_code == 200
    assert "Choose a canned response from the list." in response.content.decode()
    assert "Finance only." not in response.content.decode()


def test_case_page_queries_do_not_grow_with_the_timeline(client, desk, case):
    def add(count):
        for n in range(count):
            services.case_note(
                case=case,
                author=desk.specialist,
                body=f"Note {n}",
                attachments=[upload(f"n{n}.pdf")],
                now=MONDAY_10AM,
            )
            services.case_reply(
                case=case, author=desk.specialist, body=f"Reply {n}", now=MONDAY_10AM
            )

    def queries() -> int:
        client.get(url(case))
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url(case)).status_code == 200
        return len(captured)

    client.force_login(desk.specialist)
    add(5)
    with_five = queries()
    add(45)
    assert queries() == with_five
