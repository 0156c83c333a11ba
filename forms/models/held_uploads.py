"""Files chosen on a request form that was shown again, kept until it is sent."""

import uuid

from django.conf import settings
from django.db import models

from helpdesk.models.attachments import CheckedFileRecord
from helpdesk.storage import get_private_storage


def held_upload_path(instance, filename: str) -> str:
    """Store under an unguessable name; the original name is kept in the row."""
    return f"held/{instance.owner_id}/{uuid.uuid4().hex}"


class HeldUpload(CheckedFileRecord):
    """A checked file for one question of one filling-in of a form.

    Browsers empty file inputs whenever a page is shown again (after "Check for
    answers", or an error in another question), so the file is held here, for
    its owner only, until the form is sent or the hold expires.
    """

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    form_page = models.ForeignKey(
        "selfservice.RequestFormPage", on_delete=models.CASCADE, related_name="+"
    )
    submission_key = models.UUIDField()
    field_name = models.CharField(max_length=255)
    file = models.FileField(
        storage=get_private_storage, upload_to=held_upload_path, max_length=255
    )
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "submission_key", "field_name"],
                name="held_upload_one_per_question",
            )
        ]
        indexes = [models.Index(fields=["created_at"])]
