"""SLA arithmetic on working hours: deadlines, elapsed working time and warnings.

Working hours are local wall-clock hours in the calendar's time zone, so a
09:00-17:00 day is eight working hours whether the clocks show GMT or BST. The
functions step over whole weeks where no clock change falls, taking off the
closed dates in them, and walk the remaining days one at a time, so spans of
years stay fast even for a list of long-overdue cases. Nothing here reads the
clock: callers pass `now` and start times in. Pausing is the caller's job: on
pause store `remaining_seconds(due_at=..., now=paused_at)`; on resume set
`due_at = deadline(start=resumed_at, seconds=remaining)`.
"""

from __future__ import annotations

import bisect
import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from functools import cached_property, lru_cache
from zoneinfo import ZoneInfo

import holidays

LONDON = ZoneInfo("Europe/London")

#: Years of bank holidays a calendar knows when none are asked for.
DEFAULT_YEARS = range(2000, 2061)

_ONE_DAY = timedelta(days=1)
_ONE_WEEK = timedelta(days=7)
_ONE_SECOND = timedelta(seconds=1)
#: Below this many days a span is walked day by day; above, week by week.
_WEEKLY_FROM_DAYS = 14

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

    @cached_property
    def standard_day_seconds(self) -> int:
        """Return the length of a usual working day: the most common daily hours."""
        lengths = Counter(length for length in self._weekday_seconds if length)
        return max(lengths, key=lambda length: (lengths[length], length))

    @cached_property
    def _weekday_seconds(self) -> tuple[int, ...]:
        """Wall-clock working seconds per weekday, before closures and clock changes."""
        return tuple(
            _seconds(
                datetime.combine(date.min, span[1])
                - datetime.combine(date.min, span[0])
            )
            if (span := self.hours.get(weekday)) is not None
            else 0
            for weekday in range(7)
        )

    @cached_property
    def usual_week_seconds(self) -> int:
        """Return the working seconds of a week without closures or clock changes."""
        return sum(self._weekday_seconds)

    @cached_property
    def _sorted_closed_dates(self) -> tuple[date, ...]:
        return tuple(sorted(self.closed_dates))

    def day_seconds(self, d: date) -> int:
        """Return the working seconds of the whole date: 0 when closed."""
        span = self.working_span(d)
        return 0 if span is None else _seconds(span[1] - span[0])

    @cached_property
    def _weeks(self) -> dict[date, int]:
        return {}

    def week_seconds(self, first: date) -> int:
        """Return the working seconds of the seven days starting on `first`.

        Without a clock change in the week every open day has its wall-clock
        hours, so the week is its usual total less its closed dates; a week with
        a clock change is counted day by day. Weeks once counted are remembered,
        so a list of cases overdue by years counts each week once.
        """
        if (known := self._weeks.get(first)) is not None:
            return known
        after = first + _ONE_WEEK
        if self._midnight_offset(first) != self._midnight_offset(after):
            seconds = sum(self.day_seconds(first + n * _ONE_DAY) for n in range(7))
        else:
            closed = self._sorted_closed_dates
            closed_in_week = closed[
                bisect.bisect_left(closed, first) : bisect.bisect_left(closed, after)
            ]
            seconds = self.usual_week_seconds - sum(
                self._weekday_seconds[d.weekday()] for d in closed_in_week
            )
        self._weeks[first] = seconds
        return seconds

    def days_seconds(self, first: date, after: date) -> int:
        """Return the working seconds of the whole dates from `first` until `after`."""
        total = 0
        # Weeks from a Monday, so that spans ending on the same day share them.
        while first < after and first.weekday():
            total += self.day_seconds(first)
            first += _ONE_DAY
        while (after - first).days >= 7:
            total += self.week_seconds(first)
            first += _ONE_WEEK
        while first < after:
            total += self.day_seconds(first)
            first += _ONE_DAY
        return total

    def _midnight_offset(self, d: date) -> timedelta | None:
        return datetime.combine(d, time(), tzinfo=self.tz).utcoffset()


def _seconds(delta: timedelta) -> int:
    return delta // _ONE_SECOND


def _require_aware(**moments: datetime) -> None:
    for name, moment in moments.items():
        if moment.tzinfo is None or moment.utcoffset() is None:
            raise ValueError(f"{name} must be timezone-aware, got {moment!r}.")


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
    first_day = start.astimezone(calendar.tz).date()
    d = first_day
    while True:
        if d > first_day and remaining > calendar.usual_week_seconds:
            week = calendar.week_seconds(d)
            if remaining > week:
                remaining -= week
                d += _ONE_WEEK
                continue
        span = calendar.working_span(d)
        if span is not None and span[1] > start_utc:
            begin = max(span[0], start_utc)
            available = _seconds(span[1] - begin)
            if remaining <= available:
                return (begin + timedelta(seconds=remaining)).astimezone(calendar.tz)
            remaining -= available
        d += _ONE_DAY


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
    first_day = start.astimezone(calendar.tz).date()
    d = first_day
    while True:
        if d < first_day and remaining > calendar.usual_week_seconds:
            week = calendar.week_seconds(d - 6 * _ONE_DAY)
            if remaining > week:
                remaining -= week
                d -= _ONE_WEEK
                continue
        span = calendar.working_span(d)
        if span is not None and span[0] < start_utc:
            end = min(span[1], start_utc)
            available = _seconds(end - span[0])
            if remaining <= available:
                return (end - timedelta(seconds=remaining)).astimezone(calendar.tz)
            remaining -= available
        d -= _ONE_DAY


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
    first_day = start.astimezone(calendar.tz).date()
    last_day = end.astimezone(calendar.tz).date()

    def overlap(d: date) -> timedelta:
        span = calendar.working_span(d)
        if span is None:
            return timedelta()
        return max(min(span[1], end_utc) - max(span[0], start_utc), timedelta())

    if (last_day - first_day).days < _WEEKLY_FROM_DAYS:
        days = range((last_day - first_day).days + 1)
        return _seconds(
            sum((overlap(first_day + n * _ONE_DAY) for n in days), timedelta())
        )
    # Every day strictly between the first and the last lies wholly inside.
    between = calendar.days_seconds(first_day + _ONE_DAY, last_day)
    return _seconds(overlap(first_day) + timedelta(seconds=between) + overlap(last_day))


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
