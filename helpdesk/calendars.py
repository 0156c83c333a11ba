"""Build the pure working calendar an SLA runs on from a stored business calendar."""

from django.core.cache import cache

from helpdesk import sla
from helpdesk.models import BusinessCalendar

_CACHE_SECONDS = 24 * 60 * 60


def _build(business_calendar: BusinessCalendar) -> sla.WorkingCalendar:
    closed = frozenset(business_calendar.closure_days.values_list("date", flat=True))
    if business_calendar.use_bank_holidays:
        closed |= sla.england_and_wales_bank_holidays()
    return sla.WorkingCalendar(
        hours=business_calendar.weekly_hours(), closed_dates=closed, tz=sla.LONDON
    )


def working_calendar(business_calendar: BusinessCalendar | None) -> sla.WorkingCalendar:
    """Return the working calendar for `business_calendar`, or the default one.

    The default is Monday to Friday, 09:00 to 17:00, closed on England and Wales
    bank holidays. Built calendars are cached under the calendar's `updated_at`,
    which saving the calendar or any of its closure days moves on, so an edit is
    never served stale and no process needs telling.
    """
    if business_calendar is None:
        return sla.england_and_wales_calendar()
    key = (
        f"helpdesk:working-calendar:{business_calendar.pk}:"
        f"{business_calendar.updated_at.isoformat()}"
    )
    return cache.get_or_set(key, lambda: _build(business_calendar), _CACHE_SECONDS)
