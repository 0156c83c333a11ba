"""The case workflow: which status may follow which, and the reopen/close windows.

Pure: no database, and the clock is passed in.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.core.exceptions import ValidationError

from helpdesk.models.cases import Case
from helpdesk.sla import WorkingCalendar

Status = Case.Status

#: Each status and the statuses a case may move to from it.
TRANSITIONS: dict[str, frozenset[str]] = {
    Status.NEW: frozenset(
        {
            Status.OPEN,
            Status.AWAITING_REQUESTER,
            Status.AWAITING_APPROVAL,
            Status.ON_HOLD,
            Status.RESOLVED,
            Status.CLOSED,
            Status.CANCELLED,
        }
    ),
    Status.OPEN: frozenset(
        {
            Status.AWAITING_REQUESTER,
            Status.AWAITING_APPROVAL,
            Status.ON_HOLD,
            Status.RESOLVED,
            Status.CLOSED,
            Status.CANCELLED,
        }
    ),
    Status.AWAITING_REQUESTER: frozenset(
        {
            Status.OPEN,
            Status.ON_HOLD,
            Status.RESOLVED,
            Status.CLOSED,
            Status.CANCELLED,
        }
    ),
    Status.AWAITING_APPROVAL: frozenset(
        {Status.OPEN, Status.RESOLVED, Status.CLOSED, Status.CANCELLED}
    ),
    Status.ON_HOLD: frozenset(
        {
            Status.OPEN,
            Status.AWAITING_REQUESTER,
            Status.RESOLVED,
            Status.CLOSED,
            Status.CANCELLED,
        }
    ),
    Status.RESOLVED: frozenset({Status.OPEN, Status.CLOSED}),
    Status.CLOSED: frozenset(),
    Status.CANCELLED: frozenset(),
}

REOPEN_WORKING_DAYS = 10
AUTO_CLOSE_WORKING_DAYS = 5


def can_transition(from_status: str, to_status: str) -> bool:
    """Return whether a case may move from one status to the other."""
    return to_status in TRANSITIONS.get(from_status, frozenset())


def assert_transition(from_status: str, to_status: str) -> None:
    """Refuse a move the workflow does not allow.

    :raises ValidationError: on the ``status`` field, naming both statuses
    """
    if not can_transition(from_status, to_status):
        raise ValidationError(
            {
                "status": (
                    f'A case cannot go from "{Status(from_status).label}" to '
                    f'"{Status(to_status).label}".'
                )
            }
        )


def end_of_working_days(
    *, start: datetime, days: int, calendar: WorkingCalendar
) -> datetime:
    """Return the end of the `days`-th working day after the day of `start`."""
    day = start.astimezone(calendar.tz).date()
    counted = 0
    while counted < days:
        day += timedelta(days=1)
        if calendar.is_working_day(day):
            counted += 1
    return datetime.combine(day + timedelta(days=1), time(0), tzinfo=calendar.tz)


def reopen_until(*, resolved_at: datetime, calendar: WorkingCalendar) -> datetime:
    """Return when the requester's chance to reopen a resolved case ends."""
    return end_of_working_days(
        start=resolved_at, days=REOPEN_WORKING_DAYS, calendar=calendar
    )


def can_reopen(
    *, resolved_at: datetime, now: datetime, calendar: WorkingCalendar
) -> bool:
    """Return whether a case resolved at `resolved_at` may still be reopened."""
    return now < reopen_until(resolved_at=resolved_at, calendar=calendar)


def auto_close_at(*, resolved_at: datetime, calendar: WorkingCalendar) -> datetime:
    """Return when a resolved case closes by itself."""
    return end_of_working_days(
        start=resolved_at, days=AUTO_CLOSE_WORKING_DAYS, calendar=calendar
    )
