"""Setting a case's resolution time from an outside deadline, such as a meeting."""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from helpdesk import sla, timeline
from helpdesk.models import Case, TimelineEvent
from helpdesk.services import guards, sla_clock

Event = TimelineEvent.Kind


@transaction.atomic
def case_set_due(
    *,
    case: Case,
    due_at: datetime,
    reason: str,
    now: datetime,
    actor=None,
    tell_requester: bool = True,
) -> Case:
    """Make the case due at `due_at`, re-arming its warning and breach, and say why.

    The SLA sweep then warns and flags a breach against the new time as for any
    other case. A paused clock keeps its pause, holding the working time left
    until the new due time. The change is recorded on the timeline, which is
    how the people working the case, and unless `tell_requester` is false its
    requester, hear of it.

    :raises ValidationError: on ``reason`` if blank, on ``due_at`` if naive, on
        ``status`` if the case is already finished
    """
    case = guards.case_lock(case)
    guards.require_unfinished(case)
    reason = guards.require_text(
        reason, field="reason", message="Say why the due time is changing."
    )
    if due_at.tzinfo is None or due_at.utcoffset() is None:
        raise ValidationError({"due_at": "The due time must include its time zone."})
    previous = case.resolution_due_at
    if previous == due_at:
        return case
    calendar = sla_clock.case_calendar(case)
    case.resolution_due_at = due_at
    if case.first_response_due_at and case.first_response_due_at > due_at:
        case.first_response_due_at = due_at
        case.first_response_warning_due_at = sla.warning_at(
            start=case.created_at,
            due_at=due_at,
            calendar=calendar,
            fraction=sla_clock.WARNING_FRACTION,
        )
    case.sla_warning_due_at = sla.warning_at(
        start=case.created_at,
        due_at=due_at,
        calendar=calendar,
        fraction=sla_clock.WARNING_FRACTION,
    )
    if case.sla_paused_at is not None:
        case.sla_remaining_seconds = sla.remaining_seconds(
            due_at=due_at, now=case.sla_paused_at, calendar=calendar
        )
    if due_at > now:
        case.sla_breached_at = None
    if case.sla_warning_due_at > now:
        case.sla_warning_sent_at = None
    case.updated_at = now
    case.full_clean()
    case.save()
    timeline.event_record(
        case=case,
        kind=Event.DUE_CHANGED,
        actor=actor,
        now=now,
        body=f"Now due {due_at.astimezone(sla.LONDON):%-d %B %Y at %H:%M}: {reason}",
        data={
            "due_at": due_at.isoformat(),
            "previous_due_at": previous.isoformat() if previous else None,
            "reason": reason,
            "tell_requester": tell_requester,
        },
    )
    return case
