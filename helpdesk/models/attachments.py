"""Files attached to cases, kept in private storage."""

import uuid

from django.conf import settings
from django.core.files import File
from django.db import models

from helpdesk.storage import get_private_storage


def attachment_path(instance, filename: str) -> str:
    """Store under an unguessable name; the original name is kept in the row."""
    return f"cases/{instance.case_id}/{uuid.uuid4().hex}"


class CheckedFileRecord(models.Model):
    """What the upload checks learned about a stored file, kept beside it.

    Each concrete model declares its own ``file`` field, with its own folder.
    """

    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.original_name

    def record_checked(self, checked) -> None:
        """Copy a checked upload's details and store its content under `file`."""
        self.original_name = checked.name
        self.content_type = checked.content_type
        self.size = checked.size
        self.sha256 = checked.sha256
        self.file.save(checked.name, File(checked.upload), save=False)


class Attachment(CheckedFileRecord):
    case = models.ForeignKey(
        "helpdesk.Case", on_delete=models.PROTECT, related_name="attachments"
    )
    event = models.ForeignKey(
        "helpdesk.TimelineEvent",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="attachments",
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    file = models.FileField(
        storage=get_private_storage, upload_to=attachment_path, max_length=255
    )
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at", "pk"]
