"""Put the report's figures together: headline numbers and their tables."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from decimal import Decimal

from django.core.cache import cache

from helpdesk.models import ReportSettings
from helpdesk.reports import cases, figures, selfservice
from helpdesk.reports.periods import Period
from helpdesk.reports.tables import Chart, Table
from intranet.models import ServiceArea

ALL_AREAS = "All areas"
NO_AREA = "Area not recorded"
SLA_KEYS = ("first_met", "first_missed", "resolution_met", "resolution_missed")
#: How long managers share one working-out of the figures.
CACHE_FOR = timedelta(seconds=60)
SCORES = {1: "1 (very poor)", 2: "2", 3: "3", 4: "4", 5: "5 (very good)"}


@dataclass(frozen=True)
class Headline:
    label: str
    value: object
    unit: str = ""

    def text(self) -> str:
        """Return the figure with its unit, or say there is nothing to measure."""
        if self.value is None:
            return "No data"
        if self.unit == "£":
            return f"£{self.value:,.2f}"
        if self.unit == "%":
            return f"{self.value}%"
        return f"{self.value:,} {self.unit}".strip()


@dataclass(frozen=True)
class Dashboard:
    period: Period
    service_area: ServiceArea | None
    as_at: datetime
    headlines: list[Headline]
    tables: list[Table]
    comments: list[dict]
    cost_per_case: Decimal
    #: When the figures were worked out; shared figures can be up to a minute old.
    computed_at: datetime

    def table(self, key: str) -> Table:
        return next(table for table in self.tables if table.key == key)


def dashboard_build(
    *, user, period: Period, service_area: ServiceArea | None, now: datetime
) -> Dashboard:
    """Return every figure of the dashboard for the period and service area.

    The number of queries is fixed: it does not grow with the number of cases.
    """
    board = _figures(period=period, service_area=service_area, now=now)
    return _with_comments(board, user=user)


def dashboard_get(
    *, user, period: Period, service_area: ServiceArea | None, now: datetime
) -> Dashboard:
    """Return the dashboard, reusing figures worked out in the last minute.

    Every manager asking for the same period and service area shares the
    figures, which the page dates with ``computed_at``. The comments depend on
    which cases the user may open, so they are always read afresh.
    """
    key = _cache_key(period=period, service_area=service_area)
    board = cache.get(key)
    if board is None or now - board.computed_at >= CACHE_FOR:
        board = _figures(period=period, service_area=service_area, now=now)
        cache.set(key, board, int(CACHE_FOR.total_seconds()))
    return _with_comments(board, user=user)


def _cache_key(*, period: Period, service_area: ServiceArea | None) -> str:
    area = service_area.pk if service_area else "all"
    return (
        f"helpdesk:reports:dashboard:v1:{period.from_date.isoformat()}:"
        f"{period.to_date.isoformat()}:{area}"
    )


def _with_comments(board: Dashboard, *, user) -> Dashboard:
    comments = selfservice.satisfaction_comments(
        user=user, period=board.period, service_area=board.service_area
    )
    return replace(board, comments=comments)


def _figures(
    *, period: Period, service_area: ServiceArea | None, now: datetime
) -> Dashboard:
    """Return the figures every manager sees alike: everything but the comments."""
    as_at = period.as_at(now)
    areas = [service_area] if service_area else list(ServiceArea.objects.all())
    scope = {"period": period, "service_area": service_area}
    opened = cases.opened_figures(as_at=as_at, **scope)
    resolved = cases.resolved_by_week(**scope)
    backlog = cases.backlog_by_age(service_area=service_area, as_at=as_at)
    medians = cases.median_hours(**scope)
    deflected = selfservice.deflections_by_area(**scope)
    satisfaction = selfservice.satisfaction_summary(**scope)
    cost_per_case = ReportSettings.load().cost_per_case
    total_deflected = sum(deflected.values())
    total_opened = sum(opened.by_area.values())
    sla_table = _sla_table(opened.sla, areas)
    sla_total = sla_table.rows[-1]
    headlines = [
        Headline("Cases opened", total_opened),
        Headline("Cases resolved", sum(resolved.values())),
        Headline("Open cases at the end of the period", sum(backlog.values())),
        Headline("First responses on time", sla_total[3], "%"),
        Headline("Resolutions on time", sla_total[6], "%"),
        Headline(
            "Median time to first response", medians["first_responded_at"], "hours"
        ),
        Headline("Median time to resolution", medians["resolved_at"], "hours"),
        Headline(
            "Self-service resolution rate",
            figures.self_service_rate(deflections=total_deflected, cases=total_opened),
            "%",
        ),
        Headline(
            "Average satisfaction",
            _round(satisfaction["average"]),
            f"out of 5, from {satisfaction['count']} ratings",
        ),
        Headline(
            "Cost avoided by self-service",
            figures.cost_avoided(
                deflections=total_deflected, cost_per_case=cost_per_case
            ),
            "£",
        ),
    ]
    tables = [
        _weekly("opened", "Cases opened each week", period, areas, opened.weekly),
        _weekly("resolved", "Cases resolved each week", period, areas, resolved),
        sla_table,
        _backlog_table(backlog, areas),
        _self_service_by_area(deflected, opened.by_area, areas),
        _self_service_by_form(selfservice.deflections_by_form(**scope)),
        _self_service_by_article(selfservice.deflections_by_article(**scope)),
        _searches_table(selfservice.searches_without_results(period=period)),
        _satisfaction_table(satisfaction["by_score"]),
    ]
    return Dashboard(
        period=period,
        service_area=service_area,
        as_at=as_at,
        headlines=headlines,
        tables=tables,
        comments=[],
        cost_per_case=cost_per_case,
        computed_at=now,
    )


def _round(value) -> float | None:
    return None if value is None else round(float(value), 1)


def _weekly(key, title, period, areas, counts: dict) -> Table:
    rows = []
    for week in period.week_starts():
        per_area = [counts.get((week, area.pk), 0) for area in areas]
        rows.append((week, *per_area, sum(per_area)))
    return Table(
        key=key,
        title=title,
        columns=("Week commencing", *(area.name for area in areas), ALL_AREAS),
        rows=rows,
        chart=Chart(
            column=len(areas) + 1,
            description=f"{title}, all areas together, one bar a week.",
        ),
    )


def _sla_table(sla: dict, areas) -> Table:
    rows = [_sla_row(area.name, sla.get(area.pk, {})) for area in areas]
    totals = {key: sum(v[key] for v in sla.values()) for key in SLA_KEYS}
    rows.append(_sla_row(ALL_AREAS, totals))
    return Table(
        key="sla",
        title="SLA compliance for cases opened in the period",
        columns=(
            "Service area",
            "First responses on time",
            "First responses late",
            "First responses on time (%)",
            "Resolutions on time",
            "Resolutions late",
            "Resolutions on time (%)",
        ),
        rows=rows,
        note="Targets still running are not counted; cancelled cases are left out.",
        chart=Chart(
            column=6,
            description="Resolutions on time as a percentage, one bar a service area.",
            percent=True,
        ),
    )


def _sla_row(name: str, values: dict) -> tuple:
    first_met, first_missed = values.get("first_met", 0), values.get("first_missed", 0)
    res_met = values.get("resolution_met", 0)
    res_missed = values.get("resolution_missed", 0)
    return (
        name,
        first_met,
        first_missed,
        figures.percent(first_met, first_met + first_missed),
        res_met,
        res_missed,
        figures.percent(res_met, res_met + res_missed),
    )


def _backlog_table(backlog: dict, areas) -> Table:
    rows = []
    for band in figures.AGE_BANDS:
        per_area = [backlog.get((band.label, area.pk), 0) for area in areas]
        rows.append((band.label, *per_area, sum(per_area)))
    return Table(
        key="backlog",
        title="Open cases by age",
        columns=("Age", *(area.name for area in areas), ALL_AREAS),
        rows=rows,
        note="Cases still open at the end of the period, by calendar days since "
        "they were opened.",
        chart=Chart(
            column=len(areas) + 1,
            description="Open cases by age, all areas together, one bar an age band.",
        ),
    )


def _self_service_by_area(deflected: dict, opened: dict, areas) -> Table:
    rows = []
    for area in areas:
        d, c = deflected.get(area.pk, 0), opened.get(area.pk, 0)
        rows.append(
            (area.name, d, c, figures.self_service_rate(deflections=d, cases=c))
        )
    if deflected.get(None):
        rows.append((NO_AREA, deflected[None], 0, None))
    d, c = sum(deflected.values()), sum(opened.values())
    rows.append((ALL_AREAS, d, c, figures.self_service_rate(deflections=d, cases=c)))
    return Table(
        key="self-service-areas",
        title="Self-service resolution by service area",
        columns=(
            "Service area",
            "Resolved by self-service",
            "Cases opened",
            "Self-service rate (%)",
        ),
        rows=rows,
        note="Rate: resolved by self-service ÷ (resolved by self-service + cases).",
        chart=Chart(
            column=3,
            description="Self-service rate as a percentage, one bar a service area.",
            percent=True,
        ),
    )


def _self_service_by_form(rows: list[dict]) -> Table:
    return Table(
        key="self-service-forms",
        title="Self-service resolution by request form",
        columns=(
            "Request form",
            "Resolved by self-service",
            "Cases opened",
            "Self-service rate (%)",
        ),
        rows=[
            (
                row["title"],
                row["deflections"],
                row["cases"],
                figures.self_service_rate(
                    deflections=row["deflections"], cases=row["cases"]
                ),
            )
            for row in rows
        ],
    )


def _self_service_by_article(rows: list[dict]) -> Table:
    return Table(
        key="self-service-articles",
        title="Self-service resolution by article",
        columns=(
            "Article",
            "Answered the question",
            "Still needed help",
            "Self-service rate (%)",
        ),
        rows=[
            (
                row["title"],
                row["deflections"],
                row["still_needed_help"],
                figures.self_service_rate(
                    deflections=row["deflections"], cases=row["still_needed_help"]
                ),
            )
            for row in rows
        ],
        note="Still needed help: readers who said the article did not answer them.",
    )


def _searches_table(rows: list[dict]) -> Table:
    return Table(
        key="searches",
        title="Top searches with no results",
        columns=("Search", "Times searched"),
        rows=[(row["query"], row["n"]) for row in rows],
        note="Across the whole intranet, whatever service area is chosen.",
    )


def _satisfaction_table(by_score: dict) -> Table:
    return Table(
        key="satisfaction",
        title="Satisfaction ratings",
        columns=("Rating", "Ratings given"),
        rows=[(label, by_score.get(score, 0)) for score, label in SCORES.items()],
        chart=Chart(column=1, description="Ratings given, one bar a score."),
    )
