"""Background work for the knowledge base."""

from celery import shared_task
from django.utils import timezone

from knowledge import services


@shared_task(acks_late=True)
def article_review_reminders_task() -> int:
    """Remind owners of articles due for review; a second run sends nothing new."""
    return services.article_review_reminders_send(now=timezone.now())
