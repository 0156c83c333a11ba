"""Avonford's support teams, their people and their queues."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from helpdesk.models import Membership, Queue, SupportTeam
from intranet.models import Directorate, ServiceArea
from intranet.roles import Role

Kind = SupportTeam.Kind

#: The role group each kind of team's members belong to.
ROLE_FOR_KIND = {
    Kind.CASE_MANAGEMENT: Role.CASE_MANAGER,
    Kind.SPECIALISTS: Role.SPECIALIST,
    Kind.BUSINESS_PARTNERS: Role.BUSINESS_PARTNER,
}


@dataclass(frozen=True)
class TeamSpec:
    slug: str
    name: str
    kind: str
    area: str | None
    lead: str
    members: tuple[str, ...]
    partnered: tuple[str, ...] = ()


TRIAGE_TEAM = "case-management"

TEAMS = (
    TeamSpec(
        TRIAGE_TEAM,
        "Case Management",
        Kind.CASE_MANAGEMENT,
        None,
        lead="graham.boyd",
        members=("triage", "yusuf.ali"),
    ),
    TeamSpec(
        "hr-specialists",
        "HR specialists",
        Kind.SPECIALISTS,
        "hr",
        lead="karen.mitchell",
        members=("hr.specialist", "emma.watkins", "josh.bailey"),
    ),
    TeamSpec(
        "hr-business-partners",
        "HR business partners",
        Kind.BUSINESS_PARTNERS,
        "hr",
        lead="hr.partner",
        members=("neil.robertson",),
        partnered=("strategy", "service-delivery"),
    ),
    TeamSpec(
        "legal",
        "Legal",
        Kind.SPECIALISTS,
        "legal",
        lead="philip.graham",
        members=("legal", "zara.ahmed"),
    ),
    TeamSpec(
        "finance",
        "Finance",
        Kind.SPECIALISTS,
        "finance",
        lead="martin.sykes",
        members=("finance", "ben.hughes"),
    ),
    TeamSpec(
        "finance-business-partners",
        "Finance business partners",
        Kind.BUSINESS_PARTNERS,
        "finance",
        lead="olivia.barnes",
        members=(),
        partnered=("strategy", "service-delivery", "support-services"),
    ),
    TeamSpec(
        "digital-service-desk",
        "Digital & Design service desk",
        Kind.SPECIALISTS,
        "digital",
        lead="richard.fox",
        members=("digital", "amy.collins", "tariq.malik"),
    ),
    TeamSpec(
        "pa-support",
        "PA Support",
        Kind.SPECIALISTS,
        "pa-support",
        lead="linda.foster",
        members=("pa", "megan.hall"),
    ),
)


def demo_teams_seed() -> dict[str, SupportTeam]:
    """Create the missing teams, queues and memberships; return teams by slug.

    A team found by its slug keeps whatever an administrator changed; only
    missing members are added, so a second run writes nothing.
    """
    people = get_user_model().objects.in_bulk(
        {name for spec in TEAMS for name in (spec.lead, *spec.members)},
        field_name="username",
    )
    groups = {group.name: group for group in Group.objects.filter(name__in=Role)}
    teams = {}
    for spec in TEAMS:
        team = _team(spec, lead=people.get(spec.lead))
        _queue(team)
        for username in (spec.lead, *spec.members):
            person = people.get(username)
            if person is None:
                continue
            role = (
                Membership.Role.LEAD
                if username == spec.lead
                else Membership.Role.MEMBER
            )
            Membership.objects.get_or_create(
                team=team, user=person, defaults={"role": role}
            )
            person.groups.add(groups[ROLE_FOR_KIND[team.kind].value])
        teams[spec.slug] = team
    return teams


def _team(spec: TeamSpec, *, lead) -> SupportTeam:
    team = SupportTeam.objects.filter(slug=spec.slug).first()
    if team is not None:
        return team
    team = SupportTeam(
        slug=spec.slug,
        name=spec.name,
        kind=spec.kind,
        service_area=(
            ServiceArea.objects.get(slug=spec.area) if spec.area is not None else None
        ),
        lead=lead,
    )
    team.full_clean()
    team.save()
    if spec.partnered:
        team.partnered_directorates.set(
            Directorate.objects.filter(slug__in=spec.partnered)
        )
    return team


def _queue(team: SupportTeam) -> Queue:
    queue = Queue.objects.filter(team=team).first()
    if queue is not None:
        return queue
    is_triage = (
        team.kind == Kind.CASE_MANAGEMENT
        and not Queue.objects.filter(is_triage=True).exists()
    )
    queue = Queue(team=team, name="Triage" if is_triage else team.name)
    queue.is_triage = is_triage
    queue.full_clean()
    queue.save()
    return queue
