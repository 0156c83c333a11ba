"""Saving checked uploads against a case and its timeline event."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from django.core.exceptions import ValidationError

from helpdesk.attachments import CheckedFile
from helpdesk.models import Attachment, Case, TimelineEvent


def attachments_save(
    *,
    case: Case,
    event: TimelineEvent,
    uploaded_by,
    files: Sequence[CheckedFile],
    now: datetime,
) -> list[Attachment]:
    """Write already-checked files to private storage and record them.

    :raises ValidationError: if a record is malformed; its file is removed again
    """
    saved = []
    for checked in files:
        attachment = Attachment(
            case=case, event=event, uploaded_by=uploaded_by, created_at=now
        )
        attachment.record_checked(checked)
        try:
            attachment.full_clean()
        except ValidationError:
            attachment.file.delete(save=False)
            raise
        attachment.save()
        saved.append(attachment)
    return saved
