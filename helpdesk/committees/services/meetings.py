"""Scheduling, moving and cancelling committee meetings."""

from __future__ import annotations

from datetime import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from helpdesk.committees import selectors
from helpdesk.committees.models import Committee, Meeting, Venue
from helpdesk.committees.services import notices

Status = Meeting.Status


def _lock_resources(meeting: Meeting) -> None:
    # Holding the venue's and clerk's rows until commit makes a second booking of
    # either wait here and then see this one, so two clashing meetings cannot
    # both pass the clash check.
    if meeting.venue_id:
        Venue.objects.select_for_update().filter(pk=meeting.venue_id).first()
    if meeting.clerk_id:
        get_user_model().objects.select_for_update().filter(pk=meeting.clerk_id).first()


def _require_booker(actor) -> None:
    if not selectors.user_can_book(actor):
        raise PermissionDenied(
            "Only Democratic Services can change committee meetings."
        )


@transaction.atomic
def meeting_create(
    *,
    committee: Committee,
    start_at: datetime,
    end_at: datetime,
    venue: Venue | None = None,
    clerk=None,
    title: str = "",
    is_public: bool = True,
    status: str = Status.SCHEDULED,
    now: datetime,
) -> Meeting:
    """Schedule a meeting, at the committee's venue and with its clerk by default.

    :raises ValidationError: for a meeting that ends before it starts, has no
        venue, or clashes with another in the same venue or with the same clerk
    """
    meeting = Meeting(
        committee=committee,
        start_at=start_at,
        end_at=end_at,
        venue=venue or committee.default_venue,
        clerk=clerk or committee.clerk,
        title=title.strip(),
        is_public=is_public,
        status=status,
        created_at=now,
        updated_at=now,
    )
    _lock_resources(meeting)
    meeting.full_clean()
    meeting.save()
    return meeting


@transaction.atomic
def meeting_move(
    *,
    meeting: Meeting,
    start_at: datetime,
    end_at: datetime,
    venue: Venue | None = None,
    actor,
    now: datetime,
) -> Meeting:
    """Move a meeting, then move its support cases' due times with its milestones.

    :raises PermissionDenied: unless the actor may book committee support
    :raises ValidationError: for a cancelled or held meeting, bad times or a clash
    """
    _require_booker(actor)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.status in (Status.CANCELLED, Status.HELD):
        raise ValidationError(
            {"status": f"This meeting is {meeting.get_status_display().lower()}."}
        )
    old_start = meeting.start_at
    meeting.start_at, meeting.end_at = start_at, end_at
    meeting.venue = venue or meeting.venue
    meeting.updated_at = now
    _lock_resources(meeting)
    meeting.full_clean()
    meeting.save()
    if old_start != meeting.start_at:
        moved = (
            f"{meeting.committee} moved from "
            f"{timezone.localtime(old_start):%-d %B %Y %H:%M} to "
            f"{timezone.localtime(meeting.start_at):%-d %B %Y %H:%M}"
        )
        notices.booking_due_sync(meeting=meeting, reason=moved, actor=actor, now=now)
    return meeting


@transaction.atomic
def meeting_cancel(*, meeting: Meeting, reason: str, actor, now: datetime) -> Meeting:
    """Cancel a meeting and tell everyone working its support cases.

    :raises PermissionDenied: unless the actor may book committee support
    :raises ValidationError: on ``reason`` if blank, on ``status`` if the meeting
        is already cancelled or was held
    """
    _require_booker(actor)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Say why the meeting is cancelled."})
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.status in (Status.CANCELLED, Status.HELD):
        raise ValidationError(
            {"status": f"This meeting is {meeting.get_status_display().lower()}."}
        )
    meeting.status = Status.CANCELLED
    meeting.updated_at = now
    meeting.full_clean()
    meeting.save()
    notices.booking_cancelled_record(
        meeting=meeting,
        body=f"{meeting} is cancelled: {reason}. This support is no longer needed.",
        actor=actor,
        now=now,
    )
    return meeting
