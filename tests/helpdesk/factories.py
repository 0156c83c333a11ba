"""Factories for helpdesk tests: teams with queues, request types, SLA policies."""

from decimal import Decimal

import factory
from django.utils.text import slugify

from helpdesk.models import (
    Membership,
    Queue,
    RequestType,
    SLAPolicy,
    SLATarget,
    SupportTeam,
)
from tests.intranet.factories import directorate, service_area


class SupportTeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupportTeam
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Support team {n}")
    slug = factory.LazyAttribute(lambda t: slugify(t.name))
    kind = SupportTeam.Kind.SPECIALISTS
    service_area = factory.LazyFunction(lambda: service_area("hr"))


class QueueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Queue

    team = factory.SubFactory(SupportTeamFactory)
    name = factory.LazyAttribute(lambda q: f"{q.team.name} queue")


class RequestTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RequestType

    name = factory.Sequence(lambda n: f"Request type {n}")
    slug = factory.LazyAttribute(lambda r: slugify(r.name))
    service_area = factory.LazyFunction(lambda: service_area("hr"))


def team_with_queue(
    name: str,
    *,
    kind: str = SupportTeam.Kind.SPECIALISTS,
    area: str | None = "hr",
    members=(),
    partnered: tuple[str, ...] = (),
    is_triage: bool = False,
) -> SupportTeam:
    """Create a support team, its queue and its members."""
    team = SupportTeamFactory(
        name=name,
        kind=kind,
        service_area=service_area(area) if area else None,
    )
    team.partnered_directorates.set([directorate(slug) for slug in partnered])
    QueueFactory(team=team, name=f"{name} queue", is_triage=is_triage)
    for member in members:
        Membership.objects.create(team=team, user=member)
    return team


def sla_policy(name: str = "Standard", **targets: tuple[str, str]) -> SLAPolicy:
    """Create a policy on the default calendar; targets map priority to hours."""
    policy = SLAPolicy.objects.create(name=name)
    for priority, (first_response, resolution) in targets.items():
        SLATarget.objects.create(
            policy=policy,
            priority=priority,
            first_response_hours=Decimal(first_response),
            resolution_hours=Decimal(resolution),
        )
    return policy
