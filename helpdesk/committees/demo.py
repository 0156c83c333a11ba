"""Avonford's committees, venues and the coming months' meetings, for the demo."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.text import slugify

from helpdesk import sla
from helpdesk.committees import selectors, services
from helpdesk.committees.models import Committee, Meeting, SupportBooking, Venue

# name, capacity, webcasting, hearing loop
VENUES = [
    ("Council Chamber", 120, True, True),
    ("Committee Room 1", 30, False, True),
    ("Committee Room 2", 20, False, False),
    ("The Mayor's Parlour", 12, False, False),
]

# name, clerk username, usual venue, legal adviser, start hour, weeks between meetings
COMMITTEES = [
    ("Full Council", "andrew.pike", "Council Chamber", False, 19, 8),
    ("Cabinet", "democratic", "Council Chamber", False, 18, 4),
    ("Planning North", "kevin.doyle", "Council Chamber", True, 10, 4),
    ("Planning South", "democratic", "Committee Room 1", True, 14, 4),
    ("Licensing", "kevin.doyle", "Committee Room 1", True, 10, 6),
    ("Audit & Governance", "andrew.pike", "Committee Room 2", False, 14, 8),
    ("Overview & Scrutiny", "democratic", "Committee Room 1", False, 18, 6),
    ("Standards", "andrew.pike", "The Mayor's Parlour", False, 16, 12),
]

MEETINGS_PER_COMMITTEE = 3
BOOKER = "democratic"


def _venues() -> dict[str, Venue]:
    venues = {}
    for name, capacity, webcasting, hearing_loop in VENUES:
        venues[name], _ = Venue.objects.get_or_create(
            name=name,
            defaults={
                "capacity": capacity,
                "webcasting": webcasting,
                "hearing_loop": hearing_loop,
            },
        )
    return venues


def _committees(venues: dict[str, Venue]) -> list[tuple[Committee, int, int]]:
    people = get_user_model().objects.in_bulk(
        [row[1] for row in COMMITTEES], field_name="username"
    )
    committees = []
    for name, clerk, venue, legal, hour, weeks in COMMITTEES:
        committee, _ = Committee.objects.get_or_create(
            slug=slugify(name.replace("&", "and")),
            defaults={
                "name": name,
                "clerk": people.get(clerk),
                "default_venue": venues[venue],
                "needs_legal_adviser": legal,
            },
        )
        committees.append((committee, hour, weeks))
    return committees


def _free_day(day: date, taken: set[date], calendar: sla.WorkingCalendar) -> date:
    # One meeting a day keeps the demo free of clashes between shared clerks.
    while not calendar.is_working_day(day) or day in taken:
        day += timedelta(days=1)
    taken.add(day)
    return day


def _meetings(committees, *, today: date, now: datetime) -> int:
    calendar = selectors.working_calendar()
    taken: set[date] = set()
    created = 0
    for offset, (committee, hour, weeks) in enumerate(committees):
        for number in range(MEETINGS_PER_COMMITTEE):
            wanted = today + timedelta(days=14 + offset * 2 + number * weeks * 7)
            day = _free_day(wanted, taken, calendar)
            start_at = datetime.combine(day, time(hour), tzinfo=sla.LONDON)
            services.meeting_create(
                committee=committee,
                start_at=start_at,
                end_at=start_at + timedelta(hours=2, minutes=30),
                status=(
                    Meeting.Status.CONFIRMED
                    if number == 0
                    else Meeting.Status.SCHEDULED
                ),
                now=now,
            )
            created += 1
    return created


def _bookings(*, now: datetime, log: Callable[[str], None]) -> int:
    booker = get_user_model().objects.filter(username=BOOKER).first()
    if booker is None:
        return 0
    made = 0
    for slug, needs in [
        ("planning-north", {"webcasting": True, "legal_adviser": True}),
        ("cabinet", {"webcasting": True, "agenda_pack_count": 15}),
    ]:
        meeting = (
            Meeting.objects.filter(committee__slug=slug, start_at__gt=now)
            .order_by("start_at")
            .first()
        )
        if meeting is None:
            continue
        try:
            services.booking_create(
                meeting=meeting,
                booked_by=booker,
                refreshments=True,
                now=now,
                **needs,
            )
        except (PermissionDenied, ValidationError) as exc:
            log(f"Committee booking for {meeting} skipped: {exc}")
            continue
        made += 1
    return made


def demo_committees_seed(*, log: Callable[[str], None] = lambda message: None) -> None:
    """Create the venues, committees and meetings, and book support for two.

    Meetings are only added when there are none yet, and bookings only when
    there are none, so running it again changes nothing.
    """
    now = timezone.now()
    committees = _committees(_venues())
    if not Meeting.objects.exists():
        today = now.astimezone(sla.LONDON).date()
        count = _meetings(committees, today=today, now=now)
        log(f"Committee meetings: {count} created")
    if not SupportBooking.objects.exists():
        log(f"Committee bookings: {_bookings(now=now, log=log)} created")
