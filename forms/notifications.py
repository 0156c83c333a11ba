"""Emails about approvals, queued through the outbox and sent by its worker.

The approver gets a signed, one-time link; the requester hears why a request
was declined. The case itself emails its own receipt, from the helpdesk.
"""

from __future__ import annotations

import logging

from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from forms import answers, tokens
from forms.models import Approval
from intranet import outbox
from intranet.mail import COUNCIL_NAME, SEND_TIMEOUT_SECONDS, message_id, site_url

logger = logging.getLogger(__name__)

TOPIC = "selfservice.email"
SUBJECTS = {
    "forms_approval_requested": "Please approve a request",
    "forms_approval_declined": "Your request was declined",
}


def approval_requested(*, approval: Approval) -> None:
    """Queue the email asking the approver to decide, in the caller's transaction."""
    _enqueue(approval, "forms_approval_requested", approval.approver_id)


def approval_declined(*, approval: Approval) -> None:
    """Queue the emails telling the requester (and who raised it) why not."""
    submission = approval.submission
    for person_id in {submission.submitter_id, submission.on_behalf_of_id} - {None}:
        _enqueue(approval, "forms_approval_declined", person_id)


def _enqueue(approval: Approval, template: str, recipient_id: int) -> None:
    outbox.enqueue(
        topic=TOPIC,
        payload={
            "approval_id": approval.pk,
            "recipient_id": recipient_id,
            "template": template,
        },
        dedupe_key=f"selfservice:approval:{approval.pk}:{template}:{recipient_id}",
    )


@outbox.handler(TOPIC)
def email_deliver(message) -> None:
    """Send one approval email, unless it no longer applies.

    A deleted approval or recipient, or a request already decided (for the
    approver's email), means there is nothing to send.

    :raises LookupError: for a template this module does not know
    """
    payload = message.payload
    template = payload["template"]
    if template not in SUBJECTS:
        raise LookupError(f"No approval email is called {template!r}.")
    approval = (
        Approval.objects.select_related(
            "submission",
            "submission__submitter",
            "submission__on_behalf_of",
            "approver",
        )
        .filter(pk=payload["approval_id"])
        .first()
    )
    recipient = get_user_model().objects.filter(pk=payload["recipient_id"]).first()
    if approval is None or recipient is None or not recipient.email:
        logger.info("approval email %s: approval or recipient is gone", message.pk)
        return
    if template == "forms_approval_requested" and not approval.is_pending:
        logger.info("approval email %s: already decided", message.pk)
        return
    email = email_build(
        approval=approval,
        recipient=recipient,
        template=template,
        message_id=message_id("selfservice", message.dedupe_key),
    )
    email.connection = get_connection(timeout=SEND_TIMEOUT_SECONDS)
    email.send()


def email_build(
    *, approval: Approval, recipient, template: str, message_id: str
) -> EmailMultiAlternatives:
    """Render the text and HTML versions of one approval email."""
    submission = approval.submission
    subject = f"[{submission.reference}] {SUBJECTS[template]}"
    context = {
        "approval": approval,
        "submission": submission,
        "recipient": recipient,
        "subject": subject,
        "case": {"reference": submission.reference},
        "case_url": None,
        "council_name": COUNCIL_NAME,
        "answer_lines": answers.answer_lines(submission),
        "approval_url": site_url(reverse("selfservice:approval", args=[approval.pk])),
        "submission_url": site_url(
            reverse("selfservice:submission", args=[submission.pk])
        ),
    }
    if template == "forms_approval_requested":
        token = tokens.link_token(
            approval_id=approval.pk,
            approver_id=approval.approver_id,
            nonce=approval.link_nonce,
            now=timezone.now(),
        )
        context["link_url"] = site_url(
            reverse("selfservice:approval-link", args=[token])
        )
    email = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"emails/{template}.txt", context),
        to=[recipient.email],
        headers={"Message-ID": message_id},
    )
    email.attach_alternative(
        render_to_string(f"emails/{template}.html", context), "text/html"
    )
    return email
