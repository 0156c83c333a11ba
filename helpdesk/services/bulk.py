"""Changing many cases at once, with a result for every case.

Each case is changed in its own transaction together with its result, so one
refusal never undoes the others, and a job picked up again after a crash carries
on from the first case without a result. Small selections run straight away;
larger ones run in the background and the agent watches the progress page.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from helpdesk import selectors
from helpdesk.models import BulkJob, Case, Queue
from helpdesk.services import claims, statuses
from intranet import outbox

Action = BulkJob.Action
TOPIC = "helpdesk.bulk_job"
#: Selections up to this size run in the request; larger ones in the background.
INLINE_LIMIT = 50
MAX_CASES = 1000

_DONE = {
    Action.ASSIGN: "assigned to {name}",
    Action.TRANSFER: "transferred to {name}",
    Action.CHANGE_STATUS: "set to {name}",
}


def _check_parameters(*, action: str, parameters: dict) -> dict:
    if action == Action.ASSIGN:
        if (
            not get_user_model()
            .objects.filter(pk=parameters.get("assignee_id"))
            .exists()
        ):
            raise ValidationError({"assignee": "Choose who to assign the cases to."})
        return {"assignee_id": parameters["assignee_id"]}
    if action == Action.TRANSFER:
        reason = (parameters.get("reason") or "").strip()
        if not Queue.objects.filter(pk=parameters.get("queue_id")).exists():
            raise ValidationError({"queue": "Choose the queue to transfer to."})
        if not reason:
            raise ValidationError({"reason": "Say why you are transferring the cases."})
        return {"queue_id": parameters["queue_id"], "reason": reason}
    if action == Action.CHANGE_STATUS:
        if parameters.get("status") not in statuses.MANUAL_STATUSES:
            raise ValidationError({"status": "Choose the new status."})
        return {"status": parameters["status"]}
    raise ValidationError({"action": "Choose an action from the list."})


@transaction.atomic
def bulk_job_create(
    *, user, action: str, case_ids: Sequence[int], parameters: dict, now: datetime
) -> BulkJob:
    """Record a bulk action over the cases; queue it if it is too big to run now.

    :raises PermissionDenied: unless the user is an agent
    :raises ValidationError: on ``cases`` for none or too many, or on the
        parameter the action lacks
    """
    if not selectors.is_agent(user):
        raise PermissionDenied("Only support staff can change cases in bulk.")
    case_ids = list(dict.fromkeys(int(pk) for pk in case_ids))
    if not case_ids:
        raise ValidationError({"cases": "Select at least one case."})
    if len(case_ids) > MAX_CASES:
        raise ValidationError(
            {"cases": f"Select at most {MAX_CASES} cases; narrow the filters."}
        )
    job = BulkJob(
        user=user,
        action=action,
        parameters=_check_parameters(action=action, parameters=parameters),
        case_ids=case_ids,
        created_at=now,
    )
    job.full_clean()
    job.save()
    if len(case_ids) > INLINE_LIMIT:
        outbox.enqueue(
            topic=TOPIC, payload={"job_id": job.pk}, dedupe_key=f"bulk-job-{job.pk}"
        )
    return job


def bulk_job_start(
    *, user, action: str, case_ids: Sequence[int], parameters: dict, now: datetime
) -> BulkJob:
    """Create the job and, for a small selection, run it before returning.

    Deliberately not one transaction: every case gets its own (see the module).

    :raises PermissionDenied: unless the user is an agent
    :raises ValidationError: as `bulk_job_create`
    """
    job = bulk_job_create(
        user=user, action=action, case_ids=case_ids, parameters=parameters, now=now
    )
    if job.total <= INLINE_LIMIT:
        job = bulk_job_run(job_id=job.pk, now=now)
    return job


def _apply(job: BulkJob, case: Case, now: datetime) -> str:
    params = job.parameters
    if job.action == Action.ASSIGN:
        assignee = get_user_model().objects.get(pk=params["assignee_id"])
        claims.case_assign(case=case, agent=job.user, assignee=assignee, now=now)
        return _DONE[Action.ASSIGN].format(name=assignee.display_name)
    if job.action == Action.TRANSFER:
        queue = Queue.objects.get(pk=params["queue_id"])
        claims.case_transfer(
            case=case, agent=job.user, queue=queue, reason=params["reason"], now=now
        )
        return _DONE[Action.TRANSFER].format(name=queue.name)
    statuses.case_change_status(
        case=case, agent=job.user, status=params["status"], now=now
    )
    return _DONE[Action.CHANGE_STATUS].format(
        name=Case.Status(params["status"]).label.lower()
    )


def _refusal(error: Exception) -> str:
    if isinstance(error, PermissionDenied):
        return "you may not work this case"
    return " ".join(getattr(error, "messages", None) or [str(error)])


def _one(job: BulkJob, case_id: int, now: datetime) -> dict:
    case = selectors.case_list_visible_to(user=job.user).filter(pk=case_id).first()
    if case is None:
        return {
            "case_id": case_id,
            "reference": "",
            "ok": False,
            "message": "not changed: the case no longer exists or you cannot see it",
        }
    try:
        with transaction.atomic():
            done = _apply(job, case, now)
    except (PermissionDenied, ValidationError) as error:
        message, ok = f"not changed: {_refusal(error)}", False
    else:
        message, ok = done, True
    return {
        "case_id": case_id,
        "reference": case.reference,
        "ok": ok,
        "message": message,
    }


def bulk_job_run(*, job_id: int, now: datetime | None = None) -> BulkJob | None:
    """Work through the job's cases that have no result yet; return the job.

    Return None if the job has gone. Running a finished job again changes nothing.
    """
    job = BulkJob.objects.select_related("user").filter(pk=job_id).first()
    if job is None:
        return None
    done = {result["case_id"] for result in job.results}
    for case_id in job.case_ids:
        if case_id in done:
            continue
        with transaction.atomic():
            job = (
                BulkJob.objects.select_for_update()
                .select_related("user")
                .get(pk=job_id)
            )
            if any(result["case_id"] == case_id for result in job.results):
                continue
            job.results.append(_one(job, case_id, now or timezone.now()))
            job.save(update_fields=["results"])
    if job.finished_at is None:
        job.finished_at = now or timezone.now()
        job.save(update_fields=["finished_at"])
    return job
