"""Booking committee support: parent and child cases, due times, moving, cancelling."""

from datetime import datetime, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from helpdesk.committees import services
from helpdesk.committees.models import BookingItem, SupportBooking
from helpdesk.models import Case, TimelineEvent
from helpdesk.sla import LONDON
from tests.committees.conftest import NOW
from tests.committees.factories import MeetingFactory

Kind = BookingItem.Kind
#: Tuesday 16 June 2026, 18:30.
MEETING_AT = datetime(2026, 6, 16, 18, 30, tzinfo=LONDON)


@pytest.fixture
def meeting(council):
    return MeetingFactory(committee=council.planning, start_at=MEETING_AT)


def _book(meeting, booked_by, **needs):
    needs.setdefault("webcasting", True)
    needs.setdefault("legal_adviser", True)
    needs.setdefault("agenda_pack_count", 12)
    return services.booking_create(
        meeting=meeting, booked_by=booked_by, now=NOW, **needs
    )


def _items(booking) -> dict[str, Case]:
    return {item.kind: item.child_case for item in booking.items.all()}


def test_booking_create_opens_a_parent_case_for_the_booking_officer(council, meeting):
    booking = _book(meeting, council.officer)
    parent = booking.parent_case
    assert parent.reference.startswith("DEM-")
    assert parent.requester == council.officer
    assert parent.queue == council.queues["democratic-services"]


def test_booking_create_routes_each_item_to_its_supporting_team(council, meeting):
    items = _items(_book(meeting, council.officer))
    assert {kind: case.queue for kind, case in items.items()} == {
        Kind.ROOM: council.queues["pa-support"],
        Kind.AV: council.queues["digital"],
        Kind.LEGAL: council.queues["legal"],
        Kind.MINUTES: council.queues["pa-support"],
        Kind.AGENDA_PACKS: council.queues["pa-support"],
    }
    assert all(case.requester == council.officer for case in items.values())


def test_booking_create_makes_each_case_due_at_its_milestone(council, meeting):
    booking = _book(meeting, council.officer)
    due = {kind: case.resolution_due_at for kind, case in _items(booking).items()}
    # Publication on Monday 8 June leaves 9-15 June as five clear working days.
    assert due[Kind.AGENDA_PACKS] == datetime(2026, 6, 8, 9, 0, tzinfo=LONDON)
    assert due[Kind.LEGAL] == datetime(2026, 6, 8, 17, 0, tzinfo=LONDON)
    assert due[Kind.ROOM] == datetime(2026, 6, 15, 17, 0, tzinfo=LONDON)
    assert due[Kind.AV] == datetime(2026, 6, 15, 17, 0, tzinfo=LONDON)
    assert due[Kind.MINUTES] == datetime(2026, 6, 23, 17, 0, tzinfo=LONDON)
    assert booking.parent_case.resolution_due_at == due[Kind.MINUTES]


def test_booking_create_asks_only_for_what_is_needed(council, meeting):
    booking = _book(
        meeting,
        council.officer,
        webcasting=False,
        legal_adviser=False,
        minute_taker=False,
        agenda_pack_count=0,
    )
    assert set(_items(booking)) == {Kind.ROOM}


def test_booking_create_is_refused_to_staff(council, meeting):
    with pytest.raises(PermissionDenied):
        _book(meeting, council.staff)
    assert not Case.objects.exists()


def test_booking_create_is_allowed_to_the_democratic_services_team(council, meeting):
    booking = _book(meeting, council.colleague)
    assert booking.booked_by == council.colleague


def test_booking_create_refuses_webcasting_where_there_is_none(council):
    meeting = MeetingFactory(committee=council.audit, start_at=MEETING_AT)
    with pytest.raises(ValidationError) as error:
        _book(meeting, council.officer)
    assert (
        "Committee Room 1 has no webcasting"
        in error.value.message_dict["webcasting"][0]
    )
    assert not Case.objects.exists()


def test_booking_create_refuses_a_second_booking(council, meeting):
    _book(meeting, council.officer)
    with pytest.raises(ValidationError, match="already booked"):
        _book(meeting, council.officer)
    assert SupportBooking.objects.count() == 1


def test_booking_create_refuses_too_many_agenda_packs_saving_nothing(council, meeting):
    with pytest.raises(ValidationError) as error:
        _book(meeting, council.officer, agenda_pack_count=501)
    assert "agenda_pack_count" in error.value.message_dict
    assert not Case.objects.exists()


def test_meeting_move_moves_the_child_cases_due_times(council, meeting):
    booking = _book(meeting, council.officer)
    # A week later: Tuesday 23 June 2026.
    services.meeting_move(
        meeting=meeting,
        start_at=MEETING_AT + timedelta(days=7),
        end_at=MEETING_AT + timedelta(days=7, hours=2),
        actor=council.officer,
        now=NOW + timedelta(days=1),
    )
    due = {kind: case.resolution_due_at for kind, case in _items(booking).items()}
    assert due[Kind.ROOM] == datetime(2026, 6, 22, 17, 0, tzinfo=LONDON)
    assert due[Kind.AGENDA_PACKS] == datetime(2026, 6, 15, 9, 0, tzinfo=LONDON)
    booking.parent_case.refresh_from_db()
    assert booking.parent_case.resolution_due_at == datetime(
        2026, 6, 30, 17, 0, tzinfo=LONDON
    )
    room = _items(booking)[Kind.ROOM]
    note = room.events.filter(kind=TimelineEvent.Kind.DUE_CHANGED).last()
    assert "moved from 16 June 2026 18:30 to 23 June 2026 18:30" in note.body


def test_meeting_cancel_tells_every_open_case(council, meeting):
    booking = _book(meeting, council.officer)
    services.meeting_cancel(
        meeting=meeting, reason="Not quorate", actor=council.officer, now=NOW
    )
    cases = [booking.parent_case, *_items(booking).values()]
    for case in cases:
        last = case.events.order_by("pk").last()
        assert last.kind == TimelineEvent.Kind.DUE_CHANGED
        assert "cancelled: Not quorate" in last.body
        assert last.data["reason"] == "meeting cancelled"
    assert len(cases) == 6
