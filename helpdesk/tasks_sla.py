"""Periodic SLA and workflow sweeps, run by Celery beat."""

from celery import shared_task
from django.utils import timezone

from helpdesk import services


@shared_task(acks_late=True)
def case_sla_check_task() -> dict[str, int]:
    """Write due SLA warnings and breaches; a second run writes nothing new."""
    return services.case_sla_check(now=timezone.now())


@shared_task(acks_late=True)
def case_close_resolved_task() -> int:
    """Close cases resolved more than 5 working days ago; return how many."""
    return services.case_close_resolved(now=timezone.now())
