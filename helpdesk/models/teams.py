"""Support teams, their members and their queues."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel


class SupportTeam(ClusterableModel):
    """A team that works cases: specialists, business partners or case management."""

    class Kind(models.TextChoices):
        SPECIALISTS = "specialists", "Specialists"
        BUSINESS_PARTNERS = "business_partners", "Business partners"
        CASE_MANAGEMENT = "case_management", "Case management"

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    service_area = models.ForeignKey(
        "intranet.ServiceArea",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="support_teams",
        help_text="Leave empty for case management, which serves every area.",
    )
    partnered_directorates = models.ManyToManyField(
        "intranet.Directorate",
        blank=True,
        related_name="business_partner_teams",
        help_text="For business partner teams: the directorates they partner.",
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="Membership",
        related_name="support_teams",
        blank=True,
    )
    lead = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="led_support_teams",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("service_area"),
        FieldPanel("partnered_directorates"),
        FieldPanel("lead"),
        InlinePanel("memberships", heading="Members", label="Member"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        is_case_management = self.kind == self.Kind.CASE_MANAGEMENT
        if is_case_management and self.service_area_id:
            raise ValidationError(
                {"service_area": "Case management serves every service area."}
            )
        if not is_case_management and not self.service_area_id:
            raise ValidationError(
                {"service_area": "Choose the service area this team works for."}
            )


class Membership(models.Model):
    """One person's place in a support team."""

    class Role(models.TextChoices):
        MEMBER = "member", "Member"
        LEAD = "lead", "Lead"

    team = ParentalKey(
        SupportTeam, on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="support_memberships",
    )
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.MEMBER)

    panels = [FieldPanel("user"), FieldPanel("role")]

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["team", "user"], name="membership_unique_user_in_team"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.team}"


class Queue(models.Model):
    """The work list of one support team; the triage queue catches everything else."""

    team = models.OneToOneField(
        SupportTeam, on_delete=models.PROTECT, related_name="queue"
    )
    name = models.CharField(max_length=100, unique=True)
    is_triage = models.BooleanField(
        default=False,
        help_text="Cases no routing rule claims land here. Only one queue may be it.",
    )

    panels = [FieldPanel("team"), FieldPanel("name"), FieldPanel("is_triage")]

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_triage"],
                condition=Q(is_triage=True),
                name="queue_single_triage",
                violation_error_message="There is already a triage queue.",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if (
            self.is_triage
            and self.team_id
            and self.team.kind != SupportTeam.Kind.CASE_MANAGEMENT
        ):
            raise ValidationError(
                {"is_triage": "The triage queue belongs to the case management team."}
            )
