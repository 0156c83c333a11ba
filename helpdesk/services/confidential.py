"""The audit trail of who opened a confidential case."""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction

from helpdesk import selectors, timeline
from helpdesk.models import Attachment, Case, TimelineEvent


@transaction.atomic
def case_record_confidential_view(
    *, case: Case, user, now: datetime, attachment: Attachment | None = None
) -> TimelineEvent | None:
    """Record on the timeline that the user opened a confidential case or its file.

    Does nothing for a case that is not confidential.

    :raises PermissionDenied: if the user may not see the case
    """
    if not case.confidential:
        return None
    if not selectors.can_see(user, case):
        raise PermissionDenied("You cannot see this case.")
    data = {"attachment_id": attachment.pk} if attachment else {}
    return timeline.event_record(
        case=case,
        kind=TimelineEvent.Kind.VIEWED_CONFIDENTIAL,
        actor=user,
        now=now,
        data=data,
    )
