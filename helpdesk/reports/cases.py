"""Case figures for the reports, aggregated in the database.

Every figure counts all cases, confidential ones included: totals never reveal
which case is which. Nothing here loads case rows into Python.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.db.models import Case as Choose
from django.db.models import (
    Count,
    DurationField,
    ExpressionWrapper,
    F,
    Q,
    QuerySet,
    When,
)
from django.db.models import Value as V
from django.db.models.functions import TruncWeek

from helpdesk.models import Case
from helpdesk.reports import figures
from helpdesk.reports.periods import Period
from helpdesk.sla import LONDON
from intranet.models import ServiceArea

Status = Case.Status


def cases_in_area(service_area: ServiceArea | None) -> QuerySet:
    """Return every case, or those of one service area."""
    cases = Case.objects.order_by()
    return cases.filter(service_area=service_area) if service_area else cases


def _local_date(value: datetime | date) -> date:
    if isinstance(value, datetime):
        return value.astimezone(LONDON).date()
    return value


def weekly_counts(
    *, period: Period, service_area: ServiceArea | None, field: str
) -> dict[tuple[date, int], int]:
    """Return cases per (week commencing, service area id) by the ``field`` date.

    Use ``created_at`` for cases opened and ``resolved_at`` for cases resolved.
    """
    rows = (
        cases_in_area(service_area)
        .filter(**{f"{field}__gte": period.start_at, f"{field}__lt": period.end_at})
        .annotate(week=TruncWeek(field, tzinfo=LONDON))
        .values("week", "service_area_id")
        .annotate(n=Count("pk"))
    )
    return {(_local_date(r["week"]), r["service_area_id"]): r["n"] for r in rows}


def sla_compliance(
    *, period: Period, service_area: ServiceArea | None, as_at: datetime
) -> dict[int, dict[str, int]]:
    """Return, per service area, SLA targets met and missed by cases opened.

    A target counts as missed once its deadline passed without a response (or
    resolution) by ``as_at``; targets still running count as neither.
    Cancelled cases have no outcome to judge and are left out.
    """
    first_met = Q(first_responded_at__isnull=False) & Q(
        first_responded_at__lte=F("first_response_due_at")
    )
    first_missed = Q(first_responded_at__gt=F("first_response_due_at")) | Q(
        first_responded_at__isnull=True, first_response_due_at__lt=as_at
    )
    resolution_met = Q(resolved_at__isnull=False) & Q(
        resolved_at__lte=F("resolution_due_at")
    )
    resolution_missed = Q(resolved_at__gt=F("resolution_due_at")) | Q(
        resolved_at__isnull=True, resolution_due_at__lt=as_at
    )
    rows = (
        cases_in_area(service_area)
        .filter(created_at__gte=period.start_at, created_at__lt=period.end_at)
        .exclude(status=Status.CANCELLED)
        .values("service_area_id")
        .annotate(
            first_met=Count("pk", filter=first_met),
            first_missed=Count("pk", filter=first_missed),
            resolution_met=Count("pk", filter=resolution_met),
            resolution_missed=Count("pk", filter=resolution_missed),
        )
    )
    return {row.pop("service_area_id"): row for row in rows}


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


def median_hours(
    *, period: Period, service_area: ServiceArea | None, field: str
) -> float | None:
    """Return the median hours from opening to ``field``, for those in the period.

    Only the one or two middle durations are read from the database.
    """
    durations = (
        cases_in_area(service_area)
        .filter(**{f"{field}__gte": period.start_at, f"{field}__lt": period.end_at})
        .annotate(
            took=ExpressionWrapper(
                F(field) - F("created_at"), output_field=DurationField()
            )
        )
    )
    count = durations.count()
    if not count:
        return None
    middle = list(
        durations.order_by("took").values_list("took", flat=True)[
            figures.middle_slice(count)
        ]
    )
    return figures.median_hours(middle, count)


def cases_opened_by_area(
    *, period: Period, service_area: ServiceArea | None
) -> dict[int, int]:
    """Return the number of cases opened in the period per service area id."""
    rows = (
        cases_in_area(service_area)
        .filter(created_at__gte=period.start_at, created_at__lt=period.end_at)
        .values("service_area_id")
        .annotate(n=Count("pk"))
    )
    return {row["service_area_id"]: row["n"] for row in rows}
