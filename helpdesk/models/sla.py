"""SLA policies, their targets per priority, and the business calendars they run on."""

from datetime import time
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)


class Priority(models.TextChoices):
    LOW = "low", "Low"
    NORMAL = "normal", "Normal"
    HIGH = "high", "High"
    URGENT = "urgent", "Urgent"


WEEKDAYS = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)


def default_opening_time() -> time:
    """Return 09:00, the opening time of a new calendar's working days.

    A callable rather than a fixed value: Django's check for defaults that were
    meant to be "now" warns about a fixed time whenever it runs within ten
    seconds of it, so `check --deploy` failed at 09:00 and 17:00.
    """
    return time(9)


def default_closing_time() -> time:
    """Return 17:00, the closing time of a new calendar's working days."""
    return time(17)


def _opens(weekday: int) -> models.TimeField:
    return models.TimeField(
        null=True, blank=True, default=default_opening_time if weekday < 5 else None
    )


def _closes(weekday: int) -> models.TimeField:
    return models.TimeField(
        null=True, blank=True, default=default_closing_time if weekday < 5 else None
    )


class BusinessCalendar(ClusterableModel):
    """Working hours per weekday, bank holidays and closure days an SLA runs on."""

    name = models.CharField(max_length=100, unique=True)
    monday_opens = _opens(0)
    monday_closes = _closes(0)
    tuesday_opens = _opens(1)
    tuesday_closes = _closes(1)
    wednesday_opens = _opens(2)
    wednesday_closes = _closes(2)
    thursday_opens = _opens(3)
    thursday_closes = _closes(3)
    friday_opens = _opens(4)
    friday_closes = _closes(4)
    saturday_opens = _opens(5)
    saturday_closes = _closes(5)
    sunday_opens = _opens(6)
    sunday_closes = _closes(6)
    use_bank_holidays = models.BooleanField(
        "closed on bank holidays",
        default=True,
        help_text="England and Wales bank holidays, substitute days included.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("name"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel(f"{day}_opens"), FieldPanel(f"{day}_closes")],
                    heading=day.capitalize(),
                )
                for day in WEEKDAYS
            ],
            heading="Working hours",
            help_text="Leave both times empty on days the service is closed.",
        ),
        FieldPanel("use_bank_holidays"),
        InlinePanel("closure_days", heading="Closure days", label="Closure day"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def weekly_hours(self) -> dict[int, tuple[time, time] | None]:
        """Return opening and closing times per weekday (0 is Monday)."""
        hours = {}
        for weekday, day in enumerate(WEEKDAYS):
            opens = getattr(self, f"{day}_opens")
            closes = getattr(self, f"{day}_closes")
            hours[weekday] = (opens, closes) if opens and closes else None
        return hours

    def clean(self) -> None:
        errors = {}
        for day in WEEKDAYS:
            opens = getattr(self, f"{day}_opens")
            closes = getattr(self, f"{day}_closes")
            if (opens is None) != (closes is None):
                missing = f"{day}_closes" if closes is None else f"{day}_opens"
                errors[missing] = (
                    f"Give both an opening and a closing time for {day.capitalize()}, "
                    "or neither if closed."
                )
            elif opens is not None and opens >= closes:
                errors[f"{day}_closes"] = (
                    f"{day.capitalize()} must close after it opens."
                )
        if not errors and not any(self.weekly_hours().values()):
            errors["monday_opens"] = "Open on at least one day of the week."
        if errors:
            raise ValidationError(errors)


class ClosureDay(models.Model):
    """A date a calendar is closed besides weekends and bank holidays."""

    calendar = ParentalKey(
        BusinessCalendar, on_delete=models.CASCADE, related_name="closure_days"
    )
    date = models.DateField()
    reason = models.CharField(max_length=100, help_text="Such as Christmas shutdown.")

    panels = [FieldPanel("date"), FieldPanel("reason")]

    class Meta:
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(
                fields=["calendar", "date"],
                name="closureday_unique_date_in_calendar",
                violation_error_message="This date is already a closure day.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.date:%-d %B %Y}: {self.reason}"


@receiver([post_save, post_delete], sender=ClosureDay)
def _closure_day_changed(sender, instance: ClosureDay, **kwargs) -> None:
    # Built calendars are cached by calendar and `updated_at`; a closure day
    # changed on its own must still retire the cached copy.
    BusinessCalendar.objects.filter(pk=instance.calendar_id).update(
        updated_at=timezone.now()
    )


class SLAPolicy(ClusterableModel):
    """First-response and resolution targets per priority, in working hours."""

    name = models.CharField(max_length=100, unique=True)
    description = models.TextField(blank=True)
    calendar = models.ForeignKey(
        BusinessCalendar,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="sla_policies",
        help_text="Leave empty for Monday to Friday, 9am to 5pm, closed on "
        "England and Wales bank holidays.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("calendar"),
        InlinePanel("targets", heading="Targets", label="Target"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = "SLA policy"
        verbose_name_plural = "SLA policies"

    def __str__(self) -> str:
        return self.name

    def target_for(self, priority: str) -> "SLATarget | None":
        """Return the policy's target for the priority, if it sets one."""
        return next(
            (target for target in self.targets.all() if target.priority == priority),
            None,
        )


_positive_hours = [MinValueValidator(Decimal("0.01"))]


class SLATarget(models.Model):
    """How many working hours a case of one priority has to be answered and solved."""

    policy = ParentalKey(SLAPolicy, on_delete=models.CASCADE, related_name="targets")
    priority = models.CharField(max_length=10, choices=Priority.choices)
    first_response_hours = models.DecimalField(
        max_digits=7, decimal_places=2, validators=_positive_hours
    )
    resolution_hours = models.DecimalField(
        max_digits=7, decimal_places=2, validators=_positive_hours
    )

    panels = [
        FieldRowPanel(
            [
                FieldPanel("priority"),
                FieldPanel("first_response_hours"),
                FieldPanel("resolution_hours"),
            ]
        )
    ]

    class Meta:
        verbose_name = "SLA target"
        constraints = [
            models.UniqueConstraint(
                fields=["policy", "priority"],
                name="slatarget_unique_priority_in_policy",
                violation_error_message="This policy already has a target for "
                "that priority.",
            ),
            models.CheckConstraint(
                condition=Q(first_response_hours__gt=0)
                & Q(resolution_hours__gte=F("first_response_hours")),
                name="slatarget_positive_and_ordered_hours",
                violation_error_message="Resolution must take at least as long as "
                "the first response, and both must be more than zero.",
            ),
        ]

    def __str__(self) -> str:
        return (
            f"{self.get_priority_display()}: respond in {self.first_response_hours}h, "
            f"resolve in {self.resolution_hours}h"
        )

    def clean(self) -> None:
        if (
            self.first_response_hours is not None
            and self.resolution_hours is not None
            and self.resolution_hours < self.first_response_hours
        ):
            raise ValidationError(
                {
                    "resolution_hours": "Resolution hours must be at least the "
                    "first response hours."
                }
            )
