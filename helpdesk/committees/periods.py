"""Months and weeks of the meeting calendar, read from query strings."""

from __future__ import annotations

import calendar as std_calendar
from dataclasses import dataclass
from datetime import date, timedelta

MIN_YEAR, MAX_YEAR = 2000, 2100
WEEKDAY_NAMES = tuple(std_calendar.day_name)


class PeriodError(ValueError):
    """A month or week asked for in the address is not one the calendar shows."""


@dataclass(frozen=True)
class Month:
    year: int
    month: int

    @property
    def first(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def after(self) -> date:
        """Return the first day of the next month."""
        return (self.first + timedelta(days=31)).replace(day=1)

    @property
    def previous(self) -> Month:
        before = self.first - timedelta(days=1)
        return Month(before.year, before.month)

    @property
    def next(self) -> Month:
        return Month(self.after.year, self.after.month)

    def weeks(self) -> list[list[date]]:
        """Return the weeks the month touches, Monday first, as lists of 7 dates."""
        return std_calendar.Calendar(firstweekday=0).monthdatescalendar(
            self.year, self.month
        )


def _number(value: str, name: str) -> int:
    if not value.isascii() or not value.isdigit() or len(value) > 4:
        raise PeriodError(f"{name} must be a number.")
    return int(value)


def month_parse(year: str | None, month: str | None, *, today: date) -> Month:
    """Return the month asked for; missing parts default to today's month.

    :raises PeriodError: for a month outside 1-12 or a year outside the calendar
    """
    y = _number(year, "year") if year else today.year
    m = _number(month, "month") if month else today.month
    if not 1 <= m <= 12:
        raise PeriodError("month must be between 1 and 12.")
    if not MIN_YEAR <= y <= MAX_YEAR:
        raise PeriodError(f"year must be between {MIN_YEAR} and {MAX_YEAR}.")
    return Month(y, m)


def week_parse(value: str | None, *, today: date) -> date:
    """Return the Monday of the week containing the ISO date asked for, or today.

    :raises PeriodError: for anything but a valid YYYY-MM-DD date in range
    """
    if not value:
        day = today
    else:
        try:
            day = date.fromisoformat(value)
        except ValueError as exc:
            raise PeriodError("date must look like 2026-06-16.") from exc
        if not MIN_YEAR <= day.year <= MAX_YEAR or len(value) != 10:
            raise PeriodError("date must look like 2026-06-16.")
    return day - timedelta(days=day.weekday())
