"""SLA arithmetic on working hours: deadlines, elapsed working time and warnings.

Working hours are local wall-clock hours in the calendar's time zone, so a
09:00-17:00 day is eight working hours whether the clocks show GMT or BST. The
functions walk the calendar one day at a time, never minute by minute, so spans
of years stay fast. Nothing here reads the clock: callers pass `now` and start
times in. Pausing is the caller's job: on pause store
`remaining_seconds(due_at=..., now=paused_at)`; on resume set
`due_at = deadline(start=resumed_at, seconds=remaining)`.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

LONDON = ZoneInfo("Europe/London")

#: Years of bank holidays a calendar knows when none are asked for.
DEFAULT_YEARS = range(2000, 2061)

_ONE_DAY = timedelta(days=1)
_ONE_SECOND = timedelta(seconds=1)

WorkingHours = tuple[time, time] | None


@dataclass(frozen=True)
class WorkingCalendar:
    """Opening hours per weekday (0 is Monday; None is closed) and closed dates."""

    hours: Mapping[int, WorkingHours]
    closed_dates: frozenset[date] = field(default_factory=frozenset)
    tz: ZoneInfo = LONDON

    def __post_init__(self) -> None:
        open_days = 0
        for weekday, span in self.hours.items():
            if weekday not in range(7):
                raise ValueError(f"Weekday {weekday} is not between 0 and 6.")
            if span is None:
                continue
            opening, closing = span
            if opening >= closing:
                raise ValueError(
                    f"Weekday {weekday} opens at {opening} but closes at {closing}."
                )
            open_days += 1
        if not open_days:
            raise ValueError("A working calendar needs at least one working weekday.")

    def is_working_day(self, d: date) -> bool:
        """Return whether the calendar is open at some time on the date."""
        return self.hours.get(d.weekday()) is not None and d not in self.closed_dates

    def working_span(self, d: date) -> tuple[datetime, datetime] | None:
        """Return the opening and closing moments of the date in UTC, if open."""
        if not self.is_working_day(d):
            return None
        opening, closing = self.hours[d.weekday()]
        return (
            datetime.combine(d, opening, tzinfo=self.tz).astimezone(UTC),
            datetime.combine(d, closing, tzinfo=self.tz).astimezone(UTC),
        )

    @property
    def standard_day_seconds(self) -> int:
        """Return the length of a usual working day: the most common daily hours."""
        lengths = Counter(
            _seconds(
                datetime.combine(date.min, span[1])
                - datetime.combine(date.min, span[0])
            )
            for span in self.hours.values()
            if span is not None
        )
        return max(lengths, key=lambda length: (lengths[length], length))


def _seconds(delta: timedelta) -> int:
    return delta // _ONE_SECOND


def _require_aware(**moments: datetime) -> None:
    for name, moment in moments.items():
        if moment.tzinfo is None or moment.utcoffset() is None:
            raise ValueError(f"{name} must be timezone-aware, got {moment!r}.")


def _days_from(d: date, step: timedelta) -> Iterator[date]:
    while True:
        yield d
        d += step


def deadline(
    *,
    start: datetime,
    calendar: WorkingCalendar,
    seconds: int | None = None,
    hours: Decimal | float | None = None,
) -> datetime:
    """Return the moment `seconds` (or `hours`) of working time after `start`.

    A start outside working hours starts the clock at the next opening. Negative
    amounts count backwards, so a clock paused while overdue resumes overdue.

    :raises ValueError: unless exactly one of `seconds` and `hours` is given, or
        if `start` is naive
    """
    if (seconds is None) == (hours is None):
        raise ValueError("Give exactly one of seconds and hours.")
    if seconds is None:
        seconds = round(Decimal(str(hours)) * 3600)
    _require_aware(start=start)
    if seconds < 0:
        return _deadline_backwards(start=start, seconds=-seconds, calendar=calendar)
    start_utc = start.astimezone(UTC)
    remaining = seconds
    for d in _days_from(start.astimezone(calendar.tz).date(), _ONE_DAY):
        span = calendar.working_span(d)
        if span is None or span[1] <= start_utc:
            continue
        begin = max(span[0], start_utc)
        available = _seconds(span[1] - begin)
        if remaining <= available:
            return (begin + timedelta(seconds=remaining)).astimezone(calendar.tz)
        remaining -= available
    raise AssertionError("unreachable: the calendar has a working weekday")


def deadline_hours(
    *, start: datetime, hours: Decimal | float, calendar: WorkingCalendar
) -> datetime:
    """Return the moment `hours` working hours after `start`."""
    return deadline(start=start, hours=hours, calendar=calendar)


def _deadline_backwards(
    *, start: datetime, seconds: int, calendar: WorkingCalendar
) -> datetime:
    start_utc = start.astimezone(UTC)
    remaining = seconds
    for d in _days_from(start.astimezone(calendar.tz).date(), -_ONE_DAY):
        span = calendar.working_span(d)
        if span is None or span[0] >= start_utc:
            continue
        end = min(span[1], start_utc)
        available = _seconds(end - span[0])
        if remaining <= available:
            return (end - timedelta(seconds=remaining)).astimezone(calendar.tz)
        remaining -= available
    raise AssertionError("unreachable: the calendar has a working weekday")


def working_seconds_between(
    *, start: datetime, end: datetime, calendar: WorkingCalendar
) -> int:
    """Return the whole working seconds from `start` to `end`; 0 if end <= start.

    :raises ValueError: if either moment is naive
    """
    _require_aware(start=start, end=end)
    start_utc, end_utc = start.astimezone(UTC), end.astimezone(UTC)
    if end_utc <= start_utc:
        return 0
    last_day = end.astimezone(calendar.tz).date()
    total = timedelta()
    for d in _days_from(start.astimezone(calendar.tz).date(), _ONE_DAY):
        if d > last_day:
            break
        span = calendar.working_span(d)
        if span is None:
            continue
        overlap = min(span[1], end_utc) - max(span[0], start_utc)
        if overlap > timedelta():
            total += overlap
    return _seconds(total)


def remaining_seconds(
    *, due_at: datetime, now: datetime, calendar: WorkingCalendar
) -> int:
    """Return the working seconds left until `due_at`, negative once overdue."""
    if now <= due_at:
        return working_seconds_between(start=now, end=due_at, calendar=calendar)
    return -working_seconds_between(start=due_at, end=now, calendar=calendar)


def warning_at(
    *,
    start: datetime,
    due_at: datetime,
    calendar: WorkingCalendar,
    fraction: float = 0.75,
) -> datetime:
    """Return the moment `fraction` of the working time from start to due is used.

    :raises ValueError: if `fraction` is not between 0 and 1
    """
    if not 0 <= fraction <= 1:
        raise ValueError(f"fraction must be between 0 and 1, got {fraction}.")
    total = working_seconds_between(start=start, end=due_at, calendar=calendar)
    moment = deadline(
        start=start, seconds=math.ceil(total * fraction), calendar=calendar
    )
    return min(moment, due_at) if due_at >= start else due_at


@lru_cache(maxsize=16)
def _bank_holidays(years: tuple[int, ...]) -> frozenset[date]:
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=years))


def england_and_wales_bank_holidays(
    years: Iterable[int] | None = None,
) -> frozenset[date]:
    """Return England and Wales bank holidays, substitute days included."""
    return _bank_holidays(tuple(sorted(set(years or DEFAULT_YEARS))))


def england_and_wales_calendar(
    *,
    years: Iterable[int] | None = None,
    opening: time = time(9),
    closing: time = time(17),
    extra_closures: Iterable[date] = (),
) -> WorkingCalendar:
    """Return a Monday to Friday calendar closed on England and Wales bank holidays.

    :raises ValueError: if `opening` is not before `closing`
    """
    return WorkingCalendar(
        hours={
            weekday: (opening, closing) if weekday < 5 else None for weekday in range(7)
        },
        closed_dates=england_and_wales_bank_holidays(years) | frozenset(extra_closures),
    )
