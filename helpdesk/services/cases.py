"""Creating cases, and the requester cancelling one."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from helpdesk import routing, routing_rules, selectors, timeline, workflow
from helpdesk.attachments import attachments_check
from helpdesk.models import (
    Case,
    Queue,
    RequestType,
    SupportTeam,
    TimelineEvent,
    Watcher,
)
from helpdesk.services import guards, references, sla_clock
from helpdesk.services.attachments import attachments_save

Kind = SupportTeam.Kind
Event = TimelineEvent.Kind
RELATED_FIELDS = (
    "requester",
    "raised_by",
    "request_type",
    "service_area",
    "queue",
    "access_team",
)


def _check_people(*, requester, raised_by) -> None:
    if requester is None or not requester.is_active:
        raise ValidationError({"requester": "Choose an active member of staff."})
    if raised_by is None or raised_by.pk == requester.pk:
        return
    may_mediate = requester.line_manager_id == raised_by.pk or selectors.is_agent(
        raised_by
    )
    if not raised_by.is_active or not may_mediate:
        raise PermissionDenied(
            "Only the requester's line manager or support staff can raise a "
            "request on their behalf."
        )


def _business_partner_queue(*, request_type: RequestType, requester) -> Queue | None:
    team = (
        SupportTeam.objects.filter(
            kind=Kind.BUSINESS_PARTNERS,
            service_area=request_type.service_area,
            partnered_directorates=requester.directorate_id,
            queue__isnull=False,
        )
        .select_related("queue")
        .order_by("name")
        .first()
    )
    return team.queue if team else None


def _route(
    *, request_type: RequestType, requester, facts: routing.CaseFacts
) -> tuple[Queue, routing.Decision, str]:
    triage = Queue.objects.select_related("team").filter(is_triage=True).first()
    if triage is None:
        raise ValidationError(
            {"queue": "No triage queue is set up, so the request cannot be routed."}
        )
    decision = routing.decide(
        rules=routing_rules.routing_rules_active(),
        facts=facts,
        triage_queue_id=triage.pk,
    )
    reason = decision.reason
    queue = None
    if decision.to_business_partner:
        queue = _business_partner_queue(request_type=request_type, requester=requester)
        if queue is None:
            reason += "; no business partner for the requester's directorate"
    elif decision.queue_id is not None:
        queue = (
            Queue.objects.select_related("team").filter(pk=decision.queue_id).first()
        )
    if queue is None:
        queue, reason = triage, f"{reason}; sent to triage"
    return queue, decision, reason


@transaction.atomic
def case_create(
    *,
    requester,
    request_type: RequestType,
    subject: str,
    description: str,
    answers: dict | None = None,
    raised_by=None,
    attachments: Sequence = (),
    confidential: bool = False,
    now: datetime | None = None,
) -> Case:
    """Create a case, route it, start its SLA clock and record both on its timeline.

    :raises ValidationError: naming the field, for missing or malformed data,
        refused attachments, or when no triage queue exists
    :raises PermissionDenied: if ``raised_by`` may not raise requests for the
        requester
    """
    now = now or timezone.now()
    if answers is None:
        answers = {}
    if not isinstance(answers, dict):
        raise ValidationError({"answers": "Answers must be a set of named values."})
    if not isinstance(request_type, RequestType):
        raise ValidationError({"request_type": "Choose the kind of request."})
    _check_people(requester=requester, raised_by=raised_by)
    files = attachments_check(attachments)
    subject = guards.require_text(subject, field="subject", message="Enter a subject.")
    description = guards.require_text(
        description, field="description", message="Describe what you need."
    )
    confidential = bool(confidential or request_type.confidential)
    facts = routing.CaseFacts(
        service_area=request_type.service_area.slug,
        request_type=request_type.slug,
        directorate=requester.directorate.slug if requester.directorate else None,
        team=requester.team.slug if requester.team else None,
        subject=subject,
        description=description,
        answers=answers,
        confidential=confidential,
    )
    queue, decision, reason = _route(
        request_type=request_type, requester=requester, facts=facts
    )
    confidential = confidential or decision.mark_confidential
    case = Case(
        requester=requester,
        raised_by=raised_by if raised_by and raised_by.pk != requester.pk else None,
        subject=subject,
        description=description,
        answers=answers,
        request_type=request_type,
        service_area=request_type.service_area,
        queue=queue,
        priority=request_type.default_priority,
        confidential=confidential,
        access_team=(
            request_type.access_team
            if confidential and request_type.access_team_id
            else queue.team
        ),
        created_at=now,
        updated_at=now,
    )
    sla_clock.clock_start(case=case, now=now)
    # Every related row was read above, so validation need not look each one
    # up again; the database's foreign keys still guard them.
    case.full_clean(exclude=["reference", *RELATED_FIELDS])
    case.reference = references.reference_allocate(
        service_area=request_type.service_area
    )
    case.save()
    if case.raised_by_id:
        Watcher.objects.create(case=case, user=case.raised_by)
    created = timeline.event_record(
        case=case,
        kind=Event.CREATED,
        actor=raised_by or requester,
        now=now,
        public=True,
        body=description,
    )
    attachments_save(
        case=case,
        event=created,
        uploaded_by=raised_by or requester,
        files=files,
        now=now,
    )
    timeline.event_record(
        case=case,
        kind=Event.ROUTED,
        now=now,
        body=reason,
        data={
            "queue_id": queue.pk,
            "queue": queue.name,
            "rule_id": decision.rule_id,
            "rule": decision.rule_name,
            "confidential": confidential,
        },
    )
    return case


@transaction.atomic
def case_cancel(*, case: Case, requester, now: datetime) -> Case:
    """Withdraw a request the requester no longer needs.

    :raises PermissionDenied: unless ``requester`` raised it
    :raises ValidationError: on ``status`` if it is already resolved or closed
    """
    case = guards.case_lock(case)
    if requester is None or case.requester_id != requester.pk:
        raise PermissionDenied("Only the requester can cancel this case.")
    workflow.assert_transition(case.status, Case.Status.CANCELLED)
    old = case.status
    case.status = Case.Status.CANCELLED
    case.closed_at = now
    case.updated_at = now
    case.full_clean()
    case.save()
    timeline.event_record(
        case=case,
        kind=Event.STATUS_CHANGED,
        actor=requester,
        now=now,
        public=True,
        data={"from": old, "to": case.status},
    )
    return case
