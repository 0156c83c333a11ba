"""Reads about cases, above all: which cases may this user see and work.

One Q-object builder, `_visible_q`, decides visibility for lists, counts and
single cases alike, so a list can never show what its detail page would refuse.

Policy:
- requesters see their own cases, confidential ones included;
- whoever raised a case on someone's behalf, and the line manager of the
  requester or of whoever raised it, see it unless it is confidential;
- agents (members of a support team) see the non-confidential cases in their
  teams' queues; case management members see every non-confidential case;
- a confidential case is seen only by its requester and by members of its
  access team. Nobody else sees it: not triage, not other agents, not line
  managers, and not administrators or superusers, who must join the access
  team through the admin (a deliberate, audited act) to see one.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import (
    CharField,
    Exists,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Value,
)

from helpdesk.models import (
    Attachment,
    Case,
    Membership,
    Queue,
    SupportTeam,
    TimelineEvent,
)

_TEAM, _REPORT = "team", "report"


def _team_ids(user) -> QuerySet:
    return Membership.objects.filter(user=user).values("team_id")


def team_queue_ids(user) -> QuerySet:
    """Return, as a subquery, the ids of the queues of the user's support teams."""
    return Queue.objects.filter(team__in=_team_ids(user)).values("pk")


def is_agent(user) -> bool:
    """Return whether the user belongs to any support team."""
    return _is_active(user) and Membership.objects.filter(user=user).exists()


def is_case_manager(user) -> bool:
    """Return whether the user belongs to the case management team."""
    return (
        _is_active(user)
        and Membership.objects.filter(
            user=user, team__kind=SupportTeam.Kind.CASE_MANAGEMENT
        ).exists()
    )


def _is_active(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


@dataclass(frozen=True)
class _Reach:
    """The user's support teams, those teams' queues and the user's direct reports."""

    team_ids: frozenset[int]
    queue_ids: frozenset[int]
    report_ids: frozenset[int]
    case_manager: bool


def _reach(user) -> _Reach:
    text, number = CharField(), IntegerField()
    teams = (
        Membership.objects.filter(user=user)
        .order_by()
        .values_list(
            Value(_TEAM, output_field=text), "team_id", "team__kind", "team__queue"
        )
    )
    reports = (
        get_user_model()
        .objects.filter(line_manager=user)
        .order_by()
        .values_list(
            Value(_REPORT, output_field=text),
            "pk",
            Value("", output_field=text),
            Value(None, output_field=number),
        )
    )
    team_ids, queue_ids, report_ids, kinds = set(), set(), set(), set()
    for source, pk, kind, queue_id in teams.union(reports, all=True):
        if source == _REPORT:
            report_ids.add(pk)
            continue
        team_ids.add(pk)
        kinds.add(kind)
        if queue_id is not None:
            queue_ids.add(queue_id)
    return _Reach(
        team_ids=frozenset(team_ids),
        queue_ids=frozenset(queue_ids),
        report_ids=frozenset(report_ids),
        case_manager=SupportTeam.Kind.CASE_MANAGEMENT in kinds,
    )


def _visible_q(user, reach: _Reach | None = None) -> Q:
    # Every condition is on the case's own columns, against ids read first in
    # one query, so the database can combine the indexes on those columns
    # instead of joining people and queues and testing every case.
    if not _is_active(user):
        return Q(pk__in=[])
    if reach is None:
        reach = _reach(user)
    if reach.case_manager:
        open_to = Q(pk__isnull=False)
    else:
        open_to = (
            Q(raised_by=user)
            | Q(requester__in=sorted(reach.report_ids))
            | Q(raised_by__in=sorted(reach.report_ids))
            | Q(queue__in=sorted(reach.queue_ids))
        )
    return (
        Q(requester=user)
        | (Q(confidential=False) & open_to)
        | (Q(confidential=True) & Q(access_team__in=sorted(reach.team_ids)))
    )


def case_list_visible_to(*, user) -> QuerySet:
    """Return every case the user may see; use it for lists, counts and search."""
    return Case.objects.filter(_visible_q(user)).select_related(
        "requester", "assignee", "queue", "service_area"
    )


def case_get_visible(*, user, reference: str) -> Case:
    """Return the case with this reference if the user may see it.

    :raises Case.DoesNotExist: if there is no such case or the user may not see it
    """
    return case_list_visible_to(user=user).get(reference=reference)


def can_see(user, case: Case) -> bool:
    """Return whether the user may open the case."""
    return case_list_visible_to(user=user).filter(pk=case.pk).exists()


def case_viewer_ids(case: Case, user_ids) -> frozenset[int]:
    """Return which of these users may open the case, in one query.

    The policy of `_visible_q` asked the other way round, for sending one
    case's emails to many people: not which cases one user may see, but which
    of these users may see one case.
    """
    memberships = Membership.objects.filter(user=OuterRef("pk"))
    if case.confidential:
        may_see = Exists(memberships.filter(team_id=case.access_team_id))
    else:
        people = [pk for pk in (case.requester_id, case.raised_by_id) if pk]
        line_managers = (
            get_user_model()
            .objects.filter(pk__in=people, line_manager__isnull=False)
            .values("line_manager_id")
        )
        may_see = (
            Q(pk=case.raised_by_id)
            | Q(pk__in=line_managers)
            | Exists(
                memberships.filter(
                    Q(team__queue__pk=case.queue_id)
                    | Q(team__kind=SupportTeam.Kind.CASE_MANAGEMENT)
                )
            )
        )
    viewers = (
        get_user_model()
        .objects.filter(pk__in=list(user_ids), is_active=True)
        .filter(Q(pk=case.requester_id) | may_see)
        .values_list("pk", flat=True)
    )
    return frozenset(viewers)


def can_work(user, case: Case) -> bool:
    """Return whether the user may reply, note, claim, assign, transfer or move it.

    Agents in the case's team may work it; case management may work every case it
    can see; a confidential case is worked only by its access team.
    """
    if not _is_active(user):
        return False
    reach = _reach(user)
    if not reach.team_ids:
        return False
    if not Case.objects.filter(_visible_q(user, reach), pk=case.pk).exists():
        return False
    if case.confidential:
        return case.access_team_id in reach.team_ids
    return case.queue.team_id in reach.team_ids or reach.case_manager


def can_reply(user, case: Case) -> bool:
    """Return whether the user may write a public reply: its requester or a worker."""
    return _is_active(user) and (case.requester_id == user.pk or can_work(user, case))


def can_download(user, attachment: Attachment) -> bool:
    """Return whether the user may download the attachment.

    Anyone who can see the case may, except for files on internal notes, which
    only those who can work the case may download.
    """
    case = attachment.case
    if attachment.event_id and not attachment.event.public:
        return can_work(user, case)
    return can_see(user, case)


def attachment_get_downloadable(*, user, attachment_id: int) -> Attachment:
    """Return the attachment if the user may download it.

    :raises Attachment.DoesNotExist: if there is none or the user may not have it
    """
    attachment = Attachment.objects.select_related("case", "case__queue", "event").get(
        pk=attachment_id
    )
    if not can_download(user, attachment):
        raise Attachment.DoesNotExist
    return attachment


def case_timeline(*, user, case: Case, worker: bool | None = None) -> QuerySet:
    """Return the case's events the user may read: workers see internal ones too.

    `worker` is `can_work(user, case)` when the caller has already asked it.
    """
    events = TimelineEvent.objects.filter(case=case).select_related("actor")
    if worker is None:
        worker = can_work(user, case)
    if worker:
        return events
    return events.filter(public=True)
