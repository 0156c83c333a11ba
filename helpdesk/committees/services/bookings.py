"""Booking committee support: a parent case for the meeting, a child case per item."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from helpdesk import services as case_services
from helpdesk.committees import selectors
from helpdesk.committees.deadlines import MilestoneKind
from helpdesk.committees.models import BookingItem, Meeting, SupportBooking
from helpdesk.models import RequestType
from helpdesk.services import due_dates

Kind = BookingItem.Kind

PARENT_REQUEST_TYPE = "committee-support-booking"


@dataclass(frozen=True)
class ItemRoute:
    request_type: str
    milestone: MilestoneKind


ITEM_ROUTES = {
    Kind.ROOM: ItemRoute("committee-room-set-up", MilestoneKind.ROOM_SETUP),
    Kind.REFRESHMENTS: ItemRoute("committee-refreshments", MilestoneKind.ROOM_SETUP),
    Kind.AV: ItemRoute("committee-webcasting-av", MilestoneKind.AV_SETUP),
    Kind.LEGAL: ItemRoute("committee-legal-adviser", MilestoneKind.LEGAL_ADVISER),
    Kind.MINUTES: ItemRoute("committee-minute-taker", MilestoneKind.DRAFT_MINUTES),
    Kind.AGENDA_PACKS: ItemRoute(
        "committee-agenda-pack-printing", MilestoneKind.AGENDA_PACKS
    ),
}


def _request_types() -> dict[str, RequestType]:
    slugs = [
        PARENT_REQUEST_TYPE,
        *(route.request_type for route in ITEM_ROUTES.values()),
    ]
    found = RequestType.objects.select_related("service_area", "sla_policy").in_bulk(
        slugs, field_name="slug"
    )
    missing = sorted(set(slugs) - set(found))
    if missing:
        raise ValidationError(
            {
                "meeting": "Committee support cannot be booked until these request "
                f"types are set up: {', '.join(missing)}."
            }
        )
    return found


def _check_meeting(meeting: Meeting, now: datetime) -> None:
    if meeting.status in (Meeting.Status.CANCELLED, Meeting.Status.HELD):
        raise ValidationError(
            {
                "meeting": f"This meeting is "
                f"{meeting.get_status_display().lower()}: support cannot be booked."
            }
        )
    if meeting.start_at <= now:
        raise ValidationError({"meeting": "This meeting has already started."})
    if SupportBooking.objects.filter(meeting=meeting).exists():
        raise ValidationError(
            {"meeting": "Support is already booked for this meeting."}
        )


def _items(booking: SupportBooking) -> list[str]:
    wanted = {
        Kind.ROOM: True,
        Kind.AV: booking.webcasting,
        Kind.LEGAL: booking.legal_adviser,
        Kind.MINUTES: booking.minute_taker,
        Kind.AGENDA_PACKS: booking.agenda_pack_count > 0,
        Kind.REFRESHMENTS: booking.refreshments,
    }
    return [kind for kind, needed in wanted.items() if needed]


def _summary(booking: SupportBooking) -> str:
    meeting = booking.meeting
    start = timezone.localtime(meeting.start_at)
    end = timezone.localtime(meeting.end_at)
    lines = [
        f"{meeting.committee}: {start:%A %-d %B %Y}, {start:%H:%M} to {end:%H:%M}",
        f"Venue: {meeting.venue}",
        f"Room layout: {booking.get_room_layout_display()}",
        f"Clerk: {meeting.clerk or 'not set'}",
    ]
    if booking.agenda_pack_count:
        lines.append(f"Printed agenda packs: {booking.agenda_pack_count}")
    if booking.accessibility_needs:
        lines.append(f"Accessibility needs: {booking.accessibility_needs}")
    if booking.notes:
        lines.append(f"Notes: {booking.notes}")
    return "\n".join(lines)


def _answers(booking: SupportBooking) -> dict:
    return {
        "meeting_id": booking.meeting_id,
        "room_layout": booking.room_layout,
        "webcasting": booking.webcasting,
        "legal_adviser": booking.legal_adviser,
        "minute_taker": booking.minute_taker,
        "agenda_pack_count": booking.agenda_pack_count,
        "refreshments": booking.refreshments,
        "accessibility_needs": booking.accessibility_needs,
        "notes": booking.notes,
    }


@transaction.atomic
def booking_create(
    *,
    meeting: Meeting,
    booked_by,
    room_layout: str = SupportBooking.Layout.HORSESHOE,
    webcasting: bool = False,
    legal_adviser: bool = False,
    minute_taker: bool = True,
    agenda_pack_count: int = 0,
    refreshments: bool = False,
    accessibility_needs: str = "",
    notes: str = "",
    now: datetime,
) -> SupportBooking:
    """Book a meeting's support: open its parent case and one case per item.

    Each case goes through the normal routing to its supporting team; each item's
    case is due at its milestone, and the parent case with the last of them.

    :raises PermissionDenied: unless the booker is in Democratic Services
    :raises ValidationError: naming the field, for a meeting that is cancelled,
        held, started or already booked, webcasting at a venue without it, or
        bad details
    """
    if not selectors.user_can_book(booked_by):
        raise PermissionDenied("Only Democratic Services can book committee support.")
    meeting = (
        Meeting.objects.select_for_update(of=("self",))
        .select_related("committee", "venue", "clerk")
        .get(pk=meeting.pk)
    )
    _check_meeting(meeting, now)
    booking = SupportBooking(
        meeting=meeting,
        booked_by=booked_by,
        room_layout=room_layout,
        webcasting=bool(webcasting),
        legal_adviser=bool(legal_adviser),
        minute_taker=bool(minute_taker),
        agenda_pack_count=agenda_pack_count or 0,
        refreshments=bool(refreshments),
        accessibility_needs=(accessibility_needs or "").strip(),
        notes=(notes or "").strip(),
        created_at=now,
    )
    booking.full_clean(exclude=["parent_case"])
    if booking.webcasting and not meeting.venue.webcasting:
        raise ValidationError(
            {
                "webcasting": f"{meeting.venue} has no webcasting: move the meeting "
                "to a webcast venue or untick webcasting."
            }
        )
    request_types = _request_types()
    description = _summary(booking)
    answers = _answers(booking)
    booking.parent_case = case_services.case_create(
        requester=booked_by,
        request_type=request_types[PARENT_REQUEST_TYPE],
        subject=f"Committee support: {meeting}",
        description=description,
        answers=answers,
        now=now,
    )
    booking.save()
    milestones = {m.kind: m for m in selectors.meeting_milestones(meeting=meeting)}
    latest = None
    for kind in _items(booking):
        route = ITEM_ROUTES[kind]
        milestone = milestones[route.milestone]
        child = case_services.case_create(
            requester=booked_by,
            request_type=request_types[route.request_type],
            subject=f"{Kind(kind).label}: {meeting}",
            description=f"{description}\n\nPart of {booking.parent_case.reference}.",
            answers={**answers, "parent_case": booking.parent_case.reference},
            now=now,
        )
        due_dates.case_set_due(
            case=child,
            due_at=milestone.due_at,
            reason=f"{milestone.label} for {meeting}",
            actor=booked_by,
            now=now,
        )
        BookingItem.objects.create(
            booking=booking, kind=kind, child_case=child, milestone=route.milestone
        )
        latest = max(latest or milestone.due_at, milestone.due_at)
    booking.parent_case = due_dates.case_set_due(
        case=booking.parent_case,
        due_at=latest,
        reason=f"Last support milestone for {meeting}",
        actor=booked_by,
        now=now,
    )
    return booking
