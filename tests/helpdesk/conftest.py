"""A small support desk: teams, queues, request types, rules and people."""

from datetime import datetime
from types import SimpleNamespace

import pytest

from helpdesk import services
from helpdesk.models import RoutingRule, SupportTeam
from helpdesk.sla import LONDON
from tests.helpdesk.factories import RequestTypeFactory, sla_policy, team_with_queue
from tests.intranet.factories import UserFactory, service_area, team

Kind = SupportTeam.Kind

#: Monday 1 June 2026, 10:00 in London: a plain working morning.
MONDAY_10AM = datetime(2026, 6, 1, 10, 0, tzinfo=LONDON)


def person(username: str, team_slug: str = "customer-services", **fields):
    return UserFactory(
        username=username,
        first_name=username.split(".")[0].capitalize(),
        team=team(team_slug),
        **fields,
    )


@pytest.fixture
def desk(db):
    """Return the people, teams, queues and request types most tests need."""
    d = SimpleNamespace()
    d.manager = person("mo.manager")
    d.requester = person("rita.requester", line_manager=d.manager)
    d.colleague = person("cal.colleague", line_manager=d.manager)
    d.stranger = person("stan.stranger", "communications")
    d.case_manager = person("cara.casemanager", "case-management")
    d.specialist = person("sid.specialist", "hr")
    d.other_specialist = person("fran.finance", "finance")
    d.business_partner = person("bea.partner", "hr")
    d.hr_lead = person("hal.lead", "hr")

    d.triage = team_with_queue(
        "Case Management",
        kind=Kind.CASE_MANAGEMENT,
        area=None,
        members=[d.case_manager],
        is_triage=True,
    )
    d.hr = team_with_queue("HR specialists", members=[d.specialist, d.hr_lead])
    d.finance = team_with_queue(
        "Finance specialists", area="finance", members=[d.other_specialist]
    )
    d.legal = team_with_queue("Legal specialists", area="legal")
    d.digital = team_with_queue("Digital service desk", area="digital")
    d.hr_bp = team_with_queue(
        "HR business partners for Service Delivery",
        kind=Kind.BUSINESS_PARTNERS,
        members=[d.business_partner],
        partnered=("service-delivery",),
    )

    d.policy = sla_policy(
        low=("16", "80"), normal=("8", "40"), high=("4", "16"), urgent=("1", "8")
    )
    d.hr_query = RequestTypeFactory(
        name="Pay query", service_area=service_area("hr"), sla_policy=d.policy
    )
    d.grievance = RequestTypeFactory(
        name="Grievance",
        service_area=service_area("hr"),
        sla_policy=d.policy,
        confidential=True,
        access_team=d.hr_bp,
    )
    d.invoice = RequestTypeFactory(
        name="Invoice", service_area=service_area("finance"), sla_policy=d.policy
    )
    d.legal_advice = RequestTypeFactory(
        name="Legal advice", service_area=service_area("legal")
    )
    d.laptop = RequestTypeFactory(
        name="Laptop", service_area=service_area("digital"), sla_policy=d.policy
    )

    RoutingRule.objects.create(
        name="Grievances to the business partner",
        position=0,
        request_type=d.grievance,
        to_business_partner=True,
    )
    for position, (area, queue_team) in enumerate(
        [
            ("hr", d.hr),
            ("finance", d.finance),
            ("legal", d.legal),
            ("digital", d.digital),
        ],
        start=1,
    ):
        RoutingRule.objects.create(
            name=f"{area} specialists",
            position=position,
            service_area=service_area(area),
            queue=queue_team.queue,
        )
    return d


@pytest.fixture
def make_case(desk):
    """Return a function creating a case through the service, as forms do."""

    def make(request_type=None, requester=None, now=MONDAY_10AM, **fields):
        fields.setdefault("subject", "My payslip is wrong")
        fields.setdefault("description", "June's payslip is missing overtime.")
        return services.case_create(
            requester=requester or desk.requester,
            request_type=request_type or desk.hr_query,
            now=now,
            **fields,
        )

    return make
