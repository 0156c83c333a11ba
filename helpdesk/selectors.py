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

from django.db.models import Q, QuerySet

from helpdesk.models import Attachment, Case, Membership, SupportTeam, TimelineEvent


def _team_ids(user) -> QuerySet:
    return Membership.objects.filter(user=user).values("team_id")


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


def _visible_q(user) -> Q:
    if not _is_active(user):
        return Q(pk__in=[])
    teams = _team_ids(user)
    open_to = (
        Q(raised_by=user)
        | Q(requester__line_manager=user)
        | Q(raised_by__line_manager=user)
        | Q(queue__team__in=teams)
    )
    if is_case_manager(user):
        open_to = Q(pk__isnull=False)
    return (
        Q(requester=user)
        | (Q(confidential=False) & open_to)
        | (Q(confidential=True) & Q(access_team__in=teams))
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


def can_work(user, case: Case) -> bool:
    """Return whether the user may reply, note, claim, assign, transfer or move it.

    Agents in the case's team may work it; case management may work every case it
    can see; a confidential case is worked only by its access team.
    """
    if not is_agent(user) or not can_see(user, case):
        return False
    teams = Membership.objects.filter(user=user)
    if case.confidential:
        return teams.filter(team_id=case.access_team_id).exists()
    return teams.filter(team_id=case.queue.team_id).exists() or is_case_manager(user)


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


def case_timeline(*, user, case: Case) -> QuerySet:
    """Return the case's events the user may read: workers see internal ones too."""
    events = TimelineEvent.objects.filter(case=case).select_related("actor")
    if can_work(user, case):
        return events
    return events.filter(public=True)
