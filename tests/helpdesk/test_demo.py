"""The helpdesk's demo content: what every demo account finds when `make run` starts."""

import io
from datetime import date
from email.message import EmailMessage

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from helpdesk import notifications, selectors
from helpdesk.demo import catalogue, seed
from helpdesk.demo.stories import STORIES
from helpdesk.models import (
    BusinessCalendar,
    CannedResponse,
    Case,
    CaseLink,
    ClosureDay,
    InboundMailbox,
    Membership,
    Queue,
    RequestType,
    RoutingRule,
    SatisfactionRating,
    SLAPolicy,
    SLATarget,
    SupportTeam,
    TimelineEvent,
)
from helpdesk.services import satisfaction
from intranet.demo.people import demo_people_seed
from intranet.models import OutboxMessage

User = get_user_model()
Status = Case.Status

AGENTS = ("triage", "hr.specialist", "hr.partner", "legal", "finance", "digital", "pa")


def counts() -> dict[str, int]:
    models = (
        BusinessCalendar,
        CannedResponse,
        Case,
        CaseLink,
        ClosureDay,
        InboundMailbox,
        Membership,
        Queue,
        RequestType,
        RoutingRule,
        SatisfactionRating,
        SLAPolicy,
        SLATarget,
        SupportTeam,
        TimelineEvent,
        OutboxMessage,
    )
    numbers = {model.__name__: model.objects.count() for model in models}
    numbers["role groups"] = User.groups.through.objects.count()
    return numbers


def sample(key: str) -> Case:
    return Case.objects.get(answers__demo_key=key)


def person(username: str):
    return User.objects.get(username=username)


@pytest.fixture(scope="module")
def demo_council(django_db_setup, django_db_blocker, tmp_path_factory):
    """Seed the demo once for the module, inside a transaction rolled back after.

    Seeding takes seconds; each test then runs in a savepoint of its own.
    """
    var_dir = tmp_path_factory.mktemp("var")
    with (
        django_db_blocker.unblock(),
        override_settings(VAR_DIR=var_dir),
        transaction.atomic(),
    ):
        demo_people_seed(log=lambda message: None)
        seed.demo_helpdesk_seed(now=timezone.now())
        yield var_dir
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_council, db):
    return demo_council


def test_demo_stories_happen_before_the_demo_is_loaded():
    keys = [story.key for story in STORIES]
    assert len(keys) == len(set(keys)) >= 40
    starts = {story.key: story.hours_ago for story in STORIES}
    type_slugs = {spec.slug for spec in catalogue.REQUEST_TYPES}
    for story in STORIES:
        assert story.working_hours < story.hours_ago, story.key
        assert story.request_type in type_slugs, story.key
        for step in story.steps:
            if step.action in {"merge", "link"}:
                assert starts[step.target] > story.hours_ago, story.key


def test_demo_story_people_names_everyone_who_acts():
    story = next(s for s in STORIES if s.key == "hr-attendance-advice")
    assert story.people() == {"manager", "hr.partner", "neil.robertson"}


def test_demo_christmas_shutdown_closes_the_working_days_between_bank_holidays():
    # 28 December 2026 is the Boxing Day substitute bank holiday.
    assert catalogue.shutdown_dates(2026) == [
        date(2026, 12, 29),
        date(2026, 12, 30),
        date(2026, 12, 31),
    ]


def test_demo_helpdesk_seed_a_second_time_creates_nothing(demo):
    before = counts()
    assert before["Case"] == len(STORIES)

    seed.demo_helpdesk_seed(now=timezone.now())

    assert counts() == before


def test_demo_cases_cover_every_status_and_service_area(demo):
    cases = Case.objects.filter(answers__has_key="demo_key")
    assert set(cases.values_list("status", flat=True)) == set(Status.values)
    assert set(cases.values_list("service_area__slug", flat=True)) == {
        "hr",
        "legal",
        "finance",
        "digital",
        "pa-support",
        "democratic-services",
    }
    for case in cases:
        kinds = set(case.events.values_list("kind", flat=True))
        assert {TimelineEvent.Kind.CREATED, TimelineEvent.Kind.ROUTED} <= kinds
        assert case.created_at < timezone.now()
    assert TimelineEvent.objects.filter(kind=TimelineEvent.Kind.REPLY).count() >= 20
    assert TimelineEvent.objects.filter(kind=TimelineEvent.Kind.INTERNAL_NOTE).exists()
    assert list(cases.filter(sla_breached_at__isnull=False)) == [
        sample("hr-pension-deducted-twice")
    ]
    duplicate = sample("finance-invoice-paid-twice-again")
    assert duplicate.merged_into == sample("finance-invoice-paid-twice")
    assert duplicate.status == Status.CLOSED
    assert CaseLink.objects.count() == 1
    assert SatisfactionRating.objects.count() >= 5


def test_demo_history_is_not_emailed_when_the_demo_starts(demo):
    assert OutboxMessage.objects.filter(topic=notifications.TOPIC).exists()
    assert not OutboxMessage.objects.filter(
        topic=notifications.TOPIC, delivered_at__isnull=True
    ).exists()


def test_demo_routing_sends_pay_questions_to_specialists_and_the_rest_to_triage(demo):
    assert sample("hr-shift-allowance").queue.team.slug == "hr-specialists"
    assert sample("triage-buy-leave").queue.is_triage
    assert sample("finance-budget-monitoring").queue.team.slug == (
        "finance-business-partners"
    )
    routed = sample("hr-shift-allowance").events.get(kind=TimelineEvent.Kind.ROUTED)
    assert routed.data["rule"] == "Pay and payslip questions to HR specialists"


@pytest.mark.parametrize("username", AGENTS)
def test_demo_every_agent_account_has_work_waiting(demo, client, username):
    agent = person(username)
    mine = selectors.case_list_visible_to(user=agent).exclude(
        status__in=[Status.RESOLVED, Status.CLOSED, Status.CANCELLED]
    )
    assigned = mine.filter(assignee=agent)
    assert assigned.exists()

    client.force_login(agent)
    response = client.get("/queues/")

    assert response.status_code == 200
    assert assigned.first().reference in response.content.decode()


def test_demo_triage_queue_has_several_new_cases(demo, client):
    triage = Queue.objects.get(is_triage=True)
    new_cases = Case.objects.filter(queue=triage, status=Status.NEW)
    assert new_cases.count() >= 4
    assert triage.team.lead.username != "triage"

    client.force_login(person("triage"))
    html = client.get(f"/queues/{triage.team.slug}/").content.decode()

    for case in new_cases:
        assert case.reference in html


def test_demo_staff_sees_their_requests_and_can_act_on_them(demo, client):
    staff = person("staff")
    mine = Case.objects.filter(requester=staff)
    assert 3 <= mine.count() <= 4
    awaiting = mine.get(status=Status.AWAITING_REQUESTER)
    resolved = mine.get(status=Status.RESOLVED)
    assert satisfaction.can_rate(case=resolved, user=staff)

    client.force_login(staff)
    html = client.get("/requests/").content.decode()

    for case in mine:
        assert case.reference in html
    page = client.get(f"/requests/{awaiting.reference}/")
    assert page.status_code == 200
    assert "timesheet signed by Mark" in page.content.decode()
    assert "were never sent to us" not in page.content.decode()


def test_demo_staff_never_sees_a_colleagues_grievance(demo, client):
    grievance = sample("hr-grievance")
    client.force_login(person("staff"))

    assert grievance.reference not in client.get("/requests/").content.decode()
    assert client.get(f"/requests/{grievance.reference}/").status_code == 404
    assert client.get(f"/cases/{grievance.reference}/").status_code == 404


def test_demo_grievance_is_sealed_to_its_requester_and_the_hr_business_partners(
    demo, client
):
    grievance = sample("hr-grievance")
    assert grievance.confidential
    assert grievance.requester.directorate.slug == "service-delivery"
    allowed = {"bethan.jones", "hr.partner", "neil.robertson"}

    seeing = {
        user.username
        for user in User.objects.all()
        if selectors.can_see(user, grievance)
    }

    assert seeing == allowed
    client.force_login(person("hr.partner"))
    response = client.get(f"/cases/{grievance.reference}/")
    assert response.status_code == 200
    assert "keep it independent" in response.content.decode()
    client.force_login(person("manager"))
    assert client.get(f"/cases/{grievance.reference}/").status_code == 404


def test_demo_teams_have_leads_and_their_members_hold_the_agent_roles(demo):
    for team in SupportTeam.objects.all():
        assert team.lead is not None, team
        assert team.memberships.filter(user=team.lead).exists(), team
        assert team.queue
    assert person("hr.specialist").support_teams.get().slug == "hr-specialists"
    partners = SupportTeam.objects.get(slug="hr-business-partners")
    assert set(partners.partnered_directorates.values_list("slug", flat=True)) == {
        "strategy",
        "service-delivery",
    }
    assert person("emma.watkins").groups.filter(name="Specialists").exists()
    assert person("neil.robertson").groups.filter(name="Business partners").exists()


def test_demo_mailbox_turns_dropped_mail_into_a_case(demo):
    mailbox = InboundMailbox.objects.get(service_area__slug="hr")
    message = EmailMessage()
    message["From"] = "Sam Patel <sam.patel@avonford.gov.uk>"
    message["To"] = mailbox.address
    message["Subject"] = "Question about my annual leave"
    message["Message-ID"] = "<demo-drop-1@mail.avonford.gov.uk>"
    message.set_content("How many days can I carry into next year?")
    (demo / "mail" / "hr" / "leave.eml").write_bytes(message.as_bytes())

    out = io.StringIO()
    call_command("mail_ingest", stdout=out)

    assert f"{mailbox.address}: 1 processed, 0 failed" in out.getvalue()
    case = Case.objects.get(subject="Question about my annual leave")
    assert case.requester == person("staff")
    assert case.request_type.slug == "hr-general-enquiry"
