"""Starting, pausing and resuming a case's SLA clock."""

from __future__ import annotations

from datetime import datetime

from helpdesk import calendars, sla
from helpdesk.models import Case, Priority, RequestType

PRIORITY_ORDER = (Priority.LOW, Priority.NORMAL, Priority.HIGH, Priority.URGENT)
WARNING_FRACTION = 0.75


def calendar_for(request_type: RequestType) -> sla.WorkingCalendar:
    """Return the working calendar of the request type's SLA policy, or the default."""
    policy = request_type.sla_policy
    return calendars.working_calendar(policy.calendar if policy else None)


def case_calendar(case: Case) -> sla.WorkingCalendar:
    return calendar_for(case.request_type)


def clock_start(*, case: Case, now: datetime) -> None:
    """Set the first-response and resolution due times, and their warnings."""
    policy = case.request_type.sla_policy
    target = policy.target_for(case.priority) if policy else None
    if target is None:
        return
    calendar = calendar_for(case.request_type)
    case.first_response_due_at = sla.deadline(
        start=now, seconds=_seconds(target.first_response_hours), calendar=calendar
    )
    case.resolution_due_at = sla.deadline(
        start=now, seconds=_seconds(target.resolution_hours), calendar=calendar
    )
    case.sla_warning_due_at = sla.warning_at(
        start=now,
        due_at=case.resolution_due_at,
        calendar=calendar,
        fraction=WARNING_FRACTION,
    )
    case.first_response_warning_due_at = sla.warning_at(
        start=now,
        due_at=case.first_response_due_at,
        calendar=calendar,
        fraction=WARNING_FRACTION,
    )


def clock_pause(*, case: Case, now: datetime) -> None:
    """Stop the resolution clock, keeping the working time that was left."""
    if case.sla_paused_at is not None or case.resolution_due_at is None:
        return
    case.sla_remaining_seconds = sla.remaining_seconds(
        due_at=case.resolution_due_at, now=now, calendar=case_calendar(case)
    )
    case.sla_paused_at = now


def clock_resume(*, case: Case, now: datetime) -> None:
    """Restart the resolution clock with the working time left when it paused."""
    if case.sla_paused_at is None:
        return
    calendar = case_calendar(case)
    remaining = case.sla_remaining_seconds or 0
    warning_window = 0
    if case.sla_warning_due_at is not None:
        warning_window = sla.working_seconds_between(
            start=case.sla_warning_due_at, end=case.resolution_due_at, calendar=calendar
        )
    case.resolution_due_at = sla.deadline(
        start=now, seconds=remaining, calendar=calendar
    )
    case.sla_warning_due_at = sla.deadline(
        start=now, seconds=remaining - warning_window, calendar=calendar
    )
    case.sla_paused_at = None
    case.sla_remaining_seconds = None


def priority_raised(priority: str) -> str:
    """Return the next priority up; urgent stays urgent."""
    index = PRIORITY_ORDER.index(priority)
    return PRIORITY_ORDER[min(index + 1, len(PRIORITY_ORDER) - 1)]


def _seconds(hours) -> int:
    return round(hours * 3600)
