"""Meetings edited in the Wagtail admin: clashes refused, bookings kept in step."""

from datetime import datetime

import pytest
from django.urls import reverse

from helpdesk.committees import services
from helpdesk.committees.models import Meeting
from helpdesk.sla import LONDON
from tests.committees.conftest import NOW
from tests.committees.factories import MeetingFactory

MEETING_AT = datetime(2026, 6, 16, 18, 30, tzinfo=LONDON)


@pytest.fixture
def admin_client(client, make_user):
    client.force_login(make_user(is_superuser=True, is_staff=True))
    return client


def _form(meeting: Meeting, **changes) -> dict:
    data = {
        "committee": meeting.committee_id,
        "title": meeting.title,
        "start_at": "2026-06-16 18:30",
        "end_at": "2026-06-16 20:30",
        "venue": meeting.venue_id,
        "clerk": meeting.clerk_id or "",
        "status": meeting.status,
        "is_public": "on",
    }
    data.update(changes)
    return data


def test_admin_refuses_a_clashing_meeting(admin_client, council):
    meeting = MeetingFactory(committee=council.planning, start_at=MEETING_AT)
    response = admin_client.post(
        reverse("wagtailsnippets_committees_meeting:add"),
        _form(meeting, committee=council.audit.pk, start_at="2026-06-16 19:00"),
    )
    assert response.status_code == 200
    assert "Council Chamber is already booked for Planning North" in (
        response.content.decode()
    )
    assert Meeting.objects.count() == 1


def test_admin_move_carries_the_booking_with_it(admin_client, council):
    meeting = MeetingFactory(committee=council.planning, start_at=MEETING_AT)
    booking = services.booking_create(
        meeting=meeting, booked_by=council.officer, now=NOW
    )
    response = admin_client.post(
        reverse("wagtailsnippets_committees_meeting:edit", args=[meeting.pk]),
        _form(meeting, start_at="2026-06-23 18:30", end_at="2026-06-23 20:30"),
    )
    assert response.status_code == 302
    room = booking.items.get(kind="room").child_case
    room.refresh_from_db()
    assert room.resolution_due_at == datetime(2026, 6, 22, 17, 0, tzinfo=LONDON)
