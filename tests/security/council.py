"""A small council with one person per role, and the records URLs point at."""

from types import SimpleNamespace

from django.contrib.auth.models import Group

from helpdesk import services
from helpdesk.models import RoutingRule, SupportTeam
from intranet.models import HomePage
from intranet.roles import Role
from tests.committees.factories import MeetingFactory
from tests.forms.factories import RequestFormPageFactory
from tests.helpdesk.factories import RequestTypeFactory, sla_policy, team_with_queue
from tests.intranet.factories import UserFactory, service_area, team
from tests.knowledge.factories import KnowledgeArticlePageFactory, TopicFactory

ROLE_NAMES = {
    "staff": (),
    "line_manager": (Role.LINE_MANAGER,),
    "case_manager": (Role.CASE_MANAGER,),
    "specialist": (Role.SPECIALIST,),
    "business_partner": (Role.BUSINESS_PARTNER,),
    "democratic_services": (Role.DEMOCRATIC_SERVICES,),
    "content_editor": (Role.CONTENT_EDITOR,),
    "support_manager": (Role.SUPPORT_MANAGER,),
    "administrator": (Role.ADMINISTRATOR,),
}
TEAMS = {
    "case_manager": "case-management",
    "specialist": "hr",
    "business_partner": "hr",
    "democratic_services": "governance-and-democratic-services",
}


def _person(key: str, **fields):
    user = UserFactory(
        username=key.replace("_", "."),
        team=team(TEAMS.get(key, "customer-services")),
        **fields,
    )
    for role in (Role.STAFF, *ROLE_NAMES[key]):
        user.groups.add(Group.objects.get(name=role.value))
    return user


def build_council() -> SimpleNamespace:
    """Return people by role key, and one record of each kind the URLs name."""
    c = SimpleNamespace(home=HomePage.objects.get())
    c.users = {"line_manager": _person("line_manager")}
    c.users["staff"] = _person("staff", line_manager=c.users["line_manager"])
    for key in ROLE_NAMES:
        if key not in c.users:
            c.users[key] = _person(key)

    Kind = SupportTeam.Kind
    team_with_queue(
        "Case Management",
        kind=Kind.CASE_MANAGEMENT,
        area=None,
        members=[c.users["case_manager"]],
        is_triage=True,
    )
    c.hr = team_with_queue("HR specialists", members=[c.users["specialist"]])
    c.hr_partners = team_with_queue(
        "HR business partners",
        kind=Kind.BUSINESS_PARTNERS,
        members=[c.users["business_partner"]],
        partnered=("service-delivery",),
    )
    policy = sla_policy(normal=("8", "40"))
    c.pay_query = RequestTypeFactory(name="Pay query", sla_policy=policy)
    grievance = RequestTypeFactory(
        name="Grievance",
        sla_policy=policy,
        confidential=True,
        access_team=c.hr_partners,
    )
    RoutingRule.objects.create(
        name="Grievances", position=0, request_type=grievance, to_business_partner=True
    )
    RoutingRule.objects.create(
        name="HR", position=1, service_area=service_area("hr"), queue=c.hr.queue
    )
    c.case = services.case_create(
        requester=c.users["staff"],
        request_type=c.pay_query,
        subject="My payslip is wrong",
        description="June's payslip is missing overtime.",
    )
    c.confidential = services.case_create(
        requester=c.users["staff"],
        request_type=grievance,
        subject="A grievance",
        description="About my manager.",
    )
    c.meeting = MeetingFactory()
    c.topic = TopicFactory(name="Pay")
    c.article = KnowledgeArticlePageFactory(parent=c.home, title="Payslips")
    c.form = RequestFormPageFactory(
        parent=c.home, title="Ask HR", request_type=c.pay_query
    )
    return c


def sample_value(council, route: str, name: str, converter: str) -> str:
    """Return a value for one URL parameter that names a record in the council."""
    by_prefix = {
        ("queues/", "slug"): council.hr.slug,
        ("committees/meetings/", "pk"): council.meeting.pk,
        ("committees/", "slug"): council.meeting.committee.slug,
        ("knowledge/topics/", "slug"): council.topic.slug,
        ("api/v1/request-types/", "slug"): council.pay_query.slug,
        ("api/v1/meetings/", "pk"): council.meeting.pk,
        ("requests/forms/", "page_id"): council.form.pk,
    }
    for (prefix, parameter), value in by_prefix.items():
        if route.startswith(prefix) and name == parameter:
            return str(value)
    by_name = {
        "reference": council.case.reference,
        "username": council.users["staff"].username,
        "article_id": council.article.pk,
        "page_id": council.home.pk,
        "parent_page_id": council.home.pk,
        "page_to_move_id": council.home.pk,
        "destination_id": council.home.pk,
        "fmt": "csv",
        "app_label": "intranet",
        "content_type_app_name": "intranet",
        "model_name": "standardpage",
        "content_type_model_name": "standardpage",
        "revision_id_a": "earliest",
        "revision_id_b": "latest",
        "uidb64": "MQ",
    }
    if name in by_name:
        return str(by_name[name])
    if converter == "int" or (converter == "regex" and name in {"pk", "id"}):
        return "1"
    return "sample"
