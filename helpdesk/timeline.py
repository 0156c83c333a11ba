"""The one way timeline events are written, so every event reaches notifications."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from helpdesk import notifications
from helpdesk.models import Case, TimelineEvent


def event_record(
    *,
    case: Case,
    kind: str,
    actor=None,
    now: datetime,
    public: bool = False,
    body: str = "",
    data: dict[str, Any] | None = None,
) -> TimelineEvent:
    """Append an event to the case's timeline and hand it to notifications.

    Call inside the service's transaction, so the event and its notifications
    are saved together or not at all.

    :raises ValidationError: if the event is malformed
    """
    event = TimelineEvent(
        case=case,
        kind=kind,
        actor=actor,
        created_at=now,
        public=public,
        body=body,
        data=data or {},
    )
    # The case and actor are rows the caller holds; validation need not read
    # them again, and the database's foreign keys still guard them.
    event.full_clean(exclude=["case", "actor"])
    event.save()
    notifications.event_notify(event=event)
    return event
