"""The date range a report covers, in whole days in Europe/London (pure)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from helpdesk.sla import LONDON

DEFAULT_WEEKS = 12
MAX_DAYS = 731


@dataclass(frozen=True)
class Period:
    """The days from ``from_date`` to ``to_date``, both included."""

    from_date: date
    to_date: date

    @property
    def start_at(self) -> datetime:
        return datetime.combine(self.from_date, time.min, tzinfo=LONDON)

    @property
    def end_at(self) -> datetime:
        """Return the first moment after the period: midnight after ``to_date``."""
        return datetime.combine(self.to_date + timedelta(days=1), time.min, LONDON)

    def as_at(self, now: datetime) -> datetime:
        """Return the moment backlog and overdue figures are measured at."""
        return min(self.end_at, now)

    def week_starts(self) -> list[date]:
        """Return the Monday of every week the period touches, in order."""
        monday = self.from_date - timedelta(days=self.from_date.weekday())
        weeks = []
        while monday <= self.to_date:
            weeks.append(monday)
            monday += timedelta(weeks=1)
        return weeks


def default_period(*, today: date) -> Period:
    """Return the last twelve whole weeks up to and including today."""
    return Period(today - timedelta(weeks=DEFAULT_WEEKS) + timedelta(days=1), today)
