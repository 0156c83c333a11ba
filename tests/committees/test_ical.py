"""iCalendar feeds: valid RFC 5545, London times, round-tripped meetings."""

from datetime import datetime, timedelta

import icalendar
import pytest
from django.test import Client
from django.urls import reverse

from helpdesk.committees import services
from helpdesk.committees.deadlines import MilestoneKind
from helpdesk.committees.models import FeedToken
from helpdesk.models import Case
from helpdesk.sla import LONDON
from tests.committees.conftest import NOW
from tests.committees.factories import CommitteeFactory, MeetingFactory

MEETING_AT = datetime(2027, 1, 4, 18, 30, tzinfo=LONDON)


def _events(response) -> list[icalendar.Event]:
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    return list(calendar.walk("VEVENT"))


def _by_uid(events) -> dict[str, icalendar.Event]:
    return {str(event["UID"]): event for event in events}


@pytest.fixture
def meeting(council):
    return MeetingFactory(
        committee=council.planning,
        title="Planning North; site visits, and more",
        start_at=MEETING_AT,
    )


def test_committee_feed_needs_no_sign_in_and_round_trips_meetings(meeting):
    response = Client().get(
        reverse("committees:committee-feed", args=[meeting.committee.slug])
    )
    assert response.status_code == 200
    calendar = icalendar.Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/London"]
    event = _by_uid(_events(response))[f"committee-meeting-{meeting.pk}@127.0.0.1"]
    assert event.start == MEETING_AT
    assert event.start.tzinfo.key == "Europe/London"
    assert event.end == MEETING_AT + timedelta(hours=2)
    assert str(event["SUMMARY"]) == "Planning North; site visits, and more"
    assert str(event["LOCATION"]) == "Council Chamber"
    assert "DTSTAMP" in event


def test_committee_feed_escapes_text(meeting):
    response = Client().get(
        reverse("committees:committee-feed", args=[meeting.committee.slug])
    )
    assert b"SUMMARY:Planning North\\; site visits\\, and more" in response.content


def test_committee_feed_carries_the_statutory_deadlines(meeting):
    response = Client().get(
        reverse("committees:committee-feed", args=[meeting.committee.slug])
    )
    events = _by_uid(_events(response))
    published = events[f"committee-meeting-{meeting.pk}-publication@127.0.0.1"]
    assert published.start == datetime(2026, 12, 22, 17, 0, tzinfo=LONDON)
    assert str(published["SUMMARY"]).startswith("Agenda published")
    reports = events[f"committee-meeting-{meeting.pk}-reports@127.0.0.1"]
    assert reports.start == datetime(2026, 12, 16, 17, 0, tzinfo=LONDON)
    assert len(events) == 3


def test_committee_feed_uids_are_stable(meeting):
    url = reverse("committees:committee-feed", args=[meeting.committee.slug])
    first = set(_by_uid(_events(Client().get(url))))
    second = set(_by_uid(_events(Client().get(url))))
    assert first == second


def test_committee_feed_marks_a_cancelled_meeting(meeting, council):
    services.meeting_cancel(
        meeting=meeting, reason="No business", actor=council.officer, now=NOW
    )
    response = Client().get(
        reverse("committees:committee-feed", args=[meeting.committee.slug])
    )
    events = _events(response)
    assert [str(e["STATUS"]) for e in events] == ["CANCELLED"]


def test_committee_feed_404s_for_an_unknown_committee(db):
    response = Client().get(reverse("committees:committee-feed", args=["nope"]))
    assert response.status_code == 404


def _token_for(user) -> str:
    return services.feed_token_ensure(user=user, now=NOW).token


def test_user_feed_refuses_a_bad_token(council):
    _token_for(council.officer)
    for token in ["wrong", "x" * 200, ""]:
        response = Client().get(f"/committees/feed/{token}.ics")
        assert response.status_code == 404


def test_user_feed_shows_the_meetings_someone_clerks(meeting, council):
    other = MeetingFactory(
        committee=CommitteeFactory(name="Licensing"),
        start_at=MEETING_AT + timedelta(days=1),
    )
    response = Client().get(
        reverse("committees:user-feed", args=[_token_for(council.clerk)])
    )
    uids = set(_by_uid(_events(response)))
    assert f"committee-meeting-{meeting.pk}@127.0.0.1" in uids
    assert not any(f"committee-meeting-{other.pk}" in uid for uid in uids)
    assert len(uids) == 1 + len(MilestoneKind)


def test_user_feed_gives_an_assignee_only_their_deadline(meeting, council):
    booking = services.booking_create(
        meeting=meeting, booked_by=council.officer, webcasting=True, now=NOW
    )
    av_case = booking.items.get(kind="av").child_case
    Case.objects.filter(pk=av_case.pk).update(assignee=council.digital_worker)
    response = Client().get(
        reverse("committees:user-feed", args=[_token_for(council.digital_worker)])
    )
    events = _by_uid(_events(response))
    av = events[f"committee-meeting-{meeting.pk}-av_setup@127.0.0.1"]
    assert av.start == datetime(2026, 12, 31, 17, 0, tzinfo=LONDON)
    assert set(events) == {
        f"committee-meeting-{meeting.pk}@127.0.0.1",
        f"committee-meeting-{meeting.pk}-av_setup@127.0.0.1",
    }


def test_user_feed_never_shows_other_peoples_meetings(meeting, council):
    services.booking_create(meeting=meeting, booked_by=council.officer, now=NOW)
    response = Client().get(
        reverse("committees:user-feed", args=[_token_for(council.staff)])
    )
    assert _events(response) == []


def test_feed_regenerate_retires_the_old_address(council):
    client = Client()
    client.force_login(council.officer)
    old = _token_for(council.officer)
    client.post(reverse("committees:feed-regenerate"))
    new = FeedToken.objects.get(user=council.officer).token
    assert new != old
    assert Client().get(f"/committees/feed/{old}.ics").status_code == 404
    assert Client().get(f"/committees/feed/{new}.ics").status_code == 200
