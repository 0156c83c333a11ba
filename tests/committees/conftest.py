"""A support desk that can take committee bookings, and the people who book."""

from datetime import datetime
from types import SimpleNamespace

import pytest

from helpdesk.models import RoutingRule, SupportTeam
from helpdesk.sla import LONDON
from intranet.roles import Role
from tests.committees.factories import CommitteeFactory, VenueFactory
from tests.helpdesk.factories import team_with_queue
from tests.intranet.factories import UserFactory, service_area, team

#: Monday 1 June 2026, 10:00: two weeks before the usual test meeting.
NOW = datetime(2026, 6, 1, 10, 0, tzinfo=LONDON)


def council_build(make_user) -> SimpleNamespace:
    """Return support teams routed by service area, venues, committees and people."""
    c = SimpleNamespace()
    c.officer = make_user(
        Role.DEMOCRATIC_SERVICES,
        username="diane.moss",
        first_name="Diane",
        last_name="Moss",
        team=team("governance-and-democratic-services"),
    )
    c.colleague = UserFactory(
        username="gary.governance", team=team("governance-and-democratic-services")
    )
    c.clerk = UserFactory(username="clara.clerk", first_name="Clara")
    c.staff = UserFactory(username="stan.staff")
    c.pa_worker = UserFactory(username="pat.pa", team=team("pa-support"))
    c.digital_worker = UserFactory(
        username="dev.digital", team=team("digital-and-design")
    )
    c.triage = team_with_queue(
        "Case Management",
        kind=SupportTeam.Kind.CASE_MANAGEMENT,
        area=None,
        is_triage=True,
    )
    c.queues = {}
    areas = {
        "pa-support": [c.pa_worker],
        "digital": [c.digital_worker],
        "legal": [],
        "democratic-services": [c.colleague],
    }
    for position, (area, members) in enumerate(areas.items()):
        support = team_with_queue(f"{area} team", area=area, members=members)
        c.queues[area] = support.queue
        RoutingRule.objects.create(
            name=f"{area} requests",
            position=position,
            service_area=service_area(area),
            queue=support.queue,
        )
    c.chamber = VenueFactory(
        name="Council Chamber", capacity=120, webcasting=True, hearing_loop=True
    )
    c.room1 = VenueFactory(name="Committee Room 1", capacity=30)
    c.planning = CommitteeFactory(
        name="Planning North",
        clerk=c.clerk,
        default_venue=c.chamber,
        needs_legal_adviser=True,
    )
    c.audit = CommitteeFactory(name="Audit & Governance", default_venue=c.room1)
    return c


@pytest.fixture
def council(db, make_user) -> SimpleNamespace:
    return council_build(make_user)
