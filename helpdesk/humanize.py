"""Due times in words: "due in 3 working hours", "overdue by 2 working days"."""

from datetime import datetime

from helpdesk import sla

_MINUTE = 60
_HOUR = 60 * _MINUTE


def _amount(count: int, unit: str) -> str:
    return f"{count} working {unit}{'' if count == 1 else 's'}"


def _duration(seconds: int, day_seconds: int) -> str:
    # Whole units, rounded down, so a case is never described as having more
    # time left (or as being later) than it really is.
    if seconds >= day_seconds:
        return _amount(seconds // day_seconds, "day")
    if seconds >= _HOUR:
        return _amount(seconds // _HOUR, "hour")
    return _amount(seconds // _MINUTE, "minute")


def due_phrase(
    *, due_at: datetime, now: datetime, calendar: sla.WorkingCalendar
) -> str:
    """Describe how long until, or since, `due_at` in the calendar's working time.

    A working day is the calendar's usual daily hours. Up to a working minute
    before the due time reads "due now"; a due time passed by less than a working
    minute, such as a Friday 17:00 deadline seen on Saturday, reads "overdue".
    """
    remaining = sla.remaining_seconds(due_at=due_at, now=now, calendar=calendar)
    if abs(remaining) < _MINUTE:
        return "overdue" if now > due_at else "due now"
    duration = _duration(abs(remaining), calendar.standard_day_seconds)
    return f"due in {duration}" if remaining > 0 else f"overdue by {duration}"
