"""Approving or declining a submission, in the intranet or from an email link."""

from __future__ import annotations

from datetime import date, datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare

from forms import notifications, selectors, tokens
from forms.models import Approval, ApprovalDelegation, Submission
from forms.services.submissions import queue_processing

COMMENT_MAX = 2000


def approval_link_check(*, token: str, user) -> Approval:
    """Return the pending approval an email link is for, if this user may use it.

    :raises tokens.LinkRefused: if the link is forged, expired, already used,
        meant for someone else, or its request is already decided
    """
    data = tokens.link_read(token)
    approval = (
        Approval.objects.select_related("submission", "submission__submitter")
        .filter(pk=data["a"])
        .first()
    )
    if approval is None:
        raise tokens.LinkRefused("This request no longer exists.", status=410)
    if data["u"] != user.pk:
        raise tokens.LinkRefused(
            "This link was sent to someone else. Sign in as the person it was sent to.",
            status=403,
        )
    if not approval.link_nonce or not constant_time_compare(
        str(data["n"]), approval.link_nonce
    ):
        raise tokens.LinkRefused(
            "This link has already been used. Each link works once; see the "
            "request in your approvals list.",
            status=410,
        )
    return approval


@transaction.atomic
def approval_decide(
    *,
    approval_id: int,
    user,
    approve: bool,
    comment: str = "",
    now: datetime,
    token: str | None = None,
) -> Approval:
    """Record the approver's decision; approval queues the case, a decline says why.

    With ``token`` the decision comes from an email link, which then stops
    working.

    :raises tokens.LinkRefused: if ``token`` is given and refused
    :raises PermissionDenied: unless the user is the approver or covers for them
    :raises ValidationError: if it is already decided, or a decline has no reason
    """
    approval = Approval.objects.select_for_update().get(pk=approval_id)
    if token is not None:
        checked = approval_link_check(token=token, user=user)
        if checked.pk != approval.pk:
            raise tokens.LinkRefused("This link is for a different request.")
    if not approval.is_pending:
        raise ValidationError(
            f"This request was already {approval.get_decision_display().lower()}.",
            code="decided",
        )
    if not selectors.may_decide(
        user=user, approval=approval, today=timezone.localdate(now)
    ):
        raise PermissionDenied("Only the approver, or who covers for them, can decide.")
    comment = (comment or "").strip()
    if len(comment) > COMMENT_MAX:
        raise ValidationError(
            {"comment": f"Keep the comment to {COMMENT_MAX} characters or fewer"}
        )
    if not approve and not comment:
        raise ValidationError(
            {
                "comment": "Explain why you are declining, so the requester knows "
                "what to do next"
            }
        )
    approval.decision = (
        Approval.Decision.APPROVED if approve else Approval.Decision.DECLINED
    )
    approval.comment = comment
    approval.decided_by = user
    approval.decided_at = now
    approval.link_nonce = ""
    approval.full_clean()
    approval.save()
    submission = Submission.objects.select_for_update().get(pk=approval.submission_id)
    submission.status = (
        Submission.Status.APPROVED if approve else Submission.Status.DECLINED
    )
    submission.updated_at = now
    submission.save(update_fields=["status", "updated_at"])
    if approve:
        queue_processing(submission.pk)
    else:
        notifications.approval_declined(approval=approval)
    return approval


@transaction.atomic
def approval_delegation_set(
    *, user, delegate=None, absent_until: date | None, today: date
) -> ApprovalDelegation:
    """Say who approves for the user while away, and until when.

    :raises ValidationError: if the delegate is the user or inactive, or the date
        is in the past
    """
    errors = {}
    if delegate is not None and not delegate.is_active:
        errors["delegate"] = "Choose someone who still works here."
    if absent_until is not None and absent_until < today:
        errors["absent_until"] = "The last day away must be today or later."
    if errors:
        raise ValidationError(errors)
    delegation, _ = ApprovalDelegation.objects.get_or_create(user=user)
    delegation.delegate = delegate
    delegation.absent_until = absent_until
    delegation.full_clean()
    delegation.save()
    return delegation
