"""Relating cases: merging duplicates and linking related requests."""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from helpdesk import selectors, timeline, workflow
from helpdesk.models import Case, CaseLink, TimelineEvent
from helpdesk.services import guards

Event = TimelineEvent.Kind


def _lock_pair(first: Case, second: Case) -> tuple[Case, Case]:
    # Lock in id order so two merges of the same pair cannot deadlock.
    if first.pk < second.pk:
        locked_first = guards.case_lock(first)
        return locked_first, guards.case_lock(second)
    locked_second = guards.case_lock(second)
    return guards.case_lock(first), locked_second


@transaction.atomic
def case_merge(*, source: Case, target: Case, agent, now: datetime) -> Case:
    """Close `source` as a duplicate of `target`; both timelines record the merge.

    :raises PermissionDenied: if the agent may not work both cases
    :raises ValidationError: on ``target`` for itself, a merged, finished or
        differently sealed case; on ``source`` if it was already merged
    """
    if target is None:
        raise ValidationError({"target": "Choose the case to merge into."})
    if source.pk == target.pk:
        raise ValidationError({"target": "A case cannot be merged into itself."})
    source, target = _lock_pair(source, target)
    guards.require_work(agent, source)
    guards.require_work(agent, target)
    if source.merged_into_id:
        raise ValidationError(
            {"source": f"{source.reference} was already merged into another case."}
        )
    if target.merged_into_id:
        raise ValidationError(
            {"target": f"{target.reference} was itself merged into another case."}
        )
    if target.status in {Case.Status.CLOSED, Case.Status.CANCELLED}:
        raise ValidationError({"target": f"{target.reference} is closed."})
    if (source.confidential, source.access_team_id) != (
        target.confidential,
        target.access_team_id,
    ):
        raise ValidationError(
            {"target": "Both cases must have the same confidentiality to merge."}
        )
    workflow.assert_transition(source.status, Case.Status.CLOSED)
    source.status = Case.Status.CLOSED
    source.merged_into = target
    source.closed_at = now
    source.updated_at = now
    source.full_clean()
    source.save()
    target.updated_at = now
    target.save(update_fields=["updated_at"])
    same_requester = source.requester_id == target.requester_id
    timeline.event_record(
        case=source,
        kind=Event.MERGED,
        actor=agent,
        now=now,
        public=True,
        body=f"Merged into {target.reference}.",
        data={"into": target.reference, "into_id": target.pk},
    )
    timeline.event_record(
        case=target,
        kind=Event.MERGED,
        actor=agent,
        now=now,
        public=same_requester,
        body=f"{source.reference} was merged into this case.",
        data={"from": source.reference, "from_id": source.pk},
    )
    return target


@transaction.atomic
def case_link(*, case: Case, other: Case, agent, now: datetime) -> CaseLink:
    """Record that two cases are related; each timeline notes the other.

    :raises PermissionDenied: if the agent may not work the case or see the other
    :raises ValidationError: on ``other`` for the same case or an existing link
    """
    if other is None or other.pk == case.pk:
        raise ValidationError({"other": "A case cannot be linked to itself."})
    guards.require_work(agent, case)
    if not selectors.can_see(agent, other):
        raise PermissionDenied("You cannot see the other case.")
    first, second = sorted((case, other), key=lambda c: c.pk)
    already = ValidationError(
        {"other": f"{other.reference} is already linked to this case."}
    )
    if CaseLink.objects.filter(case_a=first, case_b=second).exists():
        raise already
    link = CaseLink(case_a=first, case_b=second, created_by=agent, created_at=now)
    link.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            link.save()
    except IntegrityError as error:
        raise already from error
    for this, that in ((case, other), (other, case)):
        timeline.event_record(
            case=this,
            kind=Event.LINKED,
            actor=agent,
            now=now,
            body=f"Linked to {that.reference}.",
            data={"linked": that.reference, "linked_id": that.pk},
        )
    return link
