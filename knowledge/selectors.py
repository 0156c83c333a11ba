"""Reads about articles and topics, for readers and for the people who own them."""

import datetime

from django.db.models import (
    Count,
    Exists,
    F,
    FloatField,
    OuterRef,
    Q,
    QuerySet,
)
from django.db.models.functions import Cast

from intranet.models import ServiceArea
from knowledge import reviews
from knowledge.models import KnowledgeArticlePage, ReviewReminder, Topic

LEAST_HELPFUL_MIN_RESPONSES = 5


def article_list(
    *, service_area: ServiceArea | None = None, topic: Topic | None = None
) -> QuerySet:
    """Return live articles A to Z, optionally within one service area or topic."""
    articles = (
        KnowledgeArticlePage.objects.live()
        .select_related("service_area")
        .order_by("title", "pk")
    )
    if service_area is not None:
        articles = articles.filter(service_area=service_area)
    if topic is not None:
        articles = articles.filter(topics=topic)
    return articles


def article_get_live(*, article_id: int) -> KnowledgeArticlePage:
    """Return a live article, or raise KnowledgeArticlePage.DoesNotExist."""
    return (
        KnowledgeArticlePage.objects.live()
        .select_related("service_area")
        .get(pk=article_id)
    )


def topic_get(*, slug: str) -> Topic:
    """Return the topic with this slug, or raise Topic.DoesNotExist."""
    return Topic.objects.select_related("service_area").get(slug=slug)


def topic_list() -> QuerySet:
    return Topic.objects.select_related("service_area").order_by("name")


def articles_due_for_review(*, today: datetime.date) -> QuerySet:
    """Return live articles whose review date is past or within the next 30 days."""
    return (
        KnowledgeArticlePage.objects.live()
        .filter(next_review_date__lte=reviews.due_by(today=today))
        .select_related("service_area", "owner_team", "owner_person")
        .order_by("next_review_date", "title", "pk")
    )


def articles_awaiting_review_reminder(*, today: datetime.date) -> QuerySet:
    """Return due articles whose owner has not been reminded of this review date."""
    already_reminded = ReviewReminder.objects.filter(
        article=OuterRef("pk"), due_date=OuterRef("next_review_date")
    )
    return (
        articles_due_for_review(today=today)
        .filter(owner_person__is_active=True)
        .exclude(owner_person__email="")
        .exclude(Exists(already_reminded))
    )


def articles_least_helpful(
    *, min_responses: int = LEAST_HELPFUL_MIN_RESPONSES, limit: int = 10
) -> QuerySet:
    """Return live articles with the lowest share of helpful answers.

    Only articles with at least ``min_responses`` answers count, so one unhappy
    reader does not put a new article at the top.
    """
    return (
        KnowledgeArticlePage.objects.live()
        .annotate(
            responses=Count("feedback"),
            helpful_responses=Count("feedback", filter=Q(feedback__helpful=True)),
        )
        .filter(responses__gte=min_responses)
        .annotate(
            helpful_ratio=Cast(F("helpful_responses"), FloatField())
            / Cast(F("responses"), FloatField())
        )
        .select_related("service_area", "owner_team")
        .order_by("helpful_ratio", "-responses", "title")[:limit]
    )
