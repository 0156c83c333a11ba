"""Scheduling meetings: clashes of room and clerk, moving and cancelling."""

from datetime import datetime, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from helpdesk.committees import services
from helpdesk.committees.models import Meeting
from helpdesk.sla import LONDON
from tests.committees.conftest import NOW
from tests.committees.factories import CommitteeFactory

SIX_PM = datetime(2026, 6, 16, 18, 0, tzinfo=LONDON)


def _meeting(committee, start=SIX_PM, hours=2, **fields):
    return services.meeting_create(
        committee=committee,
        start_at=start,
        end_at=start + timedelta(hours=hours),
        now=NOW,
        **fields,
    )


def test_meeting_create_defaults_to_the_committees_venue_and_clerk(council):
    meeting = _meeting(council.planning)
    assert (meeting.venue, meeting.clerk) == (council.chamber, council.clerk)


def test_meeting_create_refuses_a_double_booked_room_naming_the_clash(council):
    _meeting(council.planning)
    with pytest.raises(ValidationError) as error:
        _meeting(
            council.audit, start=SIX_PM + timedelta(hours=1), venue=council.chamber
        )
    assert error.value.message_dict["venue"] == [
        "Council Chamber is already booked for Planning North, 16 June 2026 "
        "(18:00 to 20:00)."
    ]
    assert Meeting.objects.count() == 1


def test_meeting_create_refuses_a_double_booked_clerk(council):
    _meeting(council.planning)
    other = CommitteeFactory(name="Licensing", clerk=council.clerk)
    with pytest.raises(ValidationError) as error:
        _meeting(other, start=SIX_PM - timedelta(minutes=30))
    assert "Planning North, 16 June 2026" in error.value.message_dict["clerk"][0]
    assert "venue" not in error.value.message_dict


def test_meeting_create_allows_meetings_that_only_touch(council):
    _meeting(council.planning)
    _meeting(council.planning, start=SIX_PM + timedelta(hours=2))
    _meeting(council.planning, start=SIX_PM - timedelta(hours=1), hours=1)
    assert Meeting.objects.count() == 3


def test_meeting_create_ignores_cancelled_meetings(council):
    first = _meeting(council.planning)
    services.meeting_cancel(
        meeting=first, reason="Not quorate", actor=council.officer, now=NOW
    )
    _meeting(council.planning)
    assert Meeting.objects.exclude(status=Meeting.Status.CANCELLED).count() == 1


def test_meeting_create_refuses_an_end_before_the_start(council):
    with pytest.raises(ValidationError) as error:
        _meeting(council.planning, hours=-1)
    assert error.value.message_dict["end_at"] == [
        "The meeting must end after it starts."
    ]


def test_meeting_move_refuses_a_clash_and_keeps_the_old_time(council):
    _meeting(council.audit, start=SIX_PM + timedelta(days=1), venue=council.chamber)
    meeting = _meeting(council.planning)
    with pytest.raises(ValidationError, match="Council Chamber is already booked"):
        services.meeting_move(
            meeting=meeting,
            start_at=SIX_PM + timedelta(days=1, hours=1),
            end_at=SIX_PM + timedelta(days=1, hours=3),
            actor=council.officer,
            now=NOW,
        )
    meeting.refresh_from_db()
    assert meeting.start_at == SIX_PM


def test_meeting_move_is_refused_to_staff(council):
    meeting = _meeting(council.planning)
    with pytest.raises(PermissionDenied):
        services.meeting_move(
            meeting=meeting,
            start_at=SIX_PM + timedelta(days=1),
            end_at=SIX_PM + timedelta(days=1, hours=2),
            actor=council.staff,
            now=NOW,
        )


def test_meeting_cancel_needs_a_reason(council):
    meeting = _meeting(council.planning)
    with pytest.raises(ValidationError) as error:
        services.meeting_cancel(
            meeting=meeting, reason=" ", actor=council.officer, now=NOW
        )
    assert "reason" in error.value.message_dict
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.SCHEDULED
