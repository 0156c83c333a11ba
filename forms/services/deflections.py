"""Recording that an article answered someone's question before they asked."""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from forms.models import RequestFormPage
from knowledge.models import KnowledgeArticlePage, SelfServiceResolution


@transaction.atomic
def deflection_record(
    *,
    user,
    page: RequestFormPage,
    article: KnowledgeArticlePage,
    now: datetime,
) -> SelfServiceResolution:
    """Record that the article answered the user's need, so no case was opened.

    The same person, article and form on the same day counts once.

    :raises ValidationError: if the article is not published
    """
    if not article.live:
        raise ValidationError("This article is not published.", code="not_live")
    start = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    existing = SelfServiceResolution.objects.filter(
        source=SelfServiceResolution.Source.ARTICLE,
        article=article,
        form_page=page,
        user=user,
        created_at__gte=start,
    ).first()
    if existing is not None:
        return existing
    return SelfServiceResolution.objects.create(
        source=SelfServiceResolution.Source.ARTICLE,
        article=article,
        form_page=page,
        user=user,
        created_at=now,
    )
