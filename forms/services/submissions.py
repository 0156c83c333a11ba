"""Storing a submission, then turning it into an answer, an approval or a case.

A submission is committed before any outcome runs, so nothing anyone sends is
lost: `submission_process` runs after commit (as a task), and a failure there
leaves the submission stored as failed for `submission_retry_stalled` to retry.
"""

from __future__ import annotations

import logging
import secrets
import uuid
from collections.abc import Sequence
from contextlib import ExitStack
from datetime import datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from forms import notifications, selectors
from forms.answers import answer_lines
from forms.models import Approval, Outcome, RequestFormPage, Submission, SubmissionFile
from helpdesk import services as helpdesk_services
from helpdesk.attachments import attachments_check
from knowledge.models import SelfServiceResolution

from .held_uploads import held_uploads_release

logger = logging.getLogger(__name__)

PROCESSABLE = (
    Submission.Status.RECEIVED,
    Submission.Status.APPROVED,
    Submission.Status.FAILED,
)
STALLED_AFTER = timedelta(minutes=2)
KNOWN_ROWS = ("form_page", "submitter", "on_behalf_of")
MAX_ATTEMPTS = 10
NO_APPROVER_NOTE = (
    "No line manager is on record for the requester, so Support Services must "
    "check who approves this request."
)


@transaction.atomic
def submission_create(
    *,
    page: RequestFormPage,
    submitter,
    subject: str,
    answers: dict,
    labels: dict,
    key: uuid.UUID,
    uploads: Sequence = (),
    on_behalf_of=None,
    now: datetime,
) -> tuple[Submission, bool]:
    """Store a submission and its files, and queue its outcome for after commit.

    Return ``(submission, created)``. A key the submitter already used returns
    the first submission and stores nothing, so a double submit is harmless.

    :raises PermissionDenied: if the submitter may not ask on that person's behalf
    :raises ValidationError: for a refused upload or a malformed submission
    """
    existing = Submission.objects.filter(
        submitter=submitter, idempotency_key=key
    ).first()
    if existing is not None:
        return existing, False
    if on_behalf_of is not None and on_behalf_of.pk == submitter.pk:
        on_behalf_of = None
    if not selectors.may_raise_for_person(user=submitter, person=on_behalf_of):
        raise PermissionDenied(
            "Only their line manager or a case manager can make a request for "
            "someone else."
        )
    checked = list(
        zip(
            (name for name, _ in uploads),
            attachments_check(upload for _, upload in uploads),
            strict=True,
        )
    )
    submission = Submission(
        form_page=page,
        form_title=page.title,
        submitter=submitter,
        on_behalf_of=on_behalf_of,
        subject=(subject or "").strip(),
        answers=answers,
        answer_labels=labels,
        idempotency_key=key,
        outcome=page.outcome,
        created_at=now,
        updated_at=now,
    )
    # The page was just routed to and the people are signed in or were chosen
    # from a checked list: looking each of them up again proves nothing.
    submission.full_clean(exclude=KNOWN_ROWS, validate_constraints=False)
    try:
        with transaction.atomic():
            submission.save()
    except IntegrityError:
        # The same submit arrived twice at once; the first one stored it.
        return Submission.objects.get(submitter=submitter, idempotency_key=key), False
    for field_name, upload in checked:
        stored = SubmissionFile(submission=submission, field_name=field_name)
        stored.record_checked(upload)
        stored.save()
    if checked:
        # Files held while the form was shown again are stored now; any other
        # hold (a question since hidden) expires by itself.
        held_uploads_release(owner=submitter, key=key)
    queue_processing(submission.pk)
    return submission, True


def queue_processing(submission_id: int) -> None:
    """Process the submission once the caller's transaction commits."""
    from forms import tasks

    # robust: a broker outage must not fail the request; the retry sweep
    # picks the submission up instead.
    transaction.on_commit(
        lambda: tasks.submission_process_task.delay(submission_id=submission_id),
        robust=True,
    )


def submission_process(*, submission_id: int, now: datetime | None = None) -> None:
    """Run the submission's outcome once; a failure marks it failed for a retry.

    A submission already answered, opened or waiting for approval is left as it
    is, so running this twice does nothing the second time.
    """
    now = now or timezone.now()
    try:
        _process(submission_id=submission_id, now=now)
    except Submission.DoesNotExist:
        logger.info("submission %s is gone; nothing to process", submission_id)
    except Exception as error:
        # Whatever went wrong, the submission stays stored for the retry sweep.
        logger.exception("submission %s could not be processed", submission_id)
        Submission.objects.filter(pk=submission_id).update(
            status=Submission.Status.FAILED,
            attempts=F("attempts") + 1,
            last_error=f"{type(error).__name__}: {error}"[:2000],
            updated_at=now,
        )


def submission_retry_stalled(*, now: datetime) -> list[int]:
    """Process again every submission left failed, or unprocessed for a while.

    Return the ids it tried.
    """
    ids = list(
        Submission.objects.filter(
            status__in=PROCESSABLE,
            updated_at__lte=now - STALLED_AFTER,
            attempts__lt=MAX_ATTEMPTS,
        )
        .order_by("updated_at")
        .values_list("pk", flat=True)[:100]
    )
    for submission_id in ids:
        submission_process(submission_id=submission_id, now=now)
    return ids


@transaction.atomic
def _process(*, submission_id: int, now: datetime) -> None:
    submission = (
        Submission.objects.select_for_update(of=("self",))
        .select_related("form_page", "submitter", "on_behalf_of")
        .get(pk=submission_id)
    )
    if submission.status not in PROCESSABLE:
        return
    page = submission.form_page
    if page is None:
        raise ValidationError("The request form has been deleted.")
    approval = Approval.objects.filter(submission=submission).first()
    if submission.outcome == Outcome.INSTANT:
        _answer(submission, page=page, now=now)
    elif submission.outcome == Outcome.CASE or (
        approval is not None and approval.decision == Approval.Decision.APPROVED
    ):
        _open_case(submission, page=page, now=now)
    elif approval is None:
        _ask_approval(submission, page=page, now=now)
    submission.attempts += 1
    submission.last_error = ""
    submission.updated_at = now
    submission.save()


def _answer(submission: Submission, *, page: RequestFormPage, now: datetime) -> None:
    SelfServiceResolution.objects.create(
        source=SelfServiceResolution.Source.FORM,
        form_page=page,
        user=submission.requester,
        created_at=now,
    )
    submission.status = Submission.Status.RESOLVED


def _open_case(
    submission: Submission, *, page: RequestFormPage, now: datetime, note: str = ""
) -> None:
    with ExitStack() as stack:
        files = [
            stack.enter_context(File(stored.file.open("rb"), stored.original_name))
            for stored in submission.files.all()
        ]
        case = helpdesk_services.case_create(
            requester=submission.requester,
            raised_by=submission.submitter,
            request_type=page.request_type,
            subject=submission.subject,
            description=description_for(submission, note=note),
            answers=submission.answers,
            attachments=files,
            now=now,
        )
    submission.case = case
    submission.status = Submission.Status.CASE_OPENED


def _ask_approval(
    submission: Submission, *, page: RequestFormPage, now: datetime
) -> None:
    approver, absent = selectors.approver_for(
        requester=submission.requester, today=timezone.localdate(now)
    )
    if approver is None and page.fallback_approver and page.fallback_approver.is_active:
        approver = page.fallback_approver
    if approver is None:
        _open_case(submission, page=page, now=now, note=NO_APPROVER_NOTE)
        return
    approval = Approval(
        submission=submission,
        approver=approver,
        covering_for=absent,
        created_at=now,
    )
    if approver.pk == submission.submitter_id:
        # A line manager asking on a report's behalf has approved by asking.
        approval.decision = Approval.Decision.APPROVED
        approval.decided_by = approver
        approval.decided_at = now
        approval.comment = "Raised by the approver."
        approval.save()
        _open_case(submission, page=page, now=now)
        return
    approval.link_nonce = secrets.token_urlsafe(24)
    approval.save()
    notifications.approval_requested(approval=approval)
    submission.status = Submission.Status.AWAITING_APPROVAL


def description_for(submission: Submission, *, note: str = "") -> str:
    """Return the answers as lines of "question: answer" for the case."""
    lines = [note, ""] if note else []
    lines += [f"{label}: {answer}" for label, answer in answer_lines(submission)]
    if submission.on_behalf_of_id:
        lines.append(
            f"Raised by {submission.submitter.display_name} on behalf of "
            f"{submission.on_behalf_of.display_name}."
        )
    return "\n".join(lines) or submission.subject
