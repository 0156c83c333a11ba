"""Reads about committee meetings: the calendar, deadlines, and who may book."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Q, QuerySet

from helpdesk import selectors as case_selectors
from helpdesk import sla
from helpdesk.committees import deadlines
from helpdesk.committees.models import (
    BookingItem,
    Committee,
    FeedToken,
    Meeting,
    SupportBooking,
)
from intranet.roles import Role, user_has_role

BOOKING_TEAM_SLUG = "governance-and-democratic-services"

#: Milestones everyone following a committee needs, whoever does the work.
PUBLIC_MILESTONES = frozenset(
    {deadlines.MilestoneKind.REPORTS, deadlines.MilestoneKind.PUBLICATION}
)


def user_can_book(user) -> bool:
    """Return whether the user may book committee support and move meetings.

    Democratic services officers may, and so may everyone in the Governance &
    Democratic Services team.
    """
    if not (user and user.is_authenticated and user.is_active):
        return False
    if user_has_role(user, Role.DEMOCRATIC_SERVICES):
        return True
    return bool(user.team_id and user.team.slug == BOOKING_TEAM_SLUG)


def working_calendar() -> sla.WorkingCalendar:
    """Return the calendar statutory deadlines run on: weekdays, no bank holidays."""
    return sla.england_and_wales_calendar()


def _meetings() -> QuerySet:
    return Meeting.objects.select_related("committee", "venue", "clerk")


def meetings_between(
    *, start_date: date, end_date: date, committee: Committee | None = None
) -> QuerySet:
    """Return meetings starting on or after `start_date` and before `end_date`."""
    start_at = datetime.combine(start_date, time.min, tzinfo=sla.LONDON)
    end_at = datetime.combine(end_date, time.min, tzinfo=sla.LONDON)
    meetings = _meetings().filter(start_at__gte=start_at, start_at__lt=end_at)
    return meetings.filter(committee=committee) if committee else meetings


def meetings_upcoming(*, now: datetime, committee: Committee | None = None):
    """Return meetings from the start of today onwards."""
    today = now.astimezone(sla.LONDON).date()
    return meetings_between(
        start_date=today, end_date=today + timedelta(days=3660), committee=committee
    )


def meeting_get(*, pk: int) -> Meeting:
    """Return one meeting with its committee, venue and clerk.

    :raises Meeting.DoesNotExist: if there is none
    """
    return _meetings().get(pk=pk)


def committee_get(*, slug: str) -> Committee:
    """Return the committee with this slug.

    :raises Committee.DoesNotExist: if there is none
    """
    return Committee.objects.get(slug=slug)


def meeting_milestones(*, meeting: Meeting) -> list[deadlines.Milestone]:
    """Return the meeting's milestones on the statutory working calendar."""
    committee = meeting.committee
    return deadlines.meeting_milestones(
        starts_at=meeting.start_at,
        calendar=working_calendar(),
        report_working_days=committee.report_deadline_working_days,
        minutes_working_days=committee.minutes_due_working_days,
    )


def booking_for(*, meeting: Meeting) -> SupportBooking | None:
    """Return the meeting's support booking, if it has one."""
    return (
        SupportBooking.objects.select_related("parent_case", "booked_by")
        .filter(meeting=meeting)
        .first()
    )


@dataclass(frozen=True)
class BookedCase:
    """A booked item's case as one viewer sees it: the case only if they may."""

    label: str
    reference: str | None
    case: object | None


def booking_cases_for(*, user, booking: SupportBooking) -> list[BookedCase]:
    """Return the booking's cases, hiding any the user may not see."""
    visible = set(
        case_selectors.case_list_visible_to(user=user)
        .filter(
            Q(pk=booking.parent_case_id)
            | Q(pk__in=booking.items.values("child_case_id"))
        )
        .values_list("pk", flat=True)
    )
    rows = [("Booking", booking.parent_case)]
    items = booking.items.select_related("child_case")
    rows += [(item.get_kind_display(), item.child_case) for item in items]
    return [
        BookedCase(label, case.reference, case)
        if case.pk in visible
        else BookedCase(label, None, None)
        for label, case in rows
    ]


def feed_token_user(*, token: str):
    """Return the active user whose feed token this is, or None."""
    if not token or len(token) > 64:
        return None
    found = FeedToken.objects.select_related("user").filter(token=token).first()
    if found is None or not found.user.is_active:
        return None
    return found.user


def feed_token_for(*, user) -> FeedToken | None:
    return FeedToken.objects.filter(user=user).first()


@dataclass(frozen=True)
class FeedEntry:
    """A meeting in someone's feed, with the milestones that concern them."""

    meeting: Meeting
    milestones: list[deadlines.Milestone]


def feed_for_committee(*, committee: Committee) -> list[FeedEntry]:
    """Return the committee's meetings with the deadlines report authors work to."""
    entries = []
    for meeting in _meetings().filter(committee=committee):
        milestones = [
            m
            for m in meeting_milestones(meeting=meeting)
            if m.kind in PUBLIC_MILESTONES and not meeting.is_cancelled
        ]
        entries.append(FeedEntry(meeting, milestones))
    return entries


def feed_for_user(*, user) -> list[FeedEntry]:
    """Return the meetings the user books, clerks or works a case for.

    Bookers and clerks get every milestone of the meeting; someone assigned an
    item's case gets that item's milestone only.
    """
    assigned = BookingItem.objects.filter(child_case__assignee=user).values_list(
        "booking__meeting_id", "milestone"
    )
    assigned_milestones: dict[int, set[str]] = {}
    for meeting_id, kind in assigned:
        assigned_milestones.setdefault(meeting_id, set()).add(kind)
    meetings = (
        _meetings()
        .select_related("booking")
        .filter(
            Q(booking__booked_by=user)
            | Q(clerk=user)
            | Q(pk__in=list(assigned_milestones))
        )
    )
    entries = []
    for meeting in meetings.distinct():
        owns_all = meeting.clerk_id == user.pk or _booked_by(meeting, user)
        milestones = []
        if not meeting.is_cancelled:
            milestones = [
                m
                for m in meeting_milestones(meeting=meeting)
                if owns_all or m.kind in assigned_milestones.get(meeting.pk, ())
            ]
        entries.append(FeedEntry(meeting, milestones))
    return entries


def _booked_by(meeting: Meeting, user) -> bool:
    booking = getattr(meeting, "booking", None)
    return booking is not None and booking.booked_by_id == user.pk
