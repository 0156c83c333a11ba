"""Saving and removing an agent's named queue filters."""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from helpdesk.models import Queue, SavedView


@transaction.atomic
def saved_view_create(
    *, user, queue: Queue, name: str, querystring: str, now: datetime
) -> SavedView:
    """Keep the queue's current filters under a name only this user sees.

    :raises ValidationError: on ``name`` if blank or already used for the queue
    """
    view = SavedView(
        user=user,
        queue=queue,
        name=(name or "").strip(),
        querystring=querystring,
        created_at=now,
    )
    if SavedView.objects.filter(user=user, queue=queue, name=view.name).exists():
        raise ValidationError(
            {"name": "You already have a saved view with that name for this queue."}
        )
    view.full_clean()
    view.save()
    return view


@transaction.atomic
def saved_view_delete(*, user, saved_view: SavedView) -> None:
    """Remove one of the user's saved views.

    :raises PermissionDenied: if the view belongs to someone else
    """
    if saved_view.user_id != user.pk:
        raise PermissionDenied("That saved view is not yours.")
    saved_view.delete()
