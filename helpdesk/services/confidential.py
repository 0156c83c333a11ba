"""The audit trail of who opened a confidential case."""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction

from helpdesk import selectors, timeline
from helpdesk.models import Attachment, Case, TimelineEvent
from intranet.audit.context import current_request
from intranet.audit.models import AuditEntry
from intranet.audit.services import audit_record


def case_record_confidential_view(
    *, case: Case, user, now: datetime, attachment: Attachment | None = None
) -> TimelineEvent | None:
    """Record, on the timeline and in the audit log, an opening of a confidential case.

    Does nothing, not even open a transaction, for a case that is not confidential.

    :raises PermissionDenied: if the user may not see the case
    """
    if not case.confidential:
        return None
    return _record_confidential_view(
        case=case, user=user, now=now, attachment=attachment
    )


@transaction.atomic
def _record_confidential_view(
    *, case: Case, user, now: datetime, attachment: Attachment | None
) -> TimelineEvent:
    if not selectors.can_see(user, case):
        raise PermissionDenied("You cannot see this case.")
    data = {"attachment_id": attachment.pk} if attachment else {}
    # The timeline shows the case's own history; the audit log answers "who looked
    # at what, from where" across every case for the data protection officer.
    audit_record(
        action=AuditEntry.Action.CONFIDENTIAL_VIEW,
        actor=user,
        request=current_request.get(),
        obj=case,
        detail={"reference": case.reference, **data},
        now=now,
    )
    return timeline.event_record(
        case=case,
        kind=TimelineEvent.Kind.VIEWED_CONFIDENTIAL,
        actor=user,
        now=now,
        data=data,
    )
