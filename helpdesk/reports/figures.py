"""Arithmetic on aggregated figures: rates, medians and age bands (pure)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal


@dataclass(frozen=True)
class AgeBand:
    """Cases open for at least ``min_days`` and fewer than ``max_days`` days."""

    label: str
    min_days: int
    max_days: int | None


#: Backlog age in calendar days since the case was opened.
AGE_BANDS = (
    AgeBand("0 to 2 days", 0, 3),
    AgeBand("3 to 5 days", 3, 6),
    AgeBand("6 to 10 days", 6, 11),
    AgeBand("11 to 20 days", 11, 21),
    AgeBand("More than 20 days", 21, None),
)


def percent(part: int, whole: int) -> float | None:
    """Return part as a percentage of whole to one decimal place, or None if empty."""
    if not whole:
        return None
    return round(100 * part / whole, 1)


def self_service_rate(*, deflections: int, cases: int) -> float | None:
    """Return the percentage of needs met without a case."""
    return percent(deflections, deflections + cases)


def hours(value: timedelta | None) -> float | None:
    """Return a duration in hours to one decimal place; None stays None."""
    if value is None:
        return None
    return round(value.total_seconds() / 3600, 1)


def median_hours(middle: list[timedelta], count: int) -> float | None:
    """Return the median in hours from the one or two middle values of ``count``."""
    if not count or not middle:
        return None
    values = middle[:1] if count % 2 else middle[:2]
    return hours(sum(values, timedelta()) / len(values))


def cost_avoided(*, deflections: int, cost_per_case: Decimal) -> Decimal:
    """Return what the requests self-service met would have cost as cases."""
    return (cost_per_case * deflections).quantize(Decimal("0.01"))
