"""What people submitted: stored before anything is done with it."""

import uuid

from django.conf import settings
from django.db import models

from helpdesk.models.attachments import CheckedFileRecord
from helpdesk.storage import get_private_storage


class Submission(models.Model):
    """One submitted request form, kept whatever its outcome turns out to be."""

    class Status(models.TextChoices):
        RECEIVED = "received", "Received"
        AWAITING_APPROVAL = "awaiting_approval", "Waiting for approval"
        APPROVED = "approved", "Approved"
        DECLINED = "declined", "Declined"
        CASE_OPENED = "case_opened", "Case opened"
        RESOLVED = "resolved", "Answered"
        FAILED = "failed", "Being processed"

    form_page = models.ForeignKey(
        "selfservice.RequestFormPage",
        on_delete=models.SET_NULL,
        null=True,
        related_name="submissions",
    )
    form_title = models.CharField(max_length=255)
    submitter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    on_behalf_of = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    subject = models.CharField(max_length=200)
    answers = models.JSONField(default=dict, blank=True)
    answer_labels = models.JSONField(
        default=dict, blank=True, help_text="Each answer's question, as asked."
    )
    idempotency_key = models.UUIDField()
    outcome = models.CharField(max_length=10)
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.RECEIVED
    )
    case = models.ForeignKey(
        "helpdesk.Case",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="submissions",
    )
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["submitter", "idempotency_key"],
                name="submission_unique_key_per_submitter",
            )
        ]
        indexes = [models.Index(fields=["status", "updated_at"])]

    def __str__(self) -> str:
        return f"{self.reference} {self.subject}"

    @property
    def reference(self) -> str:
        return f"REQ-{self.pk:06d}"

    @property
    def requester(self):
        """Return who the request is for: the person named, or the submitter."""
        return self.on_behalf_of or self.submitter


def submission_file_path(instance, filename: str) -> str:
    """Store under an unguessable name; the original name is kept in the row."""
    return f"submissions/{instance.submission_id}/{uuid.uuid4().hex}"


class SubmissionFile(CheckedFileRecord):
    """A checked upload held with its submission until a case takes a copy."""

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="files"
    )
    field_name = models.CharField(max_length=255)
    file = models.FileField(
        storage=get_private_storage, upload_to=submission_file_path, max_length=255
    )

    class Meta:
        ordering = ["pk"]
