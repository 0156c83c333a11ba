"""The requester's side at /requests/: lists, one request, and what it hides."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from helpdesk import services
from helpdesk.models import Attachment, Case, TimelineEvent
from tests.helpdesk.uploads import upload

SECRET = "Requester seems to be exaggerating; check with payroll first."


def detail_url(case) -> str:
    return reverse("helpdesk:request-detail", kwargs={"reference": case.reference})


@pytest.fixture
def as_requester(client, desk):
    client.force_login(desk.requester)
    return client


@pytest.fixture
def worked_case(desk, make_case):
    """Return a case with a public agent reply and an internal note with a file."""
    case = make_case(subject="Overtime missing from June")
    now = timezone.now()
    services.case_reply(
        case=case,
        author=desk.specialist,
        body="We have asked payroll to check your timesheet.",
        attachments=[upload("timesheet.pdf")],
        now=now,
    )
    services.case_note(
        case=case,
        author=desk.specialist,
        body=SECRET,
        attachments=[upload("internal-memo.pdf")],
        now=now,
    )
    return case


def test_request_list_shows_own_requests_with_status_and_reference(
    as_requester, desk, make_case
):
    case = make_case(subject="Overtime missing from June")
    make_case(requester=desk.colleague, subject="Colleague's own request")

    response = as_requester.get(reverse("helpdesk:requests"))

    assert response.status_code == 200
    html = response.content.decode()
    assert case.reference in html
    assert "Overtime missing from June" in html
    assert "govuk-tag" in html
    assert "Colleague&#x27;s own request" not in html


def test_request_list_orders_by_latest_activity(as_requester, desk, make_case):
    older = make_case(subject="Older request")
    newer = make_case(subject="Newer request")
    services.case_reply(
        case=older, author=desk.specialist, body="Update.", now=timezone.now()
    )

    html = as_requester.get(reverse("helpdesk:requests")).content.decode()

    assert html.index(older.reference) < html.index(newer.reference)


def test_request_list_filters_open_and_closed(as_requester, desk, make_case):
    open_case = make_case(subject="Still open")
    cancelled = make_case(subject="No longer needed")
    services.case_cancel(case=cancelled, requester=desk.requester, now=timezone.now())
    url = reverse("helpdesk:requests")

    open_html = as_requester.get(url, {"state": "open"}).content.decode()
    closed_html = as_requester.get(url, {"state": "closed"}).content.decode()
    nonsense = as_requester.get(url, {"state": "<script>"})

    assert open_case.reference in open_html
    assert cancelled.reference not in open_html
    assert cancelled.reference in closed_html
    assert open_case.reference not in closed_html
    assert nonsense.status_code == 200
    assert open_case.reference in nonsense.content.decode()


def test_request_list_paginates(as_requester, make_case, settings):
    cases = [make_case(subject=f"Request {n}") for n in range(22)]

    first = as_requester.get(reverse("helpdesk:requests")).content.decode()
    second = as_requester.get(reverse("helpdesk:requests"), {"page": 2})

    assert "Page 1 of 2" in first
    assert cases[0].reference not in first
    assert cases[0].reference in second.content.decode()


def test_request_list_empty_state(as_requester, desk):
    html = as_requester.get(reverse("helpdesk:requests")).content.decode()

    assert "You have not made any requests yet." in html


def test_request_list_manager_sees_reports_requests_but_not_confidential(
    client, desk, make_case
):
    ordinary = make_case(subject="Payslip query")
    grievance = make_case(
        request_type=desk.grievance, subject="Grievance about my manager"
    )
    client.force_login(desk.manager)

    html = client.get(reverse("helpdesk:requests")).content.decode()

    assert ordinary.reference in html
    assert "Rita" in html
    assert grievance.reference not in html
    assert "Grievance about my manager" not in html
    assert client.get(detail_url(grievance)).status_code == 404
    assert client.get(detail_url(ordinary)).status_code == 200


def test_request_list_query_count_does_not_grow_with_rows(client, desk, make_case):
    client.force_login(desk.manager)
    make_case(requester=desk.manager)
    make_case()

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("helpdesk:requests")).status_code == 200
        return len(queries)

    count()  # the first request also loads per-process caches
    few = count()
    for n in range(8):
        make_case(requester=desk.manager, subject=f"Mine {n}")
        make_case(subject=f"Report's {n}")
    assert count() == few


def test_request_detail_shows_public_timeline_only(as_requester, worked_case):
    response = as_requester.get(detail_url(worked_case))

    html = response.content.decode()
    assert response.status_code == 200
    assert "We have asked payroll to check your timesheet." in html
    assert "timesheet.pdf" in html
    assert SECRET not in html
    assert "internal-memo.pdf" not in html
    assert "Internal note" not in html


def test_request_detail_is_404_for_someone_elses_request(client, desk, worked_case):
    client.force_login(desk.stranger)

    assert client.get(detail_url(worked_case)).status_code == 404
    assert (
        client.post(
            reverse("helpdesk:request-reply", args=[worked_case.reference]),
            {"body": "Let me in"},
        ).status_code
        == 404
    )


def test_request_detail_unknown_reference_is_404(as_requester):
    assert as_requester.get("/requests/HR-999999/").status_code == 404


def test_request_detail_of_confidential_case_is_logged(as_requester, desk, make_case):
    grievance = make_case(request_type=desk.grievance, subject="Grievance")

    assert as_requester.get(detail_url(grievance)).status_code == 200

    viewed = grievance.events.filter(kind=TimelineEvent.Kind.VIEWED_CONFIDENTIAL)
    assert list(viewed.values_list("actor", flat=True)) == [desk.requester.pk]


def test_requester_emails_never_carry_internal_notes(
    desk, make_case, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        case = make_case()
        services.case_note(
            case=case, author=desk.specialist, body=SECRET, now=timezone.now()
        )
        services.case_reply(
            case=case, author=desk.specialist, body="Looking now.", now=timezone.now()
        )

    to_requester = [m for m in mail.outbox if desk.requester.email in m.to]
    assert [m.subject.split("] ")[1] for m in to_requester] == [
        "We have received your request",
        "New reply to your request",
    ]
    for message in to_requester:
        assert SECRET not in message.body
        assert SECRET not in message.alternatives[0][0]


def test_request_reply_adds_public_reply_with_attachment(
    as_requester, desk, worked_case
):
    response = as_requester.post(
        reverse("helpdesk:request-reply", args=[worked_case.reference]),
        {"body": "Timesheet attached.", "attachments": [upload("june.pdf")]},
        follow=True,
    )

    assert "Your reply has been sent." in response.content.decode()
    reply = worked_case.events.filter(actor=desk.requester, kind="reply").get()
    assert reply.public
    assert [a.original_name for a in reply.attachments.all()] == ["june.pdf"]


def test_request_reply_refused_upload_shows_error_and_saves_nothing(
    as_requester, desk, worked_case
):
    from tests.helpdesk.uploads import EXE

    events = worked_case.events.count()
    files = Attachment.objects.count()

    response = as_requester.post(
        reverse("helpdesk:request-reply", args=[worked_case.reference]),
        {"body": "Here it is.", "attachments": [upload("payslip.pdf", EXE)]},
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert "payslip.pdf does not look like a PDF" in html
    assert worked_case.events.count() == events
    assert Attachment.objects.count() == files


def test_request_reply_blank_body_shows_error(as_requester, worked_case):
    response = as_requester.post(
        reverse("helpdesk:request-reply", args=[worked_case.reference]),
        {"body": "   "},
    )

    assert "Write your reply." in response.content.decode()


def test_request_reply_by_manager_is_forbidden(client, desk, worked_case):
    client.force_login(desk.manager)

    page = client.get(detail_url(worked_case)).content.decode()
    response = client.post(
        reverse("helpdesk:request-reply", args=[worked_case.reference]),
        {"body": "Manager chiming in"},
    )

    assert "Send reply" not in page
    assert response.status_code == 403


def resolve(desk, case, *, now=None):
    return services.case_resolve(
        case=case,
        agent=desk.specialist,
        summary="Overtime added to July's pay.",
        now=now or timezone.now(),
    )


def test_request_reopen_within_window(as_requester, desk, worked_case):
    resolve(desk, worked_case)
    page = as_requester.get(detail_url(worked_case)).content.decode()

    response = as_requester.post(
        reverse("helpdesk:request-reopen", args=[worked_case.reference]),
        {"reason": "July's pay is still missing it."},
        follow=True,
    )

    assert "Reopen request" in page
    assert "Overtime added to July&#x27;s pay." in page
    assert "Your request has been reopened." in response.content.decode()
    worked_case.refresh_from_db()
    assert worked_case.status == Case.Status.OPEN


def test_request_reopen_after_window_shows_service_error(
    as_requester, desk, worked_case
):
    resolve(desk, worked_case, now=timezone.now() - timedelta(days=30))

    page = as_requester.get(detail_url(worked_case)).content.decode()
    response = as_requester.post(
        reverse("helpdesk:request-reopen", args=[worked_case.reference]),
        {"reason": "Still wrong."},
    )

    assert "Reopen request" not in page
    assert "10 working days" in response.content.decode()
    worked_case.refresh_from_db()
    assert worked_case.status == Case.Status.RESOLVED


def test_request_cancel_needs_confirmation(as_requester, desk, worked_case):
    url = reverse("helpdesk:request-cancel", args=[worked_case.reference])

    confirm_page = as_requester.get(url)
    unconfirmed = as_requester.post(url, {})
    worked_case.refresh_from_db()
    status_after_unconfirmed = worked_case.status
    confirmed = as_requester.post(url, {"confirm": "on"}, follow=True)

    assert "Cancel request" in confirm_page.content.decode()
    assert "Confirm that you want to cancel" in unconfirmed.content.decode()
    assert status_after_unconfirmed == Case.Status.OPEN
    assert "Your request has been cancelled." in confirmed.content.decode()
    worked_case.refresh_from_db()
    assert worked_case.status == Case.Status.CANCELLED


def test_request_cancel_of_resolved_request_shows_error(
    as_requester, desk, worked_case
):
    resolve(desk, worked_case)

    response = as_requester.post(
        reverse("helpdesk:request-cancel", args=[worked_case.reference]),
        {"confirm": "on"},
    )

    assert "cannot go from" in response.content.decode()
    worked_case.refresh_from_db()
    assert worked_case.status == Case.Status.RESOLVED


def test_request_cancel_by_manager_is_forbidden(client, desk, worked_case):
    client.force_login(desk.manager)
    url = reverse("helpdesk:request-cancel", args=[worked_case.reference])

    assert client.get(url).status_code == 403
    assert client.post(url, {"confirm": "on"}).status_code == 403
    worked_case.refresh_from_db()
    assert worked_case.status == Case.Status.OPEN


def test_request_reply_route_does_not_swallow_other_requests_pages(as_requester):
    match = reverse("helpdesk:requests") + "forms/people"

    assert as_requester.get(match).resolver_match.url_name != "request-detail"
