"""The calendar pages, the meeting page and the booking form."""

from datetime import datetime, timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from helpdesk.committees.models import SupportBooking
from helpdesk.sla import LONDON
from tests.committees.factories import MeetingFactory


@pytest.fixture
def meeting(council):
    start = timezone.localtime() + timedelta(days=21)
    start = start.replace(hour=18, minute=30, second=0, microsecond=0)
    return MeetingFactory(committee=council.planning, start_at=start)


@pytest.fixture
def officer_client(client, council):
    client.force_login(council.officer)
    return client


@pytest.mark.parametrize(
    "query",
    [
        "?month=13",
        "?month=0",
        "?year=abc",
        "?year=99999",
        "?month=%00",
        "?year=2026&month=-1",
        "?month=٣",
        "?committee=no-such-committee",
    ],
)
def test_month_view_refuses_a_bad_query_with_404(signed_in_client, council, query):
    response = signed_in_client.get(reverse("committees:calendar") + query)
    assert response.status_code == 404


@pytest.mark.parametrize("query", ["?date=2026-02-30", "?date=abc", "?date=%00"])
def test_week_view_refuses_a_bad_date_with_404(signed_in_client, council, query):
    response = signed_in_client.get(reverse("committees:week") + query)
    assert response.status_code == 404


def test_list_view_survives_a_bad_page_number(signed_in_client, meeting):
    response = signed_in_client.get(reverse("committees:list") + "?page=abc")
    assert response.status_code == 200
    assert "Planning North" in response.content.decode()


def test_month_view_shows_the_months_meetings_in_a_table(signed_in_client, council):
    MeetingFactory(
        committee=council.planning,
        start_at=datetime(2026, 6, 16, 18, 30, tzinfo=LONDON),
    )
    response = signed_in_client.get(
        reverse("committees:calendar") + "?year=2026&month=6"
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "<caption" in html
    assert "June 2026" in html
    assert '<th scope="col" class="govuk-table__header"><abbr title="Monday">' in html
    assert "18:30 Planning North" in html


def test_month_view_filters_by_committee(signed_in_client, council):
    for committee in (council.planning, council.audit):
        MeetingFactory(
            committee=committee,
            start_at=datetime(2026, 6, 16, 10, 0, tzinfo=LONDON),
        )
    response = signed_in_client.get(
        reverse("committees:calendar") + "?year=2026&month=6&committee=planning-north"
    )
    html = response.content.decode()
    assert "10:00 Planning North" in html
    assert "10:00 Audit" not in html


def test_week_view_lists_each_day(signed_in_client, council):
    MeetingFactory(
        committee=council.audit, start_at=datetime(2026, 6, 17, 14, 0, tzinfo=LONDON)
    )
    response = signed_in_client.get(reverse("committees:week") + "?date=2026-06-18")
    html = response.content.decode()
    assert "15 June to 21 June 2026" in html
    assert "Wednesday 17 June" in html
    assert "14:00 Audit &amp; Governance" in html


def test_meeting_detail_shows_milestones(signed_in_client, council):
    meeting = MeetingFactory(
        committee=council.planning,
        start_at=datetime(2027, 1, 4, 18, 30, tzinfo=LONDON),
    )
    response = signed_in_client.get(reverse("committees:meeting", args=[meeting.pk]))
    html = response.content.decode()
    assert "Agenda published" in html
    assert "Tue 22 Dec 2026, 17:00" in html
    assert "Book support" not in html


def test_booking_form_is_forbidden_to_staff(signed_in_client, meeting):
    response = signed_in_client.get(reverse("committees:book", args=[meeting.pk]))
    assert response.status_code == 403


def test_booking_form_defaults_the_legal_adviser_from_the_committee(
    officer_client, meeting
):
    response = officer_client.get(reverse("committees:book", args=[meeting.pk]))
    assert response.context["form"]["legal_adviser"].value() is True


def test_booking_form_books_and_shows_the_reference(officer_client, meeting):
    response = officer_client.post(
        reverse("committees:book", args=[meeting.pk]),
        {
            "room_layout": "horseshoe",
            "webcasting": "on",
            "minute_taker": "on",
            "agenda_pack_count": "10",
        },
        follow=True,
    )
    booking = SupportBooking.objects.get(meeting=meeting)
    html = response.content.decode()
    assert f"Your booking reference is {booking.parent_case.reference}" in html
    assert booking.parent_case.reference in html
    assert "Webcasting and AV" in html


def test_booking_form_shows_errors_and_books_nothing(officer_client, council):
    start = timezone.localtime() + timedelta(days=21)
    meeting = MeetingFactory(committee=council.audit, start_at=start)
    response = officer_client.post(
        reverse("committees:book", args=[meeting.pk]),
        {"room_layout": "circus", "agenda_pack_count": "lots", "webcasting": "on"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert "Enter the number of agenda packs as a whole number" in html
    assert not SupportBooking.objects.exists()


def test_booking_form_shows_a_service_refusal_on_the_field(officer_client, council):
    start = timezone.localtime() + timedelta(days=21)
    meeting = MeetingFactory(committee=council.audit, start_at=start)
    response = officer_client.post(
        reverse("committees:book", args=[meeting.pk]),
        {"room_layout": "horseshoe", "agenda_pack_count": "0", "webcasting": "on"},
    )
    assert "Committee Room 1 has no webcasting" in response.content.decode()
    assert not SupportBooking.objects.exists()


def test_meeting_detail_hides_cases_the_viewer_may_not_see(
    officer_client, meeting, council
):
    officer_client.post(
        reverse("committees:book", args=[meeting.pk]),
        {"room_layout": "horseshoe", "agenda_pack_count": "0"},
    )
    booking = SupportBooking.objects.get(meeting=meeting)
    client = Client()
    client.force_login(council.staff)
    html = client.get(reverse("committees:meeting", args=[meeting.pk])).content.decode()
    assert booking.parent_case.reference not in html
    assert "Room set-up: booked" in html


def test_header_navigation_links_to_the_calendar(signed_in_client, council):
    html = signed_in_client.get(reverse("committees:list")).content.decode()
    assert f'href="{reverse("committees:calendar")}" aria-current="page"' in html


def test_meeting_detail_links_officer_to_requests_and_agent_to_cases(
    officer_client, meeting, council
):
    officer_client.post(
        reverse("committees:book", args=[meeting.pk]),
        {"room_layout": "horseshoe", "agenda_pack_count": "0"},
    )
    booking = SupportBooking.objects.get(meeting=meeting)
    parent = booking.parent_case.reference
    meeting_url = reverse("committees:meeting", args=[meeting.pk])

    html = officer_client.get(meeting_url).content.decode()
    assert f'href="/requests/{parent}/"' in html

    agent = Client()
    agent.force_login(council.colleague)
    html = agent.get(meeting_url).content.decode()
    assert f'href="/cases/{parent}/"' in html
    assert agent.get(f"/cases/{parent}/").status_code == 200
