"""Committee meetings: when and where, who clerks them, and whether they clash."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from .committees import Committee, Venue


class MeetingQuerySet(models.QuerySet):
    def active(self):
        """Return the meetings that still take place: cancelled ones never clash."""
        return self.exclude(status=Meeting.Status.CANCELLED)

    def overlapping(self, start_at, end_at):
        """Return meetings sharing some time with the span; touching ends are fine."""
        return self.filter(start_at__lt=end_at, end_at__gt=start_at)


class Meeting(models.Model):
    """One meeting of a committee."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", "Scheduled"
        CONFIRMED = "confirmed", "Confirmed"
        CANCELLED = "cancelled", "Cancelled"
        HELD = "held", "Held"

    committee = models.ForeignKey(
        Committee, on_delete=models.PROTECT, related_name="meetings"
    )
    title = models.CharField(
        max_length=200, blank=True, help_text="Optional, such as Budget meeting."
    )
    start_at = models.DateTimeField("starts")
    end_at = models.DateTimeField("ends")
    venue = models.ForeignKey(
        Venue,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings",
        help_text="Leave empty for the committee's usual venue.",
    )
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.SCHEDULED
    )
    is_public = models.BooleanField(
        "open to the public",
        default=True,
        help_text="Untick for a meeting held in private.",
    )
    clerk = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings_clerked",
        help_text="Leave empty for the committee's clerk.",
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = MeetingQuerySet.as_manager()

    panels = [
        FieldPanel("committee"),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("start_at"), FieldPanel("end_at")]),
        FieldPanel("venue"),
        FieldPanel("clerk"),
        FieldPanel("status"),
        FieldPanel("is_public"),
    ]

    class Meta:
        ordering = ["start_at", "pk"]
        indexes = [
            models.Index(fields=["venue", "start_at"], name="meeting_venue_start_idx"),
            models.Index(fields=["clerk", "start_at"], name="meeting_clerk_start_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_at__gt=F("start_at")),
                name="meeting_ends_after_it_starts",
                violation_error_message="A meeting must end after it starts.",
            )
        ]

    def __str__(self) -> str:
        when = timezone.localtime(self.start_at) if self.start_at else None
        day = f"{when:%-d %B %Y}" if when else "date to be set"
        name = self.title or (self.committee.name if self.committee_id else "Meeting")
        return f"{name}, {day}"

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    def clean(self) -> None:
        if self.committee_id:
            if self.venue_id is None:
                self.venue = self.committee.default_venue
            if self.clerk_id is None:
                self.clerk = self.committee.clerk
        errors = {}
        if self.venue_id is None:
            errors["venue"] = "Choose a venue: this committee has no usual venue."
        if self.start_at and self.end_at and self.end_at <= self.start_at:
            errors["end_at"] = "The meeting must end after it starts."
        if errors:
            raise ValidationError(errors)
        if self.start_at and self.end_at and not self.is_cancelled:
            self._check_clashes()

    def clashes(self) -> MeetingQuerySet:
        """Return other meetings at the same time in the same venue or clerk."""
        same = Q(venue_id=self.venue_id)
        if self.clerk_id:
            same |= Q(clerk_id=self.clerk_id)
        return (
            Meeting.objects.active()
            .overlapping(self.start_at, self.end_at)
            .filter(same)
            .exclude(pk=self.pk)
            .select_related("committee", "venue", "clerk")
        )

    def _check_clashes(self) -> None:
        errors = {}
        for other in self.clashes():
            when = (
                f"{timezone.localtime(other.start_at):%H:%M} to "
                f"{timezone.localtime(other.end_at):%H:%M}"
            )
            if other.venue_id == self.venue_id and "venue" not in errors:
                errors["venue"] = (
                    f"{other.venue} is already booked for {other} ({when})."
                )
            if self.clerk_id and other.clerk_id == self.clerk_id:
                errors.setdefault(
                    "clerk",
                    f"{other.clerk} is already clerking {other} ({when}).",
                )
        if errors:
            raise ValidationError(errors)
