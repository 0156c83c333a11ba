"""What staff can ask for, and the stock answers agents reply with."""

import string

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel

from .sla import Priority


class RequestType(models.Model):
    """A kind of request within a service area, with its priority and SLA policy."""

    name = models.CharField(max_length=150)
    slug = models.SlugField(max_length=100, unique=True)
    service_area = models.ForeignKey(
        "intranet.ServiceArea", on_delete=models.PROTECT, related_name="request_types"
    )
    description = models.TextField(blank=True)
    default_priority = models.CharField(
        max_length=10, choices=Priority.choices, default=Priority.NORMAL
    )
    sla_policy = models.ForeignKey(
        "helpdesk.SLAPolicy",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="request_types",
    )
    confidential = models.BooleanField(
        default=False,
        help_text="Cases of this type are seen only by the requester and the "
        "access team.",
    )
    access_team = models.ForeignKey(
        "helpdesk.SupportTeam",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="confidential_request_types",
        help_text="Who may see confidential cases of this type. Empty: the team "
        "the case is routed to.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("service_area"),
        FieldPanel("description"),
        FieldPanel("default_priority"),
        FieldPanel("sla_policy"),
        FieldPanel("confidential"),
        FieldPanel("access_team"),
    ]

    class Meta:
        ordering = ["service_area__position", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["service_area", "name"],
                name="requesttype_unique_name_in_area",
            )
        ]

    def __str__(self) -> str:
        return f"{self.service_area}: {self.name}"


class CannedResponse(models.Model):
    """A stock reply; placeholders such as {reference} are filled in per case."""

    PLACEHOLDERS = ("requester_first_name", "reference", "subject", "agent_name")

    team = models.ForeignKey(
        "helpdesk.SupportTeam",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="canned_responses",
        help_text="Leave empty to offer it to every team.",
    )
    title = models.CharField(max_length=150)
    body = models.TextField(
        help_text="You can use {requester_first_name}, {reference}, {subject} "
        "and {agent_name}."
    )

    panels = [FieldPanel("team"), FieldPanel("title"), FieldPanel("body")]

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        try:
            names = {name for _, name, _, _ in string.Formatter().parse(self.body)}
        except ValueError as error:
            raise ValidationError({"body": f"Check the braces: {error}."}) from error
        unknown = sorted(name for name in names - set(self.PLACEHOLDERS) if name)
        if unknown:
            raise ValidationError(
                {"body": f"Unknown placeholder: {', '.join(unknown)}."}
            )
