"""RFC 5545 calendars of meetings and their deadlines, in Europe/London time."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from urllib.parse import urlsplit

import icalendar
from django.conf import settings

from helpdesk import sla
from helpdesk.committees.models import Meeting
from helpdesk.committees.selectors import FeedEntry

PRODID = "-//Avonford Borough Council//Committee calendar//EN"
_STATUS = {
    Meeting.Status.SCHEDULED: "TENTATIVE",
    Meeting.Status.CONFIRMED: "CONFIRMED",
    Meeting.Status.HELD: "CONFIRMED",
    Meeting.Status.CANCELLED: "CANCELLED",
}


def _domain() -> str:
    return urlsplit(settings.SITE_URL).hostname or "localhost"


def meeting_uid(meeting: Meeting) -> str:
    """Return the meeting's UID, unchanged however often the feed is fetched."""
    return f"committee-meeting-{meeting.pk}@{_domain()}"


def milestone_uid(meeting: Meeting, kind: str) -> str:
    return f"committee-meeting-{meeting.pk}-{kind}@{_domain()}"


def _london(moment: datetime) -> datetime:
    return moment.astimezone(sla.LONDON)


def _meeting_event(meeting: Meeting, url: str) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", meeting_uid(meeting))
    event.add("dtstamp", meeting.updated_at)
    event.add("dtstart", _london(meeting.start_at))
    event.add("dtend", _london(meeting.end_at))
    event.add("summary", meeting.title or str(meeting.committee))
    event.add("location", str(meeting.venue) if meeting.venue_id else "")
    event.add("status", _STATUS[meeting.status])
    event.add("class", "PUBLIC" if meeting.is_public else "CONFIDENTIAL")
    event.add("description", f"{meeting.committee} meeting.\n{url}")
    event.add("url", url)
    return event


def _milestone_event(meeting: Meeting, milestone, url: str) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", milestone_uid(meeting, milestone.kind))
    event.add("dtstamp", meeting.updated_at)
    # No DTEND: RFC 5545 reads a date-time DTSTART alone as a moment, a deadline.
    event.add("dtstart", _london(milestone.due_at))
    event.add("summary", f"{milestone.label}: {meeting}")
    event.add("description", f"Deadline for {meeting}.\n{url}")
    event.add("url", url)
    event.add("categories", ["Deadline"])
    return event


def calendar_build(
    *, name: str, entries: Iterable[FeedEntry], url_for, now: datetime
) -> bytes:
    """Return an iCalendar file of the meetings and their milestones.

    :param url_for: returns a meeting's absolute address
    """
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/London")
    days: list[date] = [now.date()]
    for entry in entries:
        url = url_for(entry.meeting)
        calendar.add_component(_meeting_event(entry.meeting, url))
        days.append(entry.meeting.start_at.date())
        for milestone in entry.milestones:
            calendar.add_component(_milestone_event(entry.meeting, milestone, url))
            days.append(milestone.due_at.date())
    calendar.add_missing_timezones(
        first_date=min(days) - timedelta(days=366),
        last_date=max(days) + timedelta(days=366),
    )
    return calendar.to_ical()
