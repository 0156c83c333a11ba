"""Statutory and working deadlines worked back (and forward) from a meeting date.

A committee's agenda must be published at least five *clear* working days before
the meeting (Local Government Act 1972 s.100B): the days strictly between the day
of publication and the day of the meeting count, and weekends and bank holidays
do not. A meeting on Monday 4 January 2027 therefore needs its agenda out by
Tuesday 22 December 2026, because 25 and 28 December and 1 January are bank
holidays. Nothing here reads the clock or the database: the caller passes the
meeting time and a working calendar from `helpdesk.sla`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import TextChoices

from helpdesk.sla import WorkingCalendar

#: Clear working days the law requires between publication and the meeting.
CLEAR_DAYS_BEFORE_MEETING = 5

_ONE_DAY = timedelta(days=1)


class MilestoneKind(TextChoices):
    REPORTS = "reports", "Report deadline"
    PUBLICATION = "publication", "Agenda published"
    AGENDA_PACKS = "agenda_packs", "Agenda packs printed"
    LEGAL_ADVISER = "legal_adviser", "Legal adviser confirmed"
    ROOM_SETUP = "room_setup", "Room set up"
    AV_SETUP = "av_setup", "Webcasting and AV set up"
    DRAFT_MINUTES = "draft_minutes", "Draft minutes circulated"


@dataclass(frozen=True)
class Milestone:
    """One deadline for a meeting: what, when, and which service area owns it."""

    kind: str
    label: str
    due_at: datetime
    owner: str

    @property
    def due_date(self) -> date:
        return self.due_at.date()


def _working_days(start: date, step: timedelta, calendar: WorkingCalendar):
    day = start + step
    while True:
        if calendar.is_working_day(day):
            yield day
        day += step


def working_days_before(d: date, days: int, calendar: WorkingCalendar) -> date:
    """Return the working day `days` working days before `d` (1: the one before).

    :raises ValueError: if `days` is less than 1
    """
    if days < 1:
        raise ValueError(f"days must be at least 1, got {days}.")
    for count, day in enumerate(_working_days(d, -_ONE_DAY, calendar), start=1):
        if count == days:
            return day
    raise AssertionError("unreachable: the calendar has a working weekday")


def working_days_after(d: date, days: int, calendar: WorkingCalendar) -> date:
    """Return the working day `days` working days after `d` (1: the one after).

    :raises ValueError: if `days` is less than 1
    """
    if days < 1:
        raise ValueError(f"days must be at least 1, got {days}.")
    for count, day in enumerate(_working_days(d, _ONE_DAY, calendar), start=1):
        if count == days:
            return day
    raise AssertionError("unreachable: the calendar has a working weekday")


def clear_working_days_between(
    first: date, last: date, calendar: WorkingCalendar
) -> int:
    """Return the working days strictly between two dates, neither end counted."""
    day, count = first + _ONE_DAY, 0
    while day < last:
        count += calendar.is_working_day(day)
        day += _ONE_DAY
    return count


def agenda_publication_date(
    meeting_date: date,
    calendar: WorkingCalendar,
    clear_days: int = CLEAR_DAYS_BEFORE_MEETING,
) -> date:
    """Return the last working day the agenda may be published on.

    The day of publication and the day of the meeting are not clear days, so the
    publication day is the working day before the `clear_days`-th working day
    before the meeting.
    """
    earliest_clear_day = working_days_before(meeting_date, clear_days, calendar)
    return working_days_before(earliest_clear_day, 1, calendar)


def _at(d: date, calendar: WorkingCalendar, *, closing: bool = True) -> datetime:
    span = calendar.hours.get(d.weekday())
    moment = (span[1] if closing else span[0]) if span else time(17)
    return datetime.combine(d, moment, tzinfo=calendar.tz)


def meeting_milestones(
    *,
    starts_at: datetime,
    calendar: WorkingCalendar,
    report_working_days: int = 10,
    minutes_working_days: int = 5,
) -> list[Milestone]:
    """Return the meeting's milestones in date order.

    Each is due at the close of its working day, except the agenda packs, which
    must be printed when the publication day opens so they go out with it.

    :raises ValueError: if `starts_at` is naive or a number of days is below 1
    """
    if starts_at.tzinfo is None or starts_at.utcoffset() is None:
        raise ValueError(f"starts_at must be timezone-aware, got {starts_at!r}.")
    meeting_date = starts_at.astimezone(calendar.tz).date()
    published = agenda_publication_date(meeting_date, calendar)
    day_before = working_days_before(meeting_date, 1, calendar)
    kinds = MilestoneKind
    milestones = [
        (
            kinds.REPORTS,
            _at(
                working_days_before(meeting_date, report_working_days, calendar),
                calendar,
            ),
            "democratic-services",
        ),
        (kinds.AGENDA_PACKS, _at(published, calendar, closing=False), "pa-support"),
        (kinds.PUBLICATION, _at(published, calendar), "democratic-services"),
        (kinds.LEGAL_ADVISER, _at(published, calendar), "legal"),
        (kinds.ROOM_SETUP, _at(day_before, calendar), "pa-support"),
        (kinds.AV_SETUP, _at(day_before, calendar), "digital"),
        (
            kinds.DRAFT_MINUTES,
            _at(
                working_days_after(meeting_date, minutes_working_days, calendar),
                calendar,
            ),
            "pa-support",
        ),
    ]
    return sorted(
        (
            Milestone(kind=kind.value, label=kind.label, due_at=due_at, owner=owner)
            for kind, due_at, owner in milestones
        ),
        key=lambda milestone: milestone.due_at,
    )
