"""Reads for the requester's side: my requests, my team's, and what I may read.

Every list starts from `selectors.case_list_visible_to`, so these pages can
never show a case the visibility rule would refuse.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Prefetch, Q, QuerySet

from helpdesk import selectors
from helpdesk.models import FINISHED_STATUSES, Attachment, Case, TimelineEvent
from intranet.roles import Role, user_has_role

User = get_user_model()

OPEN = "open"
CLOSED = "closed"
STATES = (OPEN, CLOSED)


def _by_state(cases: QuerySet, state: str) -> QuerySet:
    if state == OPEN:
        return cases.exclude(status__in=FINISHED_STATUSES)
    if state == CLOSED:
        return cases.filter(status__in=FINISHED_STATUSES)
    return cases


def request_list_mine(*, user, state: str = "") -> QuerySet:
    """Return the user's own requests, most recently updated first."""
    cases = (
        selectors.case_list_visible_to(user=user)
        .filter(requester=user)
        .select_related(None)
        .select_related("service_area")
    )
    return _by_state(cases, state).order_by("-updated_at", "-pk")


def request_list_for_team(*, user, state: str = "") -> QuerySet:
    """Return requests raised by or for the user's direct reports, or by the user
    for someone else; never confidential ones, which belong to their requester."""
    # The reports are listed first so the database can look cases up by
    # requester and by raiser instead of reading every case to test each one.
    reports = list(User.objects.filter(line_manager=user).values_list("pk", flat=True))
    cases = (
        selectors.case_list_visible_to(user=user)
        .filter(
            Q(requester__in=reports) | Q(raised_by=user) | Q(raised_by__in=reports),
            confidential=False,
        )
        .exclude(requester=user)
        .select_related(None)
        .select_related("requester")
    )
    return _by_state(cases, state).order_by("-updated_at", "-pk")


def request_get(*, user, reference: str) -> Case:
    """Return a request the user may open from the requester's side.

    :raises Case.DoesNotExist: if there is no such case or the user may not see it
    """
    return selectors.case_get_visible(user=user, reference=reference)


def request_timeline(*, case: Case) -> QuerySet:
    """Return the case's public events with their files: never internal notes."""
    return (
        TimelineEvent.objects.filter(case=case, public=True)
        .select_related("actor")
        .prefetch_related(
            Prefetch(
                "attachments",
                queryset=Attachment.objects.order_by("created_at", "pk"),
            )
        )
    )


def may_raise_on_behalf(user) -> bool:
    """Return whether the user may raise requests for other staff: case managers.

    Members of the case management team may; so may members of the "Case
    managers" group who also belong to a support team, as the case service
    accepts only support staff raising requests for someone else.
    """
    if selectors.is_case_manager(user):
        return True
    return user_has_role(user, Role.CASE_MANAGER) and selectors.is_agent(user)


def people_matching(*, text: str, limit: int = 10) -> list:
    """Return active staff the text names: an exact email or username first,
    otherwise everyone whose first or last name contains every word."""
    text = " ".join(text.replace("\x00", "").split())[:100]
    if not text:
        return []
    people = User.objects.filter(is_active=True).select_related("team")
    exact = list(people.filter(Q(email__iexact=text) | Q(username__iexact=text))[:2])
    if exact:
        return exact
    for word in text.split()[:5]:
        people = people.filter(
            Q(first_name__icontains=word) | Q(last_name__icontains=word)
        )
    return list(people.order_by("last_name", "first_name", "pk")[:limit])
