"""Checks every case service starts with: lock the row, check the user may act."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError

from helpdesk import selectors
from helpdesk.models import Case


def case_lock(case: Case) -> Case:
    """Return a fresh copy of the case, locked until the transaction ends."""
    return (
        Case.objects.select_for_update(of=("self",))
        .select_related("request_type__sla_policy", "queue__team")
        .get(pk=case.pk)
    )


def require_work(user, case: Case) -> None:
    """Refuse unless the user may work the case.

    :raises PermissionDenied: if they may not
    """
    if not selectors.can_work(user, case):
        raise PermissionDenied("You cannot work on this case.")


def require_text(value: str, *, field: str, message: str) -> str:
    """Return the text stripped, refusing it when empty.

    :raises ValidationError: on ``field`` when it is blank
    """
    text = (value or "").strip()
    if not text:
        raise ValidationError({field: message})
    return text


def require_unfinished(case: Case) -> None:
    """Refuse to act on a resolved, closed or cancelled case.

    :raises ValidationError: on ``status``
    """
    if case.is_finished:
        raise ValidationError(
            {"status": f"This case is {case.get_status_display().lower()}."}
        )
