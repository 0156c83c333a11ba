"""Self-service, search and satisfaction figures, aggregated in the database."""

from __future__ import annotations

from django.db.models import (
    Avg,
    BooleanField,
    Count,
    ExpressionWrapper,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce, Length, Substr
from wagtail.models import Page

from helpdesk import selectors
from helpdesk.models import Case, SatisfactionRating
from helpdesk.models.satisfaction import RATING_MAX, RATING_MIN
from helpdesk.reports.periods import Period
from intranet.models import SearchQueryLog, ServiceArea, ServiceAreaPage
from knowledge.models import ArticleFeedback, SelfServiceResolution

TOP_SEARCHES = 10
TOP_ROWS = 20
RECENT_COMMENTS = 5


def _form_service_area() -> Subquery:
    # A request form's service area is that of the service area page it sits
    # under: its parent, whose tree path is the form's path minus one step.
    path = OuterRef("form_page__path")
    parent_path = Substr(path, 1, Length(path) - Page.steplen)
    return Subquery(
        ServiceAreaPage.objects.filter(path=parent_path).values("service_area_id")[:1],
        output_field=IntegerField(),
    )


def deflections(*, period: Period, service_area: ServiceArea | None) -> QuerySet:
    """Return the period's self-service resolutions, each with its ``area_id``."""
    rows = (
        SelfServiceResolution.objects.order_by()
        .filter(created_at__gte=period.start_at, created_at__lt=period.end_at)
        .annotate(area_id=Coalesce("article__service_area_id", _form_service_area()))
    )
    return rows.filter(area_id=service_area.pk) if service_area else rows


def deflections_by_area(
    *, period: Period, service_area: ServiceArea | None
) -> dict[int | None, int]:
    """Return resolutions per service area id; None for those with no known area."""
    rows = (
        deflections(period=period, service_area=service_area)
        .values("area_id")
        .annotate(n=Count("pk"))
    )
    return {row["area_id"]: row["n"] for row in rows}


def deflections_by_form(
    *, period: Period, service_area: ServiceArea | None
) -> list[dict]:
    """Return, per request form, resolutions and the cases it opened in the period.

    The forms app records which case each submission opened; cases are counted
    through that link so a form's rate compares like with like.
    """
    resolved = {
        row["form_page_id"]: row
        for row in deflections(period=period, service_area=service_area)
        .filter(form_page__isnull=False)
        .values("form_page_id", "form_page__title")
        .annotate(n=Count("pk"))
    }
    cases = Case.objects.order_by().filter(
        created_at__gte=period.start_at,
        created_at__lt=period.end_at,
        submissions__form_page_id__isnull=False,
    )
    if service_area:
        cases = cases.filter(service_area=service_area)
    opened = {
        row["submissions__form_page_id"]: row
        for row in cases.values(
            "submissions__form_page_id", "submissions__form_page__title"
        ).annotate(n=Count("pk", distinct=True))
    }
    rows = []
    for page_id in resolved.keys() | opened.keys():
        title = (
            resolved[page_id]["form_page__title"]
            if page_id in resolved
            else opened[page_id]["submissions__form_page__title"]
        )
        rows.append(
            {
                "title": title,
                "deflections": resolved.get(page_id, {}).get("n", 0),
                "cases": opened.get(page_id, {}).get("n", 0),
            }
        )
    rows.sort(key=lambda row: (-row["deflections"], row["title"]))
    return rows[:TOP_ROWS]


def deflections_by_article(
    *, period: Period, service_area: ServiceArea | None
) -> list[dict]:
    """Return, per article, needs it met and readers who still needed help."""
    resolved = {
        row["article_id"]: row
        for row in deflections(period=period, service_area=service_area)
        .filter(article__isnull=False)
        .values("article_id", "article__title")
        .annotate(n=Count("pk"))
    }
    feedback = ArticleFeedback.objects.order_by().filter(
        created_at__gte=period.start_at, created_at__lt=period.end_at, helpful=False
    )
    if service_area:
        feedback = feedback.filter(article__service_area=service_area)
    unhelped = {
        row["article_id"]: row
        for row in feedback.values("article_id", "article__title").annotate(
            n=Count("pk")
        )
    }
    rows = []
    for article_id in resolved.keys() | unhelped.keys():
        title = (resolved.get(article_id) or unhelped[article_id])["article__title"]
        rows.append(
            {
                "title": title,
                "deflections": resolved.get(article_id, {}).get("n", 0),
                "still_needed_help": unhelped.get(article_id, {}).get("n", 0),
            }
        )
    rows.sort(key=lambda row: (-row["deflections"], row["title"]))
    return rows[:TOP_ROWS]


def searches_without_results(*, period: Period) -> list[dict]:
    """Return the most repeated searches that found nothing, with their counts."""
    return list(
        SearchQueryLog.objects.order_by()
        .filter(
            created_at__gte=period.start_at,
            created_at__lt=period.end_at,
            results_count=0,
        )
        .values("query")
        .annotate(n=Count("pk"))
        .order_by("-n", "query")[:TOP_SEARCHES]
    )


def _ratings(*, period: Period, service_area: ServiceArea | None) -> QuerySet:
    ratings = SatisfactionRating.objects.order_by().filter(
        created_at__gte=period.start_at, created_at__lt=period.end_at
    )
    return ratings.filter(case__service_area=service_area) if service_area else ratings


def satisfaction_summary(
    *, period: Period, service_area: ServiceArea | None
) -> dict[str, object]:
    """Return the average rating, the number of ratings and the count of each score."""
    scores = range(RATING_MIN, RATING_MAX + 1)
    summary = _ratings(period=period, service_area=service_area).aggregate(
        average=Avg("rating"),
        count=Count("pk"),
        **{f"score_{n}": Count("pk", filter=Q(rating=n)) for n in scores},
    )
    summary["by_score"] = {n: summary.pop(f"score_{n}") for n in scores}
    return summary


def satisfaction_comments(
    *, user, period: Period, service_area: ServiceArea | None
) -> list[dict]:
    """Return the latest comments, except on confidential cases the user may not see."""
    visible = selectors.case_list_visible_to(user=user).values("pk")
    return list(
        _ratings(period=period, service_area=service_area)
        .exclude(comment="")
        .annotate(
            shown=ExpressionWrapper(
                Q(case__confidential=False) | Q(case_id__in=visible),
                output_field=BooleanField(),
            )
        )
        .filter(shown=True)
        .order_by("-created_at", "-pk")
        .values("case__reference", "rating", "comment", "created_at")[:RECENT_COMMENTS]
    )
