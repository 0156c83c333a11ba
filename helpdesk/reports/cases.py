"""Case figures for the reports, aggregated in the database.

Every figure counts all cases, confidential ones included: totals never reveal
which case is which. Nothing here loads case rows into Python.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db import connection
from django.db.models import (
    Aggregate,
    Count,
    DurationField,
    ExpressionWrapper,
    F,
    Q,
    QuerySet,
    When,
    Window,
)
from django.db.models import Case as Choose
from django.db.models import Value as V
from django.db.models.functions import RowNumber, TruncWeek

from helpdesk.models import Case
from helpdesk.reports import figures
from helpdesk.reports.periods import Period
from helpdesk.sla import LONDON
from intranet.models import ServiceArea

Status = Case.Status
#: The moments the reports give a median time to, from the case's opening.
MEDIAN_FIELDS = ("first_responded_at", "resolved_at")


def cases_in_area(service_area: ServiceArea | None) -> QuerySet:
    """Return every case, or those of one service area."""
    cases = Case.objects.order_by()
    return cases.filter(service_area=service_area) if service_area else cases


def _local_date(value: datetime | date) -> date:
    if isinstance(value, datetime):
        return value.astimezone(LONDON).date()
    return value


@dataclass(frozen=True)
class OpenedFigures:
    """Cases opened in the period: per week, per area, and their SLA outcomes."""

    weekly: dict[tuple[date, int], int]
    by_area: dict[int, int]
    sla: dict[int, dict[str, int]]


def _sla_outcomes(as_at: datetime) -> dict[str, Q]:
    """Return the condition for each SLA outcome a case can have by ``as_at``.

    A target counts as missed once its deadline passed without a response (or
    resolution) by ``as_at``; targets still running count as neither.
    Cancelled cases have no outcome to judge and are left out.
    """
    first_met, first_missed = _target_outcomes(
        "first_responded_at", "first_response_due_at", as_at
    )
    resolution_met, resolution_missed = _target_outcomes(
        "resolved_at", "resolution_due_at", as_at
    )
    judged = ~Q(status=Status.CANCELLED)
    return {
        "first_met": judged & first_met,
        "first_missed": judged & first_missed,
        "resolution_met": judged & resolution_met,
        "resolution_missed": judged & resolution_missed,
    }


def _target_outcomes(done: str, due: str, as_at: datetime) -> tuple[Q, Q]:
    """Return (met, missed) for one target: ``done`` by its ``due`` time or not."""
    met = Q(**{f"{done}__isnull": False, f"{done}__lte": F(due)})
    missed = Q(**{f"{done}__gt": F(due)}) | Q(
        **{f"{done}__isnull": True, f"{due}__lt": as_at}
    )
    return met, missed


def opened_figures(
    *, period: Period, service_area: ServiceArea | None, as_at: datetime
) -> OpenedFigures:
    """Return cases opened in the period and their SLA outcomes, in one query.

    The database counts per (week commencing, service area); the per-area
    totals add up those few dozen counted rows, never case rows.
    """
    outcomes = _sla_outcomes(as_at)
    rows = (
        cases_in_area(service_area)
        .filter(created_at__gte=period.start_at, created_at__lt=period.end_at)
        .annotate(week=TruncWeek("created_at", tzinfo=LONDON))
        .values("week", "service_area_id")
        .annotate(
            opened=Count("pk"),
            **{key: Count("pk", filter=q) for key, q in outcomes.items()},
        )
    )
    weekly, by_area, sla = {}, {}, {}
    for row in rows:
        area = row["service_area_id"]
        weekly[(_local_date(row["week"]), area)] = row["opened"]
        by_area[area] = by_area.get(area, 0) + row["opened"]
        totals = sla.setdefault(area, dict.fromkeys(outcomes, 0))
        for key in outcomes:
            totals[key] += row[key]
    return OpenedFigures(weekly=weekly, by_area=by_area, sla=sla)


def resolved_by_week(
    *, period: Period, service_area: ServiceArea | None
) -> dict[tuple[date, int], int]:
    """Return cases resolved in the period per (week commencing, service area id)."""
    rows = (
        cases_in_area(service_area)
        .filter(resolved_at__gte=period.start_at, resolved_at__lt=period.end_at)
        .annotate(week=TruncWeek("resolved_at", tzinfo=LONDON))
        .values("week", "service_area_id")
        .annotate(n=Count("pk"))
    )
    return {(_local_date(r["week"]), r["service_area_id"]): r["n"] for r in rows}


def _open_at(as_at: datetime) -> Q:
    """Return the cases opened by ``as_at`` and neither resolved nor closed by then."""
    return (
        Q(created_at__lt=as_at)
        & (Q(resolved_at__isnull=True) | Q(resolved_at__gte=as_at))
        & (Q(closed_at__isnull=True) | Q(closed_at__gte=as_at))
    )


def backlog_by_age(
    *, service_area: ServiceArea | None, as_at: datetime
) -> dict[tuple[str, int], int]:
    """Return open cases per (age band label, service area id) as at ``as_at``.

    Age is counted in calendar days since the case was opened.
    """
    bands = []
    for band in figures.AGE_BANDS:
        newest = as_at - timedelta(days=band.min_days)
        condition = Q(created_at__lte=newest)
        if band.max_days is not None:
            condition &= Q(created_at__gt=as_at - timedelta(days=band.max_days))
        bands.append(When(condition, then=V(band.label)))
    rows = (
        cases_in_area(service_area)
        .filter(_open_at(as_at))
        .exclude(status=Status.CANCELLED)
        .annotate(band=Choose(*bands, default=V("")))
        .values("band", "service_area_id")
        .annotate(n=Count("pk"))
    )
    return {(row["band"], row["service_area_id"]): row["n"] for row in rows}


class _Median(Aggregate):
    """The middle value, or the mean of the middle two (PostgreSQL only)."""

    function = "PERCENTILE_CONT"
    name = "Median"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = DurationField()


def _took(field: str) -> ExpressionWrapper:
    return ExpressionWrapper(F(field) - F("created_at"), output_field=DurationField())


def _in_period(field: str, period: Period) -> Q:
    return Q(**{f"{field}__gte": period.start_at, f"{field}__lt": period.end_at})


def median_hours(
    *, period: Period, service_area: ServiceArea | None
) -> dict[str, float | None]:
    """Return the median hours from opening to each of ``MEDIAN_FIELDS``.

    Each median covers the cases whose first response (or resolution) fell in
    the period. PostgreSQL works out both in one pass over those cases; other
    databases number the durations in order and return the middle ones.
    """
    if connection.vendor != "postgresql":
        return {
            field: _median_by_position(
                period=period, service_area=service_area, field=field
            )
            for field in MEDIAN_FIELDS
        }
    either = Q()
    for field in MEDIAN_FIELDS:
        either |= _in_period(field, period)
    medians = (
        cases_in_area(service_area)
        .filter(either)
        .aggregate(
            **{
                field: _Median(_took(field), filter=_in_period(field, period))
                for field in MEDIAN_FIELDS
            }
        )
    )
    return {field: figures.hours(medians[field]) for field in MEDIAN_FIELDS}


def _median_by_position(
    *, period: Period, service_area: ServiceArea | None, field: str
) -> float | None:
    took = _took(field)
    middle = (
        cases_in_area(service_area)
        .filter(_in_period(field, period))
        .annotate(
            took=took,
            position=Window(RowNumber(), order_by=took.asc()),
            total=Window(Count("pk")),
        )
        .filter(position__gte=(F("total") + 1) / 2, position__lte=(F("total") + 2) / 2)
        .values_list("took", "total")
    )
    rows = list(middle)
    count = rows[0][1] if rows else 0
    return figures.median_hours([took for took, _ in rows], count)
