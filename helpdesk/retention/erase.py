"""Remove or anonymise one case and everything hanging off it.

Timeline events are append-only everywhere else: their manager refuses update
and delete. Retention is the single sanctioned exception, because data protection
law requires personal data to go once its retention period ends; it calls the
plain ``QuerySet`` methods through ``_timeline_rewrite`` and ``_timeline_remove``
below, and every run is recorded in the audit log. Nothing else may use them.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import models

from helpdesk.models import (
    Attachment,
    Case,
    InboundMessage,
    LegalHold,
    SatisfactionRating,
    TimelineEvent,
    Watcher,
)
from helpdesk.retention import registry
from helpdesk.retention.registry import StoredFile

REMOVED = "[removed under retention]"
FORMER_STAFF_USERNAME = "former-member-of-staff"
FORMER_STAFF_NAME = "Former member of staff"


def former_staff_user():
    """Return the inactive stand-in that anonymised cases name as requester."""
    user, created = get_user_model().objects.get_or_create(
        username=FORMER_STAFF_USERNAME,
        defaults={
            "email": f"{FORMER_STAFF_USERNAME}@retention.invalid",
            "first_name": FORMER_STAFF_NAME,
            "is_active": False,
        },
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def former_staff_user_id() -> int | None:
    """Return the stand-in's id without creating it, so dry runs change nothing."""
    users = get_user_model().objects.filter(username=FORMER_STAFF_USERNAME)
    return users.values_list("pk", flat=True).first()


def is_anonymised(case: Case, placeholder_id: int | None) -> bool:
    return case.requester_id == placeholder_id and case.subject == REMOVED


def _timeline_rewrite(events: models.QuerySet, **values) -> int:
    return models.QuerySet.update(events, **values)


def _timeline_remove(events: models.QuerySet) -> int:
    return models.QuerySet.delete(events)[0]


def _attachments_remove(case: Case) -> list[StoredFile]:
    attachments = Attachment.objects.filter(case=case)
    files = [
        StoredFile(storage=attachment.file.storage, name=attachment.file.name)
        for attachment in attachments
        if attachment.file.name
    ]
    attachments.delete()
    return files


def _others(case: Case, *, action: str, placeholder) -> list[StoredFile]:
    files = []
    for eraser in registry.case_erasers():
        files += eraser(case_ids=[case.pk], action=action, placeholder=placeholder)
    return files


def case_anonymise(case: Case, *, placeholder) -> list[StoredFile]:
    """Strip the personal data from a case, keeping its shape for statistics.

    Return the stored files to delete once the transaction commits.
    """
    files = _attachments_remove(case)
    files += _others(case, action="anonymise", placeholder=placeholder)
    people = {case.requester_id, case.raised_by_id} - {None}
    events = TimelineEvent.objects.filter(case=case)
    _timeline_rewrite(events, body="", data={})
    _timeline_rewrite(events.filter(actor_id__in=people), actor=placeholder)
    InboundMessage.objects.filter(case=case).update(sender="", subject="", detail="")
    SatisfactionRating.objects.filter(case=case).update(comment="")
    Watcher.objects.filter(case=case).delete()
    Case.objects.filter(pk=case.pk).update(
        subject=REMOVED,
        description=REMOVED,
        answers={},
        resolution_summary=REMOVED if case.resolution_summary else "",
        requester=placeholder,
        raised_by=None,
    )
    return files


def case_delete(case: Case, *, placeholder) -> list[StoredFile]:
    """Delete a case, its timeline, attachments and ratings.

    Return the stored files to delete once the transaction commits.

    :raises ProtectedError: if a record retention does not own still needs it
    """
    files = _attachments_remove(case)
    files += _others(case, action="delete", placeholder=placeholder)
    LegalHold.objects.filter(case=case, released_at__isnull=False).delete()
    _timeline_remove(TimelineEvent.objects.filter(case=case))
    Case.objects.filter(pk=case.pk).delete()
    return files
