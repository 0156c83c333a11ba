"""Keeping a booking's cases in step with their meeting."""

from __future__ import annotations

from datetime import datetime

from helpdesk import timeline
from helpdesk.committees import selectors
from helpdesk.committees.models import Meeting, SupportBooking
from helpdesk.models import TimelineEvent
from helpdesk.services import due_dates

MEETING_CANCELLED = "meeting cancelled"


def _open_cases(booking: SupportBooking) -> list:
    cases = [booking.parent_case]
    cases += [item.child_case for item in booking.items.select_related("child_case")]
    return [case for case in cases if not case.is_finished]


def booking_cancelled_record(
    *, meeting: Meeting, body: str, actor, now: datetime
) -> int:
    """Record on every unfinished case of the meeting's booking that it is cancelled.

    Recording it on the timeline is what emails the people working the cases;
    the booking officer hears once, through the parent case. Call inside the
    caller's transaction. Return how many cases were told.
    """
    booking = selectors.booking_for(meeting=meeting)
    if booking is None:
        return 0
    cases = _open_cases(booking)
    for case in cases:
        timeline.event_record(
            case=case,
            kind=TimelineEvent.Kind.DUE_CHANGED,
            actor=actor,
            now=now,
            body=body,
            data={
                "reason": MEETING_CANCELLED,
                "cancelled": True,
                "meeting_id": meeting.pk,
                "meeting_status": meeting.status,
                "tell_requester": case.pk == booking.parent_case_id,
            },
        )
    return len(cases)


def booking_due_sync(*, meeting: Meeting, reason: str, actor, now: datetime) -> int:
    """Set each unfinished case's due time from the meeting's current milestones.

    The parent case is due with the last of its items. The booking officer
    hears of the move once, through the parent case. Return how many cases'
    due times changed.
    """
    booking = selectors.booking_for(meeting=meeting)
    if booking is None:
        return 0
    milestones = {m.kind: m for m in selectors.meeting_milestones(meeting=meeting)}
    changed = 0
    latest = None
    for item in booking.items.select_related("child_case"):
        due_at = milestones[item.milestone].due_at
        latest = max(latest or due_at, due_at)
        changed += _set_due(item.child_case, due_at, reason, actor, now, False)
    if latest is not None:
        changed += _set_due(booking.parent_case, latest, reason, actor, now, True)
    return changed


def _set_due(
    case, due_at: datetime, reason: str, actor, now: datetime, tell_requester: bool
) -> int:
    if case.is_finished or case.resolution_due_at == due_at:
        return 0
    due_dates.case_set_due(
        case=case,
        due_at=due_at,
        reason=reason,
        actor=actor,
        now=now,
        tell_requester=tell_requester,
    )
    return 1
