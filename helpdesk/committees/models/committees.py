"""Committees and the venues they meet in."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel


class Venue(models.Model):
    """A room committees meet in, with what it offers."""

    name = models.CharField(max_length=100, unique=True)
    capacity = models.PositiveIntegerField(validators=[MinValueValidator(1)])
    webcasting = models.BooleanField(default=False)
    hearing_loop = models.BooleanField(default=False)

    panels = [
        FieldPanel("name"),
        FieldPanel("capacity"),
        FieldPanel("webcasting"),
        FieldPanel("hearing_loop"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Committee(models.Model):
    """A council committee: who clerks it, where it meets, its working deadlines."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    clerk = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="committees_clerked",
    )
    default_venue = models.ForeignKey(
        Venue,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Reports must be in before the agenda is compiled, which is itself five clear
    # working days (six working days) before the meeting.
    report_deadline_working_days = models.PositiveSmallIntegerField(
        default=10,
        validators=[MinValueValidator(7), MaxValueValidator(60)],
        help_text="Working days before the meeting that reports are due.",
    )
    minutes_due_working_days = models.PositiveSmallIntegerField(
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(30)],
        help_text="Working days after the meeting that draft minutes are due.",
    )
    needs_legal_adviser = models.BooleanField(
        default=False,
        help_text="Bookings ask for a legal adviser unless unticked, as for "
        "planning and licensing.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("clerk"),
        FieldPanel("default_venue"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("report_deadline_working_days"),
                        FieldPanel("minutes_due_working_days"),
                    ]
                ),
                FieldPanel("needs_legal_adviser"),
            ],
            heading="Deadlines and support",
        ),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
