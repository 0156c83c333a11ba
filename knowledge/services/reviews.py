"""Reminding article owners that their articles are due for review."""

import datetime
from collections import defaultdict

from django.db import transaction
from django.utils import timezone

from knowledge import review_emails, selectors
from knowledge.models import ReviewReminder


def article_review_reminders_send(*, now: datetime.datetime) -> int:
    """Queue one email for each owner about their articles due or overdue for review.

    Each article is mentioned once per review date: the reminder rows and the
    email's outbox message are written in one transaction, so a second run queues
    nothing new, and the outbox retries the email until it is sent. Returns the
    number of emails queued.
    """
    today = timezone.localdate(now)
    by_owner = defaultdict(list)
    for article in selectors.articles_awaiting_review_reminder(today=today):
        by_owner[article.owner_person].append(article)
    return sum(
        _remind_owner(owner=owner, articles=articles)
        for owner, articles in by_owner.items()
    )


@transaction.atomic
def _remind_owner(*, owner, articles) -> int:
    new = [
        reminder
        for article in articles
        for reminder, created in [
            ReviewReminder.objects.get_or_create(
                article=article,
                due_date=article.next_review_date,
                defaults={"recipient": owner},
            )
        ]
        if created
    ]
    if not new:
        return 0
    review_emails.reminder_queue(owner=owner, reminders=new)
    return 1
