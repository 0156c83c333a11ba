"""Line-manager approvals and who covers for an absent approver."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models


class Approval(models.Model):
    """A manager's yes or no to a submission, asked for before a case opens."""

    class Decision(models.TextChoices):
        PENDING = "pending", "Waiting"
        APPROVED = "approved", "Approved"
        DECLINED = "declined", "Declined"

    submission = models.OneToOneField(
        "selfservice.Submission", on_delete=models.CASCADE, related_name="approval"
    )
    approver = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    covering_for = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The absent line manager the approver stands in for.",
    )
    decision = models.CharField(
        max_length=10, choices=Decision.choices, default=Decision.PENDING
    )
    comment = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    link_nonce = models.CharField(
        max_length=64,
        blank=True,
        help_text="Matches the one email link still valid; cleared once used.",
    )
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["approver", "decision"])]

    def __str__(self) -> str:
        return f"Approval of submission {self.submission_id}: {self.decision}"

    @property
    def is_pending(self) -> bool:
        return self.decision == self.Decision.PENDING


class ApprovalDelegation(models.Model):
    """Who approves for someone while they are away, and until when."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="approval_delegation",
    )
    delegate = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="Leave empty to send approvals to your own line manager.",
    )
    absent_until = models.DateField(
        null=True, blank=True, help_text="The last day you are away."
    )

    def __str__(self) -> str:
        return f"Approvals for {self.user} while away"

    def clean(self) -> None:
        if self.delegate_id and self.delegate_id == self.user_id:
            raise ValidationError({"delegate": "Choose someone other than yourself."})

    def covers(self, today) -> bool:
        """Return whether the user is away on ``today``."""
        return self.absent_until is not None and self.absent_until >= today
