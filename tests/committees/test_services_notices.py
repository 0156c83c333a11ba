"""Moving or cancelling a booked meeting emails the people on its cases."""

from datetime import datetime, timedelta

import pytest
from django.core import mail

from helpdesk import services as case_services
from helpdesk.committees import services
from helpdesk.committees.models import BookingItem
from helpdesk.models import TimelineEvent
from helpdesk.sla import LONDON
from intranet.roles import Role
from tests.committees.conftest import NOW
from tests.committees.factories import MeetingFactory

#: Tuesday 16 June 2026, 18:30.
MEETING_AT = datetime(2026, 6, 16, 18, 30, tzinfo=LONDON)
NEXT_DAY = NOW + timedelta(days=1)


@pytest.fixture
def booked(council, make_user, django_capture_on_commit_callbacks):
    """Return a room-only booking whose room case the PA worker has claimed."""
    meeting = MeetingFactory(committee=council.planning, start_at=MEETING_AT)
    with django_capture_on_commit_callbacks(execute=True):
        booking = services.booking_create(
            meeting=meeting,
            booked_by=council.officer,
            webcasting=False,
            legal_adviser=False,
            minute_taker=False,
            now=NOW,
        )
        room = booking.items.get(kind=BookingItem.Kind.ROOM).child_case
        case_services.case_claim(case=room, agent=council.pa_worker, now=NOW)
    mail.outbox.clear()
    deputy = make_user(Role.DEMOCRATIC_SERVICES, username="dee.deputy")
    return booking, room, deputy


def sent() -> dict[str, list[str]]:
    by_address: dict[str, list[str]] = {}
    for email in mail.outbox:
        for address in email.to:
            by_address.setdefault(address, []).append(email.subject)
    return by_address


def email_to(user):
    [email] = [email for email in mail.outbox if email.to == [user.email]]
    return email


def test_booking_create_sends_no_due_time_email(
    council, django_capture_on_commit_callbacks
):
    meeting = MeetingFactory(committee=council.planning, start_at=MEETING_AT)
    with django_capture_on_commit_callbacks(execute=True):
        booking = services.booking_create(
            meeting=meeting, booked_by=council.officer, now=NOW
        )

    assert booking.parent_case.events.filter(
        kind=TimelineEvent.Kind.DUE_CHANGED
    ).exists()
    assert mail.outbox
    assert not [m for m in mail.outbox if "Due time changed" in m.subject]


def test_meeting_move_emails_the_assignee_team_and_booking_officer_once_each(
    council, booked, django_capture_on_commit_callbacks
):
    booking, room, deputy = booked
    parent = booking.parent_case

    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_move(
            meeting=booking.meeting,
            start_at=MEETING_AT + timedelta(days=7),
            end_at=MEETING_AT + timedelta(days=7, hours=2),
            actor=deputy,
            now=NEXT_DAY,
        )

    assert sent() == {
        council.pa_worker.email: [f"[{room.reference}] Due time changed"],
        council.colleague.email: [f"[{parent.reference}] Due time changed"],
        council.officer.email: [f"[{parent.reference}] Due time changed"],
    }
    worker = email_to(council.pa_worker)
    assert "is now due by Monday 22 June 2026, 17:00" in worker.body
    assert "It was due by Monday 15 June 2026, 17:00" in worker.body
    assert "Why: Planning North moved from 16 June 2026 18:30 to 23 June" in (
        worker.body
    )
    assert f"/cases/{room.reference}/" in worker.body
    officer = email_to(council.officer)
    assert "is now due by Monday 22 June 2026, 17:00" in officer.body
    assert "Why:" not in officer.body
    assert f"/requests/{parent.reference}/" in officer.body
    [(html, _)] = officer.alternatives
    assert "Monday 22 June 2026, 17:00" in html


def test_meeting_cancel_emails_the_assignee_team_and_booking_officer_once_each(
    council, booked, django_capture_on_commit_callbacks
):
    booking, room, deputy = booked
    parent = booking.parent_case

    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_cancel(
            meeting=booking.meeting, reason="Not quorate", actor=deputy, now=NEXT_DAY
        )

    assert sent() == {
        council.pa_worker.email: [f"[{room.reference}] Support no longer needed"],
        council.colleague.email: [f"[{parent.reference}] Support no longer needed"],
        council.officer.email: [f"[{parent.reference}] Support no longer needed"],
    }
    worker = email_to(council.pa_worker)
    assert "has been cancelled, so this support is no longer needed" in worker.body
    assert "cancelled: Not quorate" in worker.body
    officer = email_to(council.officer)
    assert "has been cancelled, so this support is no longer needed" in officer.body
    assert f"/requests/{parent.reference}/" in officer.body


def test_meeting_move_by_the_booking_officer_still_tells_the_workers(
    council, booked, django_capture_on_commit_callbacks
):
    booking, _room, _deputy = booked

    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_move(
            meeting=booking.meeting,
            start_at=MEETING_AT + timedelta(days=7),
            end_at=MEETING_AT + timedelta(days=7, hours=2),
            actor=council.officer,
            now=NEXT_DAY,
        )

    assert set(sent()) == {council.pa_worker.email, council.colleague.email}
