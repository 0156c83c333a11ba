"""Reminding article owners that their articles are due for review."""

import datetime
import logging
from collections import defaultdict

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from knowledge import reviews, selectors
from knowledge.models import ReviewReminder

logger = logging.getLogger(__name__)


def article_review_reminders_send(*, now: datetime.datetime) -> int:
    """Email each owner about their articles due or overdue for review.

    Each article is mentioned once per review date: a reminder row is written in the
    same transaction as the email is sent, so a second run sends nothing new and a
    failed send is retried on the next run. Returns the number of emails sent.
    """
    today = timezone.localdate(now)
    by_owner = defaultdict(list)
    for article in selectors.articles_awaiting_review_reminder(today=today):
        by_owner[article.owner_person].append(article)

    sent = 0
    for owner, articles in by_owner.items():
        try:
            sent += _remind_owner(owner=owner, articles=articles, today=today)
        except Exception:
            logger.exception("Could not send review reminders to %s", owner.email)
    return sent


@transaction.atomic
def _remind_owner(*, owner, articles, today: datetime.date) -> int:
    new = [
        article
        for article in articles
        if ReviewReminder.objects.get_or_create(
            article=article,
            due_date=article.next_review_date,
            defaults={"recipient": owner},
        )[1]
    ]
    if not new:
        return 0
    rows = [
        {
            "article": article,
            "overdue": reviews.review_status(
                next_review_date=article.next_review_date, today=today
            )
            == reviews.ReviewStatus.OVERDUE,
            "url": settings.SITE_URL + (article.get_url() or ""),
            "edit_url": settings.WAGTAILADMIN_BASE_URL
            + reverse("wagtailadmin_pages:edit", args=[article.pk]),
        }
        for article in new
    ]
    context = {"owner": owner, "rows": rows}
    count = len(rows)
    send_mail(
        subject=(f"{count} knowledge article{'s' if count > 1 else ''} due for review"),
        message=render_to_string("knowledge/emails/review_reminder.txt", context),
        from_email=None,
        recipient_list=[owner.email],
    )
    return 1
