"""Emails about case events: who gets which, queued through the outbox.

`event_notify` runs inside the transaction that records a timeline event and
stores one outbox message per (event, recipient, email); nothing is sent there.
The outbox later calls `email_deliver`, which reads everything again, so a
recipient who lost sight of the case, left, or a row deleted since, gets no
mail. Confidential cases only ever mail their requester and their access team,
because every recipient must pass the visibility policy both when the message
is queued and when it is sent (`selectors.case_viewer_ids`, one query for all
of an event's recipients). Requester emails quote only public text.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives, get_connection
from django.template.loader import render_to_string
from django.urls import reverse

from helpdesk import selectors
from helpdesk.email_in import rules as email_rules
from helpdesk.models import Case, Membership, TimelineEvent
from intranet import outbox
from intranet.mail import COUNCIL_NAME, SEND_TIMEOUT_SECONDS, mail_domain, message_id

logger = logging.getLogger(__name__)

TOPIC = "helpdesk.email"

Event = TimelineEvent.Kind


@dataclass(frozen=True)
class Notice:
    """One kind of email: its subject (after the case reference) and audience.

    A requester's email normally follows an event they can see; one that
    quotes nothing of the event (``quotes_event=False``) may follow an
    internal one. ``template`` names the template pair when it is shared.
    """

    subject: str
    for_requester: bool = False
    quotes_event: bool = True
    template: str = ""


NOTICES = {
    "case_received": Notice("We have received your request", for_requester=True),
    "case_reply": Notice("New reply to your request", for_requester=True),
    "case_awaiting_requester": Notice("We need your reply", for_requester=True),
    "case_resolved": Notice("Your request has been resolved", for_requester=True),
    "case_assigned": Notice("Case assigned to you"),
    "case_requester_replied": Notice("The requester has replied"),
    "case_new_in_queue": Notice("New case in your queue"),
    "case_sla_warning": Notice("Resolution target is near"),
    "case_sla_breach": Notice("Resolution target missed"),
    "case_first_response_warning": Notice("First response target is near"),
    "case_first_response_breach": Notice("First response target missed"),
    "case_due_changed": Notice("Due time changed", template="case_due_changed"),
    "case_due_changed_to_requester": Notice(
        "Due time changed",
        for_requester=True,
        quotes_event=False,
        template="case_due_changed",
    ),
    "case_support_cancelled": Notice(
        "Support no longer needed", template="case_due_changed"
    ),
    "case_support_cancelled_to_requester": Notice(
        "Support no longer needed",
        for_requester=True,
        quotes_event=False,
        template="case_due_changed",
    ),
}


def event_notify(*, event: TimelineEvent) -> None:
    """Queue the emails one timeline event calls for, in the caller's transaction.

    :raises TransactionManagementError: if called outside a transaction
    """
    outbox.enqueue_many(
        [
            outbox.Message(
                topic=TOPIC,
                payload={
                    "event_id": event.pk,
                    "recipient_id": recipient.pk,
                    "template": template,
                },
                dedupe_key=f"event:{event.pk}:{recipient.pk}:{template}",
            )
            for recipient, template in recipients_for(event)
        ]
    )


def recipients_for(event: TimelineEvent) -> list[tuple]:
    """Return (user, template) for everyone the event should be emailed to.

    Nobody is told about their own action, except that a requester always gets
    the receipt with their reference. Whether each may see the case is asked
    once for them all.
    """
    chosen, seen = [], set()
    for user, template in _candidates(event, event.case):
        if user is None or (user.pk, template) in seen:
            continue
        own_action = event.actor_id == user.pk and template != "case_received"
        if own_action or not _may_receive_notice(user, event, NOTICES[template]):
            continue
        seen.add((user.pk, template))
        chosen.append((user, template))
    if not chosen:
        return []
    viewers = selectors.case_viewer_ids(event.case, {user.pk for user, _ in chosen})
    return [(user, template) for user, template in chosen if user.pk in viewers]


def _candidates(event: TimelineEvent, case: Case) -> list[tuple]:
    requester, assignee = case.requester, case.assignee
    by_requester = event.actor_id == case.requester_id
    match event.kind:
        case Event.CREATED:
            return [(requester, "case_received")]
        case Event.ROUTED:
            queue_id = event.data.get("queue_id", case.queue_id)
            return [(user, "case_new_in_queue") for user in _queue_team(queue_id)]
        case Event.TRANSFERRED:
            queue_id = event.data.get("to_queue_id", case.queue_id)
            return [(user, "case_new_in_queue") for user in _queue_team(queue_id)]
        case Event.ASSIGNED:
            return [(_user(event.data.get("to_user_id")), "case_assigned")]
        case Event.REPLY if by_requester:
            return [(assignee, "case_requester_replied")]
        case Event.REPLY:
            return [(requester, "case_reply")]
        case Event.STATUS_CHANGED if (
            event.data.get("to") == Case.Status.AWAITING_REQUESTER
        ):
            return [(requester, "case_awaiting_requester")]
        case Event.RESOLVED:
            return [(requester, "case_resolved")]
        case Event.SLA_WARNING:
            return [(assignee or _lead(case), _sla_template(event, "warning"))]
        case Event.SLA_BREACH:
            template = _sla_template(event, "breach")
            return [(_lead(case), template), (assignee, template)]
        # A due time set as the case opens is part of its receipt, not news.
        case Event.DUE_CHANGED if event.created_at > case.created_at:
            return _due_changed(event, case)
    return []


def _due_changed(event: TimelineEvent, case: Case) -> list[tuple]:
    cancelled = event.data.get("cancelled")
    template = "case_support_cancelled" if cancelled else "case_due_changed"
    workers = [case.assignee] if case.assignee else _queue_team(case.queue_id)
    chosen = [(user, template) for user in workers]
    if event.data.get("tell_requester", True):
        chosen.append((case.requester, f"{template}_to_requester"))
    return chosen


def _sla_template(event: TimelineEvent, stage: str) -> str:
    # Events written before first-response checks existed name no target.
    if event.data.get("target") == "first_response":
        return f"case_first_response_{stage}"
    return f"case_sla_{stage}"


def _user(user_id):
    if user_id is None:
        return None
    return get_user_model().objects.filter(pk=user_id).first()


def _queue_team(queue_id) -> list:
    memberships = Membership.objects.filter(team__queue__pk=queue_id).select_related(
        "user"
    )
    return [membership.user for membership in memberships.order_by("user_id")]


def _lead(case: Case):
    return case.queue.team.lead


def _may_receive_notice(user, event: TimelineEvent, notice: Notice) -> bool:
    """Return whether this kind of email may go to the user, visibility aside."""
    if not (user.is_active and user.email):
        return False
    return not notice.for_requester or (
        (event.public or not notice.quotes_event) and user.pk == event.case.requester_id
    )


@dataclass(frozen=True)
class _Reads:
    """What one event's emails share: the event, its recipients, who may see it."""

    event: TimelineEvent | None
    recipients: dict
    viewers: frozenset[int]


def _reads(event_id: int, recipient_ids: set[int]) -> _Reads:
    event = (
        TimelineEvent.objects.select_related(
            "case__requester", "case__assignee", "case__queue__team", "actor"
        )
        .filter(pk=event_id)
        .first()
    )
    if event is None:
        return _Reads(event=None, recipients={}, viewers=frozenset())
    recipients = {
        user.pk: user for user in get_user_model().objects.filter(pk__in=recipient_ids)
    }
    viewers = selectors.case_viewer_ids(event.case, recipients)
    return _Reads(event=event, recipients=recipients, viewers=viewers)


@outbox.handler(TOPIC)
def email_deliver(message) -> None:
    """Send the one email an outbox message stands for, if it is still due.

    A deleted event or recipient, or one who may no longer see the case, means
    there is nothing to send; the message then counts as delivered. The emails
    of one event delivered together read the event and their recipients once.

    :raises LookupError: for a template this module does not know
    """
    payload = message.payload
    notice = NOTICES.get(payload["template"])
    if notice is None:
        raise LookupError(f"No case email is called {payload['template']!r}.")
    event_id = payload["event_id"]
    recipient_ids = {payload["recipient_id"]} | {
        other.payload["recipient_id"]
        for other in outbox.batch_messages(TOPIC)
        if other.payload.get("event_id") == event_id
    }
    reads = outbox.shared((TOPIC, event_id), lambda: _reads(event_id, recipient_ids))
    event, recipient = reads.event, reads.recipients.get(payload["recipient_id"])
    if event is None or recipient is None:
        logger.info("helpdesk email %s: event or recipient is gone", message.pk)
        return
    if not (
        _may_receive_notice(recipient, event, notice) and recipient.pk in reads.viewers
    ):
        logger.info("helpdesk email %s: recipient may not receive it", message.pk)
        return
    email = email_build(
        event=event,
        recipient=recipient,
        template=payload["template"],
        message_id=message_id("helpdesk", message.dedupe_key),
    )
    email.connection = get_connection(timeout=SEND_TIMEOUT_SECONDS)
    email.send()


def email_build(
    *, event: TimelineEvent, recipient, template: str, message_id: str
) -> EmailMultiAlternatives:
    """Render the text and HTML versions of one case email to one person."""
    case = event.case
    notice = NOTICES[template]
    files = notice.template or template
    subject = f"[{case.reference}] {notice.subject}"
    context = {
        "case": case,
        "event": event,
        "recipient": recipient,
        "subject": subject,
        "case_url": _case_url(case, for_requester=notice.for_requester),
        "council_name": COUNCIL_NAME,
        "notice": notice,
        "due_change": _due_change(event),
    }
    email = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"emails/helpdesk/{files}.txt", context),
        to=[recipient.email],
        headers={
            "Message-ID": message_id,
            "References": f"<case.{case.pk}@{mail_domain()}>",
            # Mark the mail as automatic so replies-by-robot never come back in
            # as new cases, and our own mail-in recognises it.
            "Auto-Submitted": "auto-generated",
            email_rules.LOOP_HEADER: mail_domain(),
        },
    )
    email.attach_alternative(
        render_to_string(f"emails/helpdesk/{files}.html", context), "text/html"
    )
    return email


def _due_change(event: TimelineEvent) -> dict:
    """Return the old and new due times an event names, as datetimes."""
    return {
        name: datetime.fromisoformat(value)
        for name in ("previous_due_at", "due_at")
        if (value := event.data.get(name))
    }


def _case_url(case: Case, *, for_requester: bool) -> str:
    """Return the absolute address of the page the recipient works the case on.

    Requesters follow their request at /requests/; agents work it at /cases/.
    """
    name = "helpdesk:request-detail" if for_requester else "helpdesk:case"
    path = reverse(name, kwargs={"reference": case.reference})
    return settings.SITE_URL.rstrip("/") + path
