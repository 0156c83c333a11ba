"""Reads for the agent workspace: queues, filtered case lists, counts, "My work".

Every list starts from `selectors.case_list_visible_to`, so nothing appears here
that the case page would refuse, and every list fetches what its rows show in a
fixed number of queries however many rows there are.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.db import models
from django.db.models import (
    Count,
    Exists,
    F,
    IntegerField,
    Q,
    QuerySet,
    Value,
    When,
)
from django.utils.functional import cached_property

from helpdesk import calendars, humanize, selectors, sla, sla_states
from helpdesk.models import FINISHED_STATUSES, Case, Membership, Queue, SupportTeam
from helpdesk.services import sla_clock

PER_PAGE = 25
#: Counting stops here: beyond it the exact number helps nobody and costs a scan.
COUNT_CAP = 5000
BREACHING_SOON_SECONDS = 4 * 60 * 60

_PRIORITY_RANK = models.Case(
    *(
        When(priority=p, then=Value(rank))
        for rank, p in enumerate(sla_clock.PRIORITY_ORDER)
    ),
    default=Value(0),
    output_field=IntegerField(),
)
_DUE = F("resolution_due_at").asc(nulls_last=True)
SORT_ORDERS = {
    "due": (_DUE, "-priority_rank", "pk"),
    "created": ("-created_at", "-pk"),
    "priority": ("-priority_rank", _DUE, "pk"),
    "updated": ("-updated_at", "-pk"),
}
DEFAULT_SORT = "due"


class CappedPaginator(Paginator):
    """A paginator whose count stops at `COUNT_CAP`, so huge queues stay cheap."""

    @cached_property
    def count(self) -> int:
        return self.object_list.order_by().values("pk")[:COUNT_CAP].count()

    @property
    def is_capped(self) -> bool:
        return self.count >= COUNT_CAP


@dataclass(frozen=True)
class CaseFilters:
    status: str = ""
    priority: str = ""
    request_type_id: int | None = None
    assignee: str = ""
    sla: str = ""
    created_from: date | None = None
    created_to: date | None = None
    sort: str = DEFAULT_SORT


@dataclass(frozen=True)
class CaseRow:
    """One case as a list shows it, with its SLA badge worked out."""

    case: Case
    sla_state: sla_states.SlaState | None
    due_phrase: str

    @property
    def sla_tag_class(self) -> str:
        return sla_states.TAG_CLASSES.get(self.sla_state, "")


def _unfinished() -> Q:
    return ~Q(status__in=sorted(FINISHED_STATUSES))


#: What a list row shows and works its SLA badge from.
_ROW_FIELDS = (
    "reference",
    "subject",
    "status",
    "priority",
    "confidential",
    "resolution_due_at",
    "sla_warning_due_at",
    "sla_paused_at",
    "request_type__sla_policy__calendar",
    *(
        f"{person}__{name}"
        for person in ("requester", "assignee")
        for name in ("username", "first_name", "last_name")
    ),
)


def _for_rows(cases: QuerySet) -> QuerySet:
    # Only what the rows show is joined and read: with every further join the
    # database takes longer to plan the query than to run it.
    return (
        cases.select_related(None)
        .select_related("requester", "assignee", "request_type__sla_policy__calendar")
        .only(*_ROW_FIELDS)
        .annotate(priority_rank=_PRIORITY_RANK)
    )


def _working_calendars(cases: list[Case]) -> dict[int, sla.WorkingCalendar]:
    """Return each request type's working calendar, building each calendar once."""
    built: dict[int | None, sla.WorkingCalendar] = {}
    found = {}
    for case in cases:
        policy = case.request_type.sla_policy
        business = policy.calendar if policy else None
        key = business.pk if business else None
        if key not in built:
            built[key] = calendars.working_calendar(business)
        found[case.request_type_id] = built[key]
    return found


def case_rows(cases, *, now: datetime) -> list[CaseRow]:
    """Return list rows with SLA state and due phrase; no queries beyond the list's.

    The cases come from a list built with `_for_rows`, which reads their
    request types' SLA calendars with them.
    """
    cases = list(cases)
    counting = [
        case
        for case in cases
        if not case.is_finished
        and case.sla_paused_at is None
        and case.resolution_due_at is not None
    ]
    working_calendars = _working_calendars(counting)
    rows = []
    for case in cases:
        if case.is_finished:
            rows.append(CaseRow(case=case, sla_state=None, due_phrase=""))
            continue
        state = sla_states.state_of(
            resolution_due_at=case.resolution_due_at,
            warning_due_at=case.sla_warning_due_at,
            paused_at=case.sla_paused_at,
            now=now,
        )
        phrase = ""
        if state == sla_states.SlaState.PAUSED:
            phrase = "clock paused"
        elif case.resolution_due_at is not None:
            phrase = humanize.due_phrase(
                due_at=case.resolution_due_at,
                now=now,
                calendar=working_calendars[case.request_type_id],
            )
        rows.append(CaseRow(case=case, sla_state=state, due_phrase=phrase))
    return rows


def queues_for_agent(*, user) -> QuerySet:
    """Return the queues the agent works: case management works every queue."""
    memberships = Membership.objects.filter(user=user)
    case_management = memberships.filter(
        user__is_active=True, team__kind=SupportTeam.Kind.CASE_MANAGEMENT
    )
    return Queue.objects.filter(
        Q(team__in=memberships.values("team_id")) | Q(Exists(case_management))
    ).select_related("team")


def queue_get_for_agent(*, user, slug: str, among: list[Queue] | None = None) -> Queue:
    """Return the queue of the team with this slug, if the agent works it.

    `among` is `queues_for_agent(user=user)` as a list, if the caller has read it.

    :raises Queue.DoesNotExist: if there is none or the agent does not work it
    """
    if among is None:
        return queues_for_agent(user=user).get(team__slug=slug)
    for queue in among:
        if queue.team.slug == slug:
            return queue
    raise Queue.DoesNotExist(f"The agent does not work a queue called {slug!r}.")


def queue_open_counts(*, user, visible: QuerySet | None = None) -> dict[int, int]:
    """Return how many unfinished cases the user may see in each queue: one query.

    `visible` is `selectors.case_list_visible_to(user=user)`, if the caller has it.
    """
    if visible is None:
        visible = selectors.case_list_visible_to(user=user)
    rows = (
        visible.filter(_unfinished())
        .order_by()
        .values("queue_id")
        .annotate(total=Count("pk"))
    )
    return {row["queue_id"]: row["total"] for row in rows}


def queue_members(*, queue: Queue) -> QuerySet:
    """Return the active people in the queue's team, who cases can be assigned to."""
    return (
        get_user_model()
        .objects.filter(support_memberships__team_id=queue.team_id, is_active=True)
        .order_by("first_name", "last_name")
    )


def _created_bound(day: date, *, end: bool) -> datetime:
    return datetime.combine(day, time.max if end else time.min, tzinfo=sla.LONDON)


def case_list_for_queue(
    *,
    user,
    queue: Queue,
    filters: CaseFilters,
    now: datetime,
    visible: QuerySet | None = None,
) -> QuerySet:
    """Return the queue's cases the user may see, filtered and sorted.

    `visible` is `selectors.case_list_visible_to(user=user)`, if the caller has it.
    """
    if visible is None:
        visible = selectors.case_list_visible_to(user=user)
    cases = visible.filter(queue=queue)
    if filters.status == "all":
        pass
    elif filters.status:
        cases = cases.filter(status=filters.status)
    else:
        cases = cases.filter(_unfinished())
    if filters.priority:
        cases = cases.filter(priority=filters.priority)
    if filters.request_type_id:
        cases = cases.filter(request_type_id=filters.request_type_id)
    if filters.assignee == "me":
        cases = cases.filter(assignee=user)
    elif filters.assignee == "unassigned":
        cases = cases.filter(assignee__isnull=True)
    elif filters.assignee:
        cases = cases.filter(assignee_id=int(filters.assignee))
    if filters.sla:
        state = sla_states.SlaState(filters.sla)
        cases = cases.filter(_unfinished() & sla_states.state_q(state, now=now))
    if filters.created_from:
        cases = cases.filter(
            created_at__gte=_created_bound(filters.created_from, end=False)
        )
    if filters.created_to:
        cases = cases.filter(
            created_at__lte=_created_bound(filters.created_to, end=True)
        )
    order = SORT_ORDERS.get(filters.sort, SORT_ORDERS[DEFAULT_SORT])
    return _for_rows(cases).order_by(*order)


@dataclass(frozen=True)
class WorkSection:
    key: str
    title: str
    rows: list[CaseRow]
    total: int


def my_work(
    *, user, now: datetime, visible: QuerySet | None = None
) -> list[WorkSection]:
    """Return the agent's three lists: assigned to them, their teams' unassigned
    cases, and cases breaching soon (due within 4 working hours, or overdue).

    `visible` is `selectors.case_list_visible_to(user=user)`, if the caller has it.
    """
    if visible is None:
        visible = selectors.case_list_visible_to(user=user)
    teams = Membership.objects.filter(user=user).values("team_id")
    mine_or_teams = (
        Q(assignee=user)
        | Q(confidential=False, queue__in=selectors.team_queue_ids(user))
        | Q(confidential=True, access_team__in=teams)
    )
    open_cases = visible.filter(_unfinished())
    soon = sla.deadline(
        start=now,
        seconds=BREACHING_SOON_SECONDS,
        calendar=calendars.working_calendar(None),
    )
    lists = [
        ("assigned", "Assigned to me", open_cases.filter(assignee=user)),
        (
            "unassigned",
            "My teams' unassigned cases",
            open_cases.filter(mine_or_teams, assignee__isnull=True),
        ),
        (
            "breaching",
            "Breaching soon",
            open_cases.filter(
                mine_or_teams,
                sla_paused_at__isnull=True,
                resolution_due_at__lte=soon,
            ),
        ),
    ]
    pages = [
        list(_for_rows(cases).order_by(*SORT_ORDERS["due"])[:PER_PAGE])
        for _key, _title, cases in lists
    ]
    # One set of rows for the three lists, so their calendars are read once.
    rows = case_rows([case for page in pages for case in page], now=now)
    sections, start = [], 0
    for (key, title, cases), page in zip(lists, pages, strict=True):
        total = cases.order_by().values("pk")[:COUNT_CAP].count()
        section_rows = rows[start : start + len(page)]
        sections.append(
            WorkSection(key=key, title=title, rows=section_rows, total=total)
        )
        start += len(page)
    return sections
