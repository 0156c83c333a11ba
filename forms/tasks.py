"""Background work for request forms: thin tasks that take ids and call services.

Approval emails need no task of their own: they are outbox messages, delivered
through the handler `notifications` registers.
"""

from celery import shared_task
from django.utils import timezone

from forms import services
from forms.notifications import email_deliver

# Importing the handler registers it for the outbox worker.
__all__ = [
    "email_deliver",
    "held_uploads_expire_task",
    "submission_process_task",
    "submission_retry_stalled_task",
]


@shared_task(name="selfservice.submission_process", acks_late=True)
def submission_process_task(*, submission_id: int) -> None:
    """Run one submission's outcome; a second run does nothing new."""
    services.submission_process(submission_id=submission_id)


@shared_task(name="selfservice.submission_retry_stalled")
def submission_retry_stalled_task() -> None:
    """Retry submissions whose outcome failed or never ran."""
    services.submission_retry_stalled(now=timezone.now())


@shared_task(name="selfservice.held_uploads_expire")
def held_uploads_expire_task() -> None:
    """Let go of files held for request forms that were not sent within a day."""
    services.held_uploads_expire(now=timezone.now())
