"""Who works a case: claiming, assigning and transferring it between queues."""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from helpdesk import timeline
from helpdesk.models import Case, Membership, Queue, TimelineEvent
from helpdesk.services import guards

Event = TimelineEvent.Kind


def _open_if_new(case: Case) -> None:
    if case.status == Case.Status.NEW:
        case.status = Case.Status.OPEN


@transaction.atomic
def case_claim(*, case: Case, agent, now: datetime) -> Case:
    """Make the agent the case's assignee, if nobody has it yet.

    The case row is locked first, so of two agents claiming at once exactly one
    wins and the other is told who did.

    :raises PermissionDenied: if the agent may not work the case
    :raises ValidationError: on ``assignee`` if someone already has it
    """
    seen_unassigned = case.assignee_id is None
    case = guards.case_lock(case)
    guards.require_work(agent, case)
    guards.require_unfinished(case)
    if case.assignee_id == agent.pk:
        raise ValidationError({"assignee": "You already have this case."})
    if case.assignee_id is not None:
        holder = case.assignee.display_name
        raise ValidationError(
            {
                "assignee": (
                    f"This case was claimed by {holder} a moment ago."
                    if seen_unassigned
                    else f"This case is already assigned to {holder}."
                )
            }
        )
    case.assignee = agent
    _open_if_new(case)
    case.updated_at = now
    case.full_clean()
    case.save()
    timeline.event_record(case=case, kind=Event.CLAIMED, actor=agent, now=now)
    return case


@transaction.atomic
def case_assign(*, case: Case, agent, assignee, now: datetime) -> Case:
    """Give the case to a member of its queue's team.

    :raises PermissionDenied: if the agent may not work the case
    :raises ValidationError: on ``assignee`` if they are not in the team
    """
    case = guards.case_lock(case)
    guards.require_work(agent, case)
    guards.require_unfinished(case)
    if assignee is None:
        raise ValidationError({"assignee": "Choose who should work on this case."})
    team_ids = {case.queue.team_id}
    if case.confidential:
        team_ids = {case.access_team_id}
    if not Membership.objects.filter(user=assignee, team_id__in=team_ids).exists():
        raise ValidationError(
            {"assignee": f"{assignee.display_name} is not in {case.queue.team}."}
        )
    if not assignee.is_active:
        raise ValidationError(
            {"assignee": f"{assignee.display_name} no longer works here."}
        )
    previous = case.assignee_id
    case.assignee = assignee
    _open_if_new(case)
    case.updated_at = now
    case.full_clean()
    case.save()
    timeline.event_record(
        case=case,
        kind=Event.ASSIGNED,
        actor=agent,
        now=now,
        data={"from_user_id": previous, "to_user_id": assignee.pk},
    )
    return case


@transaction.atomic
def case_transfer(
    *, case: Case, agent, queue: Queue, reason: str, now: datetime
) -> Case:
    """Move the case to another team's queue, unassigned, saying why.

    A confidential case keeps its access team, so it stays sealed.

    :raises PermissionDenied: if the agent may not work the case
    :raises ValidationError: on ``reason`` if blank, on ``queue`` if unchanged
    """
    case = guards.case_lock(case)
    guards.require_work(agent, case)
    guards.require_unfinished(case)
    reason = guards.require_text(
        reason, field="reason", message="Say why you are transferring the case."
    )
    if not isinstance(queue, Queue):
        raise ValidationError({"queue": "Choose the queue to transfer to."})
    if queue.pk == case.queue_id:
        raise ValidationError({"queue": f"The case is already in {queue}."})
    previous = case.queue
    case.queue = queue
    case.assignee = None
    if not case.confidential:
        case.access_team = queue.team
    case.updated_at = now
    case.full_clean()
    case.save()
    timeline.event_record(
        case=case,
        kind=Event.TRANSFERRED,
        actor=agent,
        now=now,
        body=reason,
        data={
            "from_queue_id": previous.pk,
            "from_queue": previous.name,
            "to_queue_id": queue.pk,
            "to_queue": queue.name,
        },
    )
    return case
