"""The retention schedule per request type, and legal holds that suspend it."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from wagtail.admin.panels import FieldPanel


class RetentionPolicy(models.Model):
    """How long cases of one request type are kept after they close."""

    class Action(models.TextChoices):
        DELETE = "delete", "Delete the case"
        ANONYMISE = "anonymise", "Anonymise the case"

    request_type = models.OneToOneField(
        "helpdesk.RequestType",
        on_delete=models.CASCADE,
        related_name="retention_policy",
    )
    retain_years = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Years to keep a case after it closes."
    )
    retain_days = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="Or days to keep it, for periods shorter than a year.",
    )
    action = models.CharField(
        max_length=10,
        choices=Action.choices,
        default=Action.ANONYMISE,
        help_text="Anonymising keeps the case for statistics without personal data.",
    )

    panels = [
        FieldPanel("request_type"),
        FieldPanel("retain_years"),
        FieldPanel("retain_days"),
        FieldPanel("action"),
    ]

    class Meta:
        app_label = "helpdesk"
        ordering = ["request_type__service_area__position", "request_type__name"]
        verbose_name_plural = "retention policies"
        constraints = [
            models.CheckConstraint(
                condition=Q(retain_years__isnull=False, retain_days__isnull=True)
                | Q(retain_years__isnull=True, retain_days__isnull=False),
                name="retentionpolicy_years_or_days",
            )
        ]

    def __str__(self) -> str:
        return f"{self.request_type}: {self.period_label}"

    @property
    def period_label(self) -> str:
        if self.retain_years is not None:
            unit = "year" if self.retain_years == 1 else "years"
            return f"{self.retain_years} {unit} after closure"
        unit = "day" if self.retain_days == 1 else "days"
        return f"{self.retain_days} {unit} after closure"

    def clean(self) -> None:
        if (self.retain_years is None) == (self.retain_days is None):
            raise ValidationError(
                {"retain_years": "Give the period in either years or days, not both."}
            )


class LegalHold(models.Model):
    """Keep a case, or every case of one requester, whatever the schedule says."""

    case = models.ForeignKey(
        "helpdesk.Case",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="legal_holds",
    )
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="legal_holds",
        help_text="Hold every case this person requested.",
    )
    reason = models.TextField(help_text="The claim, litigation or inquiry it serves.")
    placed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    placed_at = models.DateTimeField()
    released_at = models.DateTimeField(
        null=True, blank=True, help_text="Set when the hold no longer applies."
    )

    panels = [
        FieldPanel("case"),
        FieldPanel("requester"),
        FieldPanel("reason"),
        FieldPanel("released_at"),
    ]

    class Meta:
        app_label = "helpdesk"
        ordering = ["-placed_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(case__isnull=False, requester__isnull=True)
                | Q(case__isnull=True, requester__isnull=False),
                name="legalhold_case_or_requester",
            )
        ]

    def __str__(self) -> str:
        held = self.case.reference if self.case_id else f"cases of {self.requester}"
        return f"Legal hold on {held}"

    @property
    def is_active(self) -> bool:
        return self.released_at is None

    def clean(self) -> None:
        if (self.case_id is None) == (self.requester_id is None):
            raise ValidationError(
                {"case": "Hold either one case or one requester's cases."}
            )
        if self.released_at and self.placed_at and self.released_at < self.placed_at:
            raise ValidationError(
                {"released_at": "A hold cannot be released before it was placed."}
            )
