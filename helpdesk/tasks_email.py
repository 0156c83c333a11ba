"""Email-in, run by Celery beat every minute."""

from celery import shared_task
from django.utils import timezone

# Importing bounces registers the outbox handler that sends them.
from helpdesk.email_in import bounces, mailboxes  # noqa: F401


@shared_task(acks_late=True)
def mail_ingest_task() -> dict[str, int]:
    """Read every enabled mailbox once; repeating it never duplicates a case."""
    results = mailboxes.mailboxes_poll(now=timezone.now)
    return {address: result.processed for address, result in results.items()}
