"""Holding the files chosen on a request form that is shown again, until it is sent.

Browsers empty file inputs whenever a page is shown again, so a file that passed
its checks is held for its owner, for that one filling-in of the form (its
submission key), and used when the form is sent without choosing it again.
Holds end when the form is sent, when the person removes the file, or after
`HOLD_FOR`.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from functools import partial

from django.db import IntegrityError, transaction

from forms.models import HeldUpload, RequestFormPage
from helpdesk.attachments import attachment_check

HOLD_FOR = timedelta(days=1)


def _key(value) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


def held_uploads_for_form(
    *, owner, key, remove: Iterable[str] = ()
) -> dict[str, HeldUpload]:
    """Let go of the files the person asked to remove; return those still held.

    `key` is the form's submission key as sent, so anything malformed holds
    nothing. Only the owner's own holds are ever read or released.
    """
    key = _key(key)
    if key is None:
        return {}
    removed = [name for name in remove if name]
    if removed:
        held_uploads_release(owner=owner, key=key, field_names=removed)
    return {
        held.field_name: held
        for held in HeldUpload.objects.filter(owner=owner, submission_key=key)
    }


@transaction.atomic
def held_uploads_keep(
    *,
    owner,
    page: RequestFormPage,
    key,
    uploads: Sequence[tuple[str, object]],
    now: datetime,
) -> dict[str, HeldUpload]:
    """Hold each upload for its question, replacing what was held for it before.

    Return every file now held for this filling-in of the form. The uploads
    have passed their checks as answers; they are checked again here because
    this is what stores them.

    :raises ValidationError: if an upload fails its checks (nothing is held then)
    """
    key = _key(key)
    if key is None:
        return {}
    checked = [(name, attachment_check(upload)) for name, upload in uploads]
    for field_name, upload in checked:
        held_uploads_release(owner=owner, key=key, field_names=[field_name])
        held = HeldUpload(
            owner=owner,
            form_page=page,
            submission_key=key,
            field_name=field_name,
            created_at=now,
        )
        held.record_checked(upload)
        try:
            with transaction.atomic():
                held.save()
        except IntegrityError:
            # The same form was sent twice at once and the other request holds
            # a file for this question; keep theirs, drop this copy.
            held.file.storage.delete(held.file.name)
    return held_uploads_for_form(owner=owner, key=key)


def held_uploads_release(
    *, owner, key, field_names: Iterable[str] | None = None
) -> int:
    """Stop holding the owner's files for this form (only these questions' if named).

    Return how many were released; their stored files go once this commits.
    """
    held = HeldUpload.objects.filter(owner=owner, submission_key=key)
    if field_names is not None:
        held = held.filter(field_name__in=list(field_names))
    return _release(held)


def held_uploads_expire(*, now: datetime) -> int:
    """Release every hold older than `HOLD_FOR`; return how many."""
    return _release(HeldUpload.objects.filter(created_at__lt=now - HOLD_FOR))


def _release(held) -> int:
    rows = list(held)
    for row in rows:
        # After commit, so a rolled-back change still finds its file.
        transaction.on_commit(partial(row.file.storage.delete, row.file.name))
    HeldUpload.objects.filter(pk__in=[row.pk for row in rows]).delete()
    return len(rows)
