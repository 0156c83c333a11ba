"""The nightly retention run, queued by Celery beat."""

from celery import shared_task
from django.utils import timezone

from helpdesk.retention import services


@shared_task(acks_late=True)
def retention_apply_task() -> dict[str, int]:
    """Purge or anonymise the cases now due; a second run changes nothing."""
    report = services.retention_apply(now=timezone.now())
    return {str(key): count for key, count in report.counts.items()}
