"""Cases, their references, watchers and links between them."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q

from .sla import Priority


class Case(models.Model):
    """A request that self-service could not resolve, worked by a support team."""

    class Status(models.TextChoices):
        NEW = "new", "New"
        OPEN = "open", "Open"
        AWAITING_REQUESTER = "awaiting_requester", "Awaiting requester"
        AWAITING_APPROVAL = "awaiting_approval", "Awaiting approval"
        ON_HOLD = "on_hold", "On hold"
        RESOLVED = "resolved", "Resolved"
        CLOSED = "closed", "Closed"
        CANCELLED = "cancelled", "Cancelled"

    reference = models.CharField(max_length=20, unique=True, editable=False)
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="cases"
    )
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases_raised",
        help_text="Who raised it on the requester's behalf, if someone did.",
    )
    subject = models.CharField(max_length=200)
    description = models.TextField()
    answers = models.JSONField(default=dict, blank=True)
    request_type = models.ForeignKey(
        "helpdesk.RequestType", on_delete=models.PROTECT, related_name="cases"
    )
    service_area = models.ForeignKey(
        "intranet.ServiceArea", on_delete=models.PROTECT, related_name="cases"
    )
    queue = models.ForeignKey(
        "helpdesk.Queue", on_delete=models.PROTECT, related_name="cases"
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assigned_cases",
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NEW)
    priority = models.CharField(
        max_length=10, choices=Priority.choices, default=Priority.NORMAL
    )
    confidential = models.BooleanField(default=False)
    access_team = models.ForeignKey(
        "helpdesk.SupportTeam",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="accessible_cases",
        help_text="For confidential cases: the only team, besides the requester, "
        "who may see it.",
    )
    first_response_due_at = models.DateTimeField(null=True, blank=True)
    resolution_due_at = models.DateTimeField(null=True, blank=True)
    sla_warning_due_at = models.DateTimeField(null=True, blank=True)
    first_responded_at = models.DateTimeField(null=True, blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    sla_paused_at = models.DateTimeField(null=True, blank=True)
    sla_remaining_seconds = models.IntegerField(null=True, blank=True)
    sla_warning_sent_at = models.DateTimeField(null=True, blank=True)
    sla_breached_at = models.DateTimeField(null=True, blank=True)
    first_response_warning_due_at = models.DateTimeField(null=True, blank=True)
    first_response_warning_sent_at = models.DateTimeField(null=True, blank=True)
    first_response_breached_at = models.DateTimeField(null=True, blank=True)
    resolution_summary = models.TextField(blank=True)
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="merged_cases",
    )
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["queue", "status"], name="case_queue_status_idx"),
            models.Index(
                fields=["assignee", "status"], name="case_assignee_status_idx"
            ),
            models.Index(
                fields=["requester", "-created_at"], name="case_requester_idx"
            ),
            models.Index(fields=["status", "resolution_due_at"], name="case_sla_idx"),
            # The reports count cases opened, answered and resolved in a period.
            models.Index(fields=["created_at"], name="case_created_idx"),
            models.Index(
                fields=["first_responded_at"], name="case_first_responded_idx"
            ),
            models.Index(fields=["resolved_at"], name="case_resolved_idx"),
            # Queues, "My work" and open counts list only unfinished cases,
            # a few percent of them all, soonest due first.
            models.Index(
                fields=["queue", "resolution_due_at"],
                condition=~Q(status__in=["cancelled", "closed", "resolved"]),
                name="case_open_queue_due_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.subject}"

    @property
    def is_finished(self) -> bool:
        return self.status in FINISHED_STATUSES


FINISHED_STATUSES = frozenset(
    {Case.Status.RESOLVED, Case.Status.CLOSED, Case.Status.CANCELLED}
)


class ReferenceCounter(models.Model):
    """The last case number handed out in one service area."""

    service_area = models.OneToOneField(
        "intranet.ServiceArea", on_delete=models.CASCADE, related_name="+"
    )
    last_number = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.service_area}: {self.last_number}"


class Watcher(models.Model):
    """Someone who follows a case without being its requester or assignee."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="watchers")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="watching"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["case", "user"], name="watcher_unique_user_per_case"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} watches {self.case.reference}"


class CaseLink(models.Model):
    """Two related cases; stored once with the lower id first."""

    case_a = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="+")
    case_b = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="+")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["case_a", "case_b"], name="caselink_unique_pair"
            ),
            models.CheckConstraint(
                condition=Q(case_a__lt=F("case_b")), name="caselink_ordered_pair"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case_a_id} ~ {self.case_b_id}"

    def clean(self) -> None:
        if self.case_a_id and self.case_a_id == self.case_b_id:
            raise ValidationError({"case_b": "A case cannot be linked to itself."})
