"""The support Democratic Services books for a meeting, one case per item."""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models

from helpdesk.committees.deadlines import MilestoneKind

from .meetings import Meeting

MAX_AGENDA_PACKS = 500


class SupportBooking(models.Model):
    """What one meeting needs from Support Services, tracked by a parent case."""

    class Layout(models.TextChoices):
        HORSESHOE = "horseshoe", "Horseshoe"
        BOARDROOM = "boardroom", "Boardroom"
        THEATRE = "theatre", "Theatre, with public seating"
        HEARING = "hearing", "Hearing, with separate tables for each party"

    meeting = models.OneToOneField(
        Meeting, on_delete=models.PROTECT, related_name="booking"
    )
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    room_layout = models.CharField(
        max_length=20, choices=Layout.choices, default=Layout.HORSESHOE
    )
    webcasting = models.BooleanField("webcasting and AV", default=False)
    legal_adviser = models.BooleanField(default=False)
    minute_taker = models.BooleanField(default=True)
    agenda_pack_count = models.PositiveSmallIntegerField(
        "printed agenda packs",
        default=0,
        validators=[MaxValueValidator(MAX_AGENDA_PACKS)],
    )
    refreshments = models.BooleanField(default=False)
    accessibility_needs = models.TextField(blank=True)
    notes = models.TextField(blank=True)
    parent_case = models.ForeignKey(
        "helpdesk.Case", on_delete=models.PROTECT, related_name="committee_bookings"
    )
    created_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"Support for {self.meeting}"


class BookingItem(models.Model):
    """One piece of support, worked as a child case due at its milestone."""

    class Kind(models.TextChoices):
        ROOM = "room", "Room set-up"
        AV = "av", "Webcasting and AV"
        LEGAL = "legal", "Legal adviser"
        MINUTES = "minutes", "Minute-taker"
        AGENDA_PACKS = "agenda_packs", "Agenda pack printing"
        REFRESHMENTS = "refreshments", "Refreshments"

    booking = models.ForeignKey(
        SupportBooking, on_delete=models.CASCADE, related_name="items"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    child_case = models.ForeignKey(
        "helpdesk.Case", on_delete=models.PROTECT, related_name="committee_items"
    )
    milestone = models.CharField(max_length=20, choices=MilestoneKind.choices)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["booking", "kind"], name="bookingitem_one_per_kind"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} for {self.booking.meeting}"
