"""The append-only timeline of a case: its history and its audit trail."""

from django.conf import settings
from django.db import models


class TimelineEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise TypeError("Timeline events are append-only.")

    def delete(self):
        raise TypeError("Timeline events are append-only.")


class TimelineEvent(models.Model):
    """One thing that happened to a case; never changed or removed once written."""

    class Kind(models.TextChoices):
        CREATED = "created", "Created"
        ROUTED = "routed", "Routed"
        ASSIGNED = "assigned", "Assigned"
        CLAIMED = "claimed", "Claimed"
        REPLY = "reply", "Reply"
        INTERNAL_NOTE = "internal_note", "Internal note"
        STATUS_CHANGED = "status_changed", "Status changed"
        TRANSFERRED = "transferred", "Transferred"
        SLA_WARNING = "sla_warning", "SLA warning"
        SLA_BREACH = "sla_breach", "SLA breach"
        ESCALATED = "escalated", "Escalated"
        MERGED = "merged", "Merged"
        LINKED = "linked", "Linked"
        VIEWED_CONFIDENTIAL = "viewed_confidential", "Viewed confidential case"
        APPROVAL = "approval", "Approval"
        SATISFACTION = "satisfaction", "Satisfaction"
        REOPENED = "reopened", "Reopened"
        RESOLVED = "resolved", "Resolved"
        ATTACHMENT_ADDED = "attachment_added", "Attachment added"
        DUE_CHANGED = "due_changed", "Due time changed"

    case = models.ForeignKey(
        "helpdesk.Case", on_delete=models.PROTECT, related_name="events"
    )
    kind = models.CharField(max_length=30, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Empty when the system did it.",
    )
    created_at = models.DateTimeField()
    public = models.BooleanField(
        default=False, help_text="Whether the requester sees this event."
    )
    body = models.TextField(blank=True)
    data = models.JSONField(default=dict, blank=True)

    objects = TimelineEventQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["case", "created_at"], name="event_case_time_idx")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on case {self.case_id}"

    def save(self, *args, **kwargs):
        if self.pk is not None or not self._state.adding:
            raise TypeError("Timeline events are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("Timeline events are append-only.")
