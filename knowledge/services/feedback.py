"""Recording readers' answers to "Did this answer your question?"."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from knowledge.models import (
    ArticleFeedback,
    KnowledgeArticlePage,
    SelfServiceResolution,
)


@transaction.atomic
def article_feedback_record(
    *,
    article: KnowledgeArticlePage,
    user,
    helpful: bool,
    comment: str = "",
    now: datetime.datetime,
) -> ArticleFeedback:
    """Record a reader's answer, replacing any answer they gave the same day.

    A yes records a self-service resolution for the article, once per answer; changing
    the answer to no on the same day withdraws it, so deflections are not overcounted.

    :raises ValidationError: if the comment is too long or the article is not live
    """
    feedback_date = timezone.localdate(now)
    ArticleFeedback(
        article=article,
        user=user,
        helpful=helpful,
        comment=comment,
        feedback_date=feedback_date,
        created_at=now,
        updated_at=now,
    ).full_clean(validate_constraints=False)
    if not article.live:
        raise ValidationError("This article is not published.", code="not_live")

    feedback, _ = ArticleFeedback.objects.update_or_create(
        article=article,
        user=user,
        feedback_date=feedback_date,
        defaults={"helpful": helpful, "comment": comment, "updated_at": now},
        create_defaults={
            "helpful": helpful,
            "comment": comment,
            "created_at": now,
            "updated_at": now,
        },
    )
    if helpful:
        SelfServiceResolution.objects.get_or_create(
            feedback=feedback,
            defaults={
                "source": SelfServiceResolution.Source.ARTICLE,
                "article": article,
                "user": user,
                "created_at": now,
            },
        )
    else:
        SelfServiceResolution.objects.filter(feedback=feedback).delete()
    return feedback
