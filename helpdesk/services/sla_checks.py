"""The SLA sweep: warn before a first-response or resolution time, mark misses."""

from __future__ import annotations

from datetime import datetime

from django.db import models, transaction
from django.db.models import QuerySet

from helpdesk import timeline
from helpdesk.models import Case, TimelineEvent
from helpdesk.services import sla_clock

Event = TimelineEvent.Kind
Status = Case.Status

#: Statuses in which the SLA clocks run (awaiting requester pauses them).
RUNNING = (Status.NEW, Status.OPEN, Status.AWAITING_APPROVAL, Status.ON_HOLD)
FIRST_RESPONSE = "first_response"
RESOLUTION = "resolution"


def _running() -> QuerySet:
    return Case.objects.filter(status__in=RUNNING, sla_paused_at__isnull=True)


def _awaiting_first_response() -> QuerySet:
    return _running().filter(
        first_responded_at__isnull=True,
        first_response_due_at__isnull=False,
        first_response_breached_at__isnull=True,
    )


def _awaiting_resolution() -> QuerySet:
    return _running().filter(
        sla_breached_at__isnull=True, resolution_due_at__isnull=False
    )


@transaction.atomic
def case_sla_check(*, now: datetime) -> dict[str, int]:
    """Write each due SLA warning and breach once; a case's first breach raises
    its priority.

    Cases nobody has answered yet are checked against their first-response
    time, and every running case against its resolution time. Each case is
    claimed with a conditional UPDATE, so overlapping sweeps never write the
    same event twice.

    :returns: how many warnings and breaches of each target were written
    """
    return {
        "first_response_warnings": _warn(
            _awaiting_first_response().filter(
                first_response_warning_sent_at__isnull=True,
                first_response_warning_due_at__lte=now,
                first_response_due_at__gt=now,
            ),
            target=FIRST_RESPONSE,
            sent_field="first_response_warning_sent_at",
            due_field="first_response_due_at",
            now=now,
        ),
        "first_response_breaches": _breach(
            _awaiting_first_response().filter(first_response_due_at__lte=now),
            target=FIRST_RESPONSE,
            breached_field="first_response_breached_at",
            other_breached_field="sla_breached_at",
            due_field="first_response_due_at",
            now=now,
        ),
        "warnings": _warn(
            _awaiting_resolution().filter(
                sla_warning_sent_at__isnull=True,
                sla_warning_due_at__lte=now,
                resolution_due_at__gt=now,
            ),
            target=RESOLUTION,
            sent_field="sla_warning_sent_at",
            due_field="resolution_due_at",
            now=now,
        ),
        "breaches": _breach(
            _awaiting_resolution().filter(resolution_due_at__lte=now),
            target=RESOLUTION,
            breached_field="sla_breached_at",
            other_breached_field="first_response_breached_at",
            due_field="resolution_due_at",
            now=now,
        ),
    }


def _warn(
    cases: QuerySet, *, target: str, sent_field: str, due_field: str, now: datetime
) -> int:
    written = 0
    for case in cases:
        claimed = Case.objects.filter(
            pk=case.pk, **{f"{sent_field}__isnull": True}
        ).update(**{sent_field: now})
        if not claimed:
            continue
        setattr(case, sent_field, now)
        timeline.event_record(
            case=case,
            kind=Event.SLA_WARNING,
            now=now,
            data={"target": target, due_field: getattr(case, due_field).isoformat()},
        )
        written += 1
    return written


def _breach(
    cases: QuerySet,
    *,
    target: str,
    breached_field: str,
    other_breached_field: str,
    due_field: str,
    now: datetime,
) -> int:
    written = 0
    for case in cases:
        previous = case.priority
        # Missing both targets is one slip, not two: only the first breach
        # raises the priority. Deciding inside the UPDATE keeps that true when
        # two sweeps overlap.
        claimed = Case.objects.filter(
            pk=case.pk, **{f"{breached_field}__isnull": True}
        ).update(
            **{breached_field: now},
            updated_at=now,
            priority=models.Case(
                models.When(
                    **{f"{other_breached_field}__isnull": True},
                    then=models.Value(sla_clock.priority_raised(previous)),
                ),
                default=models.F("priority"),
            ),
        )
        if not claimed:
            continue
        case.refresh_from_db(fields=[breached_field, "priority", "updated_at"])
        data = {"target": target, due_field: getattr(case, due_field).isoformat()}
        if case.priority != previous:
            data |= {"priority_from": previous, "priority_to": case.priority}
        timeline.event_record(case=case, kind=Event.SLA_BREACH, now=now, data=data)
        written += 1
    return written
