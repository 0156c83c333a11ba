"""The requester rating how their request was handled."""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from helpdesk import timeline
from helpdesk.models import Case, SatisfactionRating, TimelineEvent
from helpdesk.models.satisfaction import RATING_MAX, RATING_MIN

#: A case can be rated once it has an outcome, but not if it was withdrawn.
RATEABLE_STATUSES = frozenset({Case.Status.RESOLVED, Case.Status.CLOSED})


def can_rate(*, case: Case, user) -> bool:
    """Return whether the user may rate the case now: its requester, once resolved,
    and only if it has not been rated yet."""
    return (
        user is not None
        and case.requester_id == user.pk
        and case.status in RATEABLE_STATUSES
        and not SatisfactionRating.objects.filter(case=case).exists()
    )


@transaction.atomic
def case_rate(
    *, case: Case, requester, rating: int, comment: str = "", now: datetime
) -> SatisfactionRating:
    """Record the requester's one rating of a resolved or closed case.

    A case is rated once; the first rating stands, so reports count each
    outcome exactly once.

    :raises PermissionDenied: unless ``requester`` is the case's requester
    :raises ValidationError: on ``rating`` if outside 1 to 5, on ``status`` if
        the case is not resolved or closed, or if it was already rated
    """
    case = Case.objects.select_for_update(of=("self",)).get(pk=case.pk)
    if requester is None or case.requester_id != requester.pk:
        raise PermissionDenied("Only the requester can rate this request.")
    if case.status not in RATEABLE_STATUSES:
        raise ValidationError(
            {"status": "You can rate a request once it has been resolved."}
        )
    if not isinstance(rating, int) or not RATING_MIN <= rating <= RATING_MAX:
        raise ValidationError(
            {"rating": f"Choose a rating from {RATING_MIN} to {RATING_MAX}."}
        )
    if SatisfactionRating.objects.filter(case=case).exists():
        raise ValidationError({"rating": "You have already rated this request."})
    record = SatisfactionRating(
        case=case, rating=rating, comment=(comment or "").strip(), created_at=now
    )
    record.full_clean()
    try:
        with transaction.atomic():
            record.save()
    except IntegrityError as error:
        raise ValidationError(
            {"rating": "You have already rated this request."}
        ) from error
    timeline.event_record(
        case=case,
        kind=TimelineEvent.Kind.SATISFACTION,
        actor=requester,
        now=now,
        body=record.comment,
        data={"rating": rating},
    )
    return record
