"""Moving a case through its workflow: status changes, resolving, reopening, closing."""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from helpdesk import timeline, workflow
from helpdesk.models import Case, TimelineEvent
from helpdesk.services import guards, sla_clock

Event = TimelineEvent.Kind
Status = Case.Status

#: Statuses an agent sets directly; the others have their own service.
MANUAL_STATUSES = (
    Status.OPEN,
    Status.AWAITING_REQUESTER,
    Status.AWAITING_APPROVAL,
    Status.ON_HOLD,
)


def _move(*, case: Case, status: str, now: datetime) -> str:
    old = case.status
    workflow.assert_transition(old, status)
    if status == Status.AWAITING_REQUESTER:
        sla_clock.clock_pause(case=case, now=now)
    elif old in {Status.AWAITING_REQUESTER, Status.RESOLVED}:
        sla_clock.clock_resume(case=case, now=now)
    case.status = status
    case.updated_at = now
    return old


@transaction.atomic
def case_change_status(*, case: Case, agent, status: str, now: datetime) -> Case:
    """Set the case to open, awaiting requester, awaiting approval or on hold.

    Awaiting the requester pauses the SLA clock; leaving that status resumes it.

    :raises PermissionDenied: if the agent may not work the case
    :raises ValidationError: on ``status`` for an unknown or disallowed status
    """
    case = guards.case_lock(case)
    guards.require_work(agent, case)
    if status not in Status.values:
        raise ValidationError({"status": f'"{status}" is not a case status.'})
    if status not in MANUAL_STATUSES:
        raise ValidationError(
            {
                "status": f"Use resolve, cancel or merge to make a case "
                f"{Status(status).label.lower()}."
            }
        )
    old = _move(case=case, status=status, now=now)
    case.full_clean()
    case.save()
    timeline.event_record(
        case=case,
        kind=Event.STATUS_CHANGED,
        actor=agent,
        now=now,
        public=True,
        data={"from": old, "to": status},
    )
    return case


@transaction.atomic
def case_resolve(*, case: Case, agent, summary: str, now: datetime) -> Case:
    """Resolve the case with a summary the requester reads.

    The SLA clock stops; if the requester reopens the case it carries on.

    :raises PermissionDenied: if the agent may not work the case
    :raises ValidationError: on ``resolution_summary`` if blank, on ``status``
        if the case cannot be resolved from where it is
    """
    case = guards.case_lock(case)
    guards.require_work(agent, case)
    summary = guards.require_text(
        summary,
        field="resolution_summary",
        message="Say how the request was resolved.",
    )
    workflow.assert_transition(case.status, Status.RESOLVED)
    if case.status == Status.AWAITING_REQUESTER:
        sla_clock.clock_resume(case=case, now=now)
    sla_clock.clock_pause(case=case, now=now)
    case.status = Status.RESOLVED
    case.resolution_summary = summary
    case.resolved_at = now
    case.updated_at = now
    case.full_clean()
    case.save()
    timeline.event_record(
        case=case,
        kind=Event.RESOLVED,
        actor=agent,
        now=now,
        public=True,
        body=summary,
    )
    return case


@transaction.atomic
def case_reopen(*, case: Case, requester, reason: str, now: datetime) -> Case:
    """Reopen a resolved case, within 10 working days of its resolution.

    :raises PermissionDenied: unless ``requester`` is the case's requester
    :raises ValidationError: on ``reason`` if blank, on ``status`` if the case is
        not resolved or the window has passed
    """
    case = guards.case_lock(case)
    if requester is None or case.requester_id != requester.pk:
        raise PermissionDenied("Only the requester can reopen this case.")
    reason = guards.require_text(
        reason, field="reason", message="Say why the case needs reopening."
    )
    if case.status != Status.RESOLVED:
        raise ValidationError({"status": "Only a resolved case can be reopened."})
    if not workflow.can_reopen(
        resolved_at=case.resolved_at, now=now, calendar=sla_clock.case_calendar(case)
    ):
        raise ValidationError(
            {
                "status": f"A case can be reopened for "
                f"{workflow.REOPEN_WORKING_DAYS} working days after it is resolved. "
                "Raise a new request instead."
            }
        )
    _move(case=case, status=Status.OPEN, now=now)
    case.resolved_at = None
    case.full_clean()
    case.save()
    timeline.event_record(
        case=case,
        kind=Event.REOPENED,
        actor=requester,
        now=now,
        public=True,
        body=reason,
    )
    return case


@transaction.atomic
def case_close_resolved(*, now: datetime) -> int:
    """Close every case resolved more than 5 working days ago; return how many."""
    closed = 0
    resolved = Case.objects.filter(status=Status.RESOLVED).select_related(
        "request_type__sla_policy"
    )
    for case in resolved:
        calendar = sla_clock.case_calendar(case)
        if now < workflow.auto_close_at(
            resolved_at=case.resolved_at, calendar=calendar
        ):
            continue
        updated = Case.objects.filter(pk=case.pk, status=Status.RESOLVED).update(
            status=Status.CLOSED, closed_at=now, updated_at=now
        )
        if not updated:
            continue
        case.refresh_from_db()
        timeline.event_record(
            case=case,
            kind=Event.STATUS_CHANGED,
            now=now,
            public=True,
            data={"from": Status.RESOLVED, "to": Status.CLOSED, "automatic": True},
        )
        closed += 1
    return closed
