"""The SLA sweep: warn as a case nears its resolution time, and mark breaches."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.db.models import QuerySet

from helpdesk import timeline
from helpdesk.models import Case, TimelineEvent
from helpdesk.services import sla_clock

Event = TimelineEvent.Kind
Status = Case.Status

#: Statuses in which the resolution clock runs (awaiting requester pauses it).
RUNNING = (Status.NEW, Status.OPEN, Status.AWAITING_APPROVAL, Status.ON_HOLD)


def _running() -> QuerySet:
    return Case.objects.filter(
        status__in=RUNNING,
        sla_paused_at__isnull=True,
        sla_breached_at__isnull=True,
        resolution_due_at__isnull=False,
    )


@transaction.atomic
def case_sla_check(*, now: datetime) -> dict[str, int]:
    """Write each due SLA warning and breach once; a breach raises the priority.

    Each case is claimed with a conditional UPDATE, so overlapping sweeps never
    write the same event twice.

    :returns: how many warnings and breaches were written
    """
    warnings = 0
    for case in _running().filter(
        sla_warning_sent_at__isnull=True,
        sla_warning_due_at__lte=now,
        resolution_due_at__gt=now,
    ):
        claimed = Case.objects.filter(
            pk=case.pk, sla_warning_sent_at__isnull=True
        ).update(sla_warning_sent_at=now)
        if not claimed:
            continue
        case.sla_warning_sent_at = now
        timeline.event_record(
            case=case,
            kind=Event.SLA_WARNING,
            now=now,
            data={"resolution_due_at": case.resolution_due_at.isoformat()},
        )
        warnings += 1
    breaches = 0
    for case in _running().filter(resolution_due_at__lte=now):
        raised = sla_clock.priority_raised(case.priority)
        claimed = Case.objects.filter(pk=case.pk, sla_breached_at__isnull=True).update(
            sla_breached_at=now, priority=raised, updated_at=now
        )
        if not claimed:
            continue
        data = {
            "resolution_due_at": case.resolution_due_at.isoformat(),
            "priority_from": case.priority,
            "priority_to": raised,
        }
        case.sla_breached_at, case.priority = now, raised
        timeline.event_record(case=case, kind=Event.SLA_BREACH, now=now, data=data)
        breaches += 1
    return {"warnings": warnings, "breaches": breaches}
