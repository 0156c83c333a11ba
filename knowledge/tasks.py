"""Background work for the knowledge base."""

from celery import shared_task
from django.utils import timezone

from knowledge import services
from knowledge.review_emails import email_deliver

# Importing the handler registers it for the outbox worker.
__all__ = ["article_review_reminders_task", "email_deliver"]


@shared_task(acks_late=True)
def article_review_reminders_task() -> int:
    """Queue reminders to owners of articles due for review; a second run queues
    nothing new."""
    return services.article_review_reminders_send(now=timezone.now())
