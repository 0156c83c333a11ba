"""Reads for the agent's case page: the case, its timeline, links and suggestions.

Everything here takes a fixed number of queries however long the timeline is.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth import get_user_model
from django.db.models import Prefetch, Q

from helpdesk import event_text, humanize, selectors, sla_states
from helpdesk.models import (
    Attachment,
    CannedResponse,
    Case,
    CaseLink,
    RequestType,
    TimelineEvent,
)
from helpdesk.services import sla_clock
from intranet import search

RELATED_ARTICLES = 3
Kind = TimelineEvent.Kind
#: Events shown as a conversation message rather than a one-line history entry.
MESSAGE_KINDS = {
    Kind.CREATED,
    Kind.REPLY,
    Kind.INTERNAL_NOTE,
    Kind.RESOLVED,
    Kind.REOPENED,
}


def case_page_get(*, user, reference: str) -> Case:
    """Return the case with all the page shows about it, if the user may see it.

    :raises Case.DoesNotExist: if there is none or the user may not see it
    """
    # A query joining all of these takes the database far longer to plan than
    # to run; a few small queries for the related rows cost less.
    people = get_user_model().objects.select_related(
        "team", "directorate", "line_manager"
    )
    request_types = RequestType.objects.select_related("sla_policy__calendar")
    return (
        selectors.case_list_visible_to(user=user)
        .select_related(None)
        .select_related("queue__team", "assignee")
        .prefetch_related(
            Prefetch("requester", queryset=people),
            Prefetch("request_type", queryset=request_types),
            "access_team",
            "merged_into",
        )
        .get(reference=reference)
    )


@dataclass(frozen=True)
class TimelineEntry:
    event: TimelineEvent
    summary: str

    @property
    def is_message(self) -> bool:
        return self.event.kind in MESSAGE_KINDS

    @property
    def is_internal(self) -> bool:
        return not self.event.public


def case_page_timeline(
    *, user, case: Case, worker: bool | None = None
) -> list[TimelineEntry]:
    """Return the events the user may read, each with its one-line summary.

    `worker` is `selectors.can_work(user, case)` when the caller already knows it.
    """
    events = list(
        selectors.case_timeline(user=user, case=case, worker=worker)
        .exclude(kind=Kind.VIEWED_CONFIDENTIAL)
        .prefetch_related(
            Prefetch("attachments", queryset=Attachment.objects.order_by("pk"))
        )
    )
    ids = set().union(*(event_text.user_ids(event) for event in events))
    names = (
        {
            user.pk: user.display_name
            for user in get_user_model().objects.filter(pk__in=ids)
        }
        if ids
        else {}
    )
    return [
        TimelineEntry(event=event, summary=event_text.describe(event, names=names))
        for event in events
    ]


def case_links(*, user, case: Case) -> list[Case]:
    """Return the cases linked to this one that the user may see."""
    linked = CaseLink.objects.filter(Q(case_a=case) | Q(case_b=case)).values_list(
        "case_a_id", "case_b_id"
    )
    ids = {pk for pair in linked for pk in pair} - {case.pk}
    if not ids:
        return []
    return list(
        selectors.case_list_visible_to(user=user).filter(pk__in=ids).order_by("pk")
    )


@dataclass(frozen=True)
class SlaSummary:
    state: sla_states.SlaState | None
    first_response: str
    resolution: str

    @property
    def tag_class(self) -> str:
        return sla_states.TAG_CLASSES.get(self.state, "")


def case_sla_summary(*, case: Case, now: datetime) -> SlaSummary:
    """Return the SLA badge and due phrases for the case at `now`."""
    if case.is_finished:
        return SlaSummary(state=None, first_response="", resolution="")
    calendar = sla_clock.case_calendar(case)
    state = sla_states.state_of(
        resolution_due_at=case.resolution_due_at,
        warning_due_at=case.sla_warning_due_at,
        paused_at=case.sla_paused_at,
        now=now,
    )
    first = ""
    if case.first_responded_at is None and case.first_response_due_at:
        first = humanize.due_phrase(
            due_at=case.first_response_due_at, now=now, calendar=calendar
        )
    resolution = ""
    if state == sla_states.SlaState.PAUSED:
        resolution = "clock paused while waiting"
    elif case.resolution_due_at:
        resolution = humanize.due_phrase(
            due_at=case.resolution_due_at, now=now, calendar=calendar
        )
    return SlaSummary(state=state, first_response=first, resolution=resolution)


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def canned_fill(*, canned: CannedResponse, case: Case, agent) -> str:
    """Return the canned response's text with the case's details filled in.

    A placeholder nobody knows is left as typed, for the agent to see and fix.
    """
    values = _Blank(
        requester_first_name=case.requester.first_name or case.requester.display_name,
        reference=case.reference,
        subject=case.subject,
        agent_name=agent.display_name,
    )
    try:
        return string.Formatter().vformat(canned.body, (), values)
    except (ValueError, IndexError):
        return canned.body


def related_articles(*, user, case: Case) -> list:
    """Return the top knowledge articles for the case's subject.

    Only the few hits are wanted: no facets, no total, and no case entries,
    since the filter leaves only articles.
    """
    results = search.search(
        user=user,
        query=case.subject,
        filters={"type": ["article"]},
        page_size=RELATED_ARTICLES,
        hits_only=True,
    )
    return results.hits[:RELATED_ARTICLES]
