"""Conversation on a case: public replies and agents' internal notes."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from helpdesk import selectors, timeline
from helpdesk.attachments import attachments_check
from helpdesk.models import Case, TimelineEvent
from helpdesk.services import guards, sla_clock
from helpdesk.services.attachments import attachments_save

Event = TimelineEvent.Kind
_CLOSED = {Case.Status.CLOSED, Case.Status.CANCELLED}


@transaction.atomic
def case_reply(
    *,
    case: Case,
    author,
    body: str,
    attachments: Sequence = (),
    now: datetime,
) -> TimelineEvent:
    """Add a reply the requester and the team both see.

    An agent's first reply stops the first-response clock. The requester
    replying to a case awaiting them reopens it and restarts the SLA clock.

    :raises PermissionDenied: unless the author is the requester or may work it
    :raises ValidationError: on ``body`` if blank, on ``attachments`` for a
        refused file, on ``status`` if the case is closed or resolved
    """
    case = guards.case_lock(case)
    if not selectors.can_reply(author, case):
        raise PermissionDenied("You cannot reply to this case.")
    body = guards.require_text(body, field="body", message="Write your reply.")
    files = attachments_check(attachments)
    if case.status in _CLOSED:
        raise ValidationError({"status": "This case is closed; raise a new request."})
    if case.status == Case.Status.RESOLVED:
        raise ValidationError({"status": "This case is resolved; reopen it to reply."})
    data = {}
    if author.pk == case.requester_id:
        if case.status == Case.Status.AWAITING_REQUESTER:
            sla_clock.clock_resume(case=case, now=now)
            data = {"from": case.status, "to": Case.Status.OPEN}
            case.status = Case.Status.OPEN
    else:
        if case.first_responded_at is None:
            case.first_responded_at = now
        if case.status == Case.Status.NEW:
            case.status = Case.Status.OPEN
    case.updated_at = now
    case.full_clean()
    case.save()
    event = timeline.event_record(
        case=case,
        kind=Event.REPLY,
        actor=author,
        now=now,
        public=True,
        body=body,
        data=data,
    )
    attachments_save(case=case, event=event, uploaded_by=author, files=files, now=now)
    return event


@transaction.atomic
def case_note(
    *,
    case: Case,
    author,
    body: str,
    attachments: Sequence = (),
    now: datetime,
) -> TimelineEvent:
    """Add an internal note that only those working the case see.

    :raises PermissionDenied: unless the author may work the case
    :raises ValidationError: on ``body`` if blank, on ``attachments`` for a
        refused file
    """
    case = guards.case_lock(case)
    guards.require_work(author, case)
    body = guards.require_text(body, field="body", message="Write your note.")
    files = attachments_check(attachments)
    case.updated_at = now
    case.save(update_fields=["updated_at"])
    event = timeline.event_record(
        case=case, kind=Event.INTERNAL_NOTE, actor=author, now=now, body=body
    )
    attachments_save(case=case, event=event, uploaded_by=author, files=files, now=now)
    return event
