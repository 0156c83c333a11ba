"""The agent workspace: My work, queue lists, filters, sorting, paging, counts."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from helpdesk import selectors_workspace as workspace
from helpdesk import services
from helpdesk.models import Case, Queue
from tests.helpdesk.conftest import MONDAY_10AM

pytestmark = pytest.mark.django_db

HR_QUEUE = "/queues/hr-specialists/"


@pytest.fixture
def agent_client(client, desk):
    client.force_login(desk.specialist)
    return client


def test_my_work_refuses_staff_who_are_not_agents(client, desk):
    client.force_login(desk.requester)
    assert client.get("/queues/").status_code == 403
    assert client.get(HR_QUEUE).status_code == 403


def test_my_work_lists_assigned_unassigned_and_breaching_cases(
    agent_client, desk, make_case
):
    mine = make_case(subject="Overtime missing")
    services.case_claim(case=mine, agent=desk.specialist, now=MONDAY_10AM)
    waiting = make_case(subject="Mileage claim")
    other_team = make_case(request_type=desk.invoice, subject="Invoice unpaid")

    response = agent_client.get("/queues/")

    sections = {s.key: s for s in response.context["sections"]}
    assert [r.case for r in sections["assigned"].rows] == [mine]
    assert [r.case for r in sections["unassigned"].rows] == [waiting]
    # Both HR cases were due in 40 working hours from June 2026, long overdue now.
    assert {r.case for r in sections["breaching"].rows} == {mine, waiting}
    body = response.content.decode()
    assert "Overtime missing" in body
    assert "Mileage claim" in body
    assert other_team.subject not in body
    assert "overdue by" in body
    assert "govuk-tag--red" in body


def test_my_work_breaching_soon_leaves_out_cases_due_later(
    agent_client, desk, make_case
):
    from django.utils import timezone

    later = make_case(now=timezone.now())
    response = agent_client.get("/queues/")
    sections = {s.key: s for s in response.context["sections"]}
    assert later not in [r.case for r in sections["breaching"].rows]
    assert later in [r.case for r in sections["unassigned"].rows]


def test_side_nav_counts_open_cases_per_queue_the_agent_may_see(
    agent_client, desk, make_case
):
    make_case()
    make_case()
    resolved = make_case()
    services.case_resolve(
        case=resolved, agent=desk.specialist, summary="Paid.", now=MONDAY_10AM
    )

    response = agent_client.get("/queues/")

    counts = {i["queue"].name: i["count"] for i in response.context["queues"]}
    assert counts == {"HR specialists queue": 2}


def test_case_manager_sees_every_queue_but_no_confidential_counts(
    client, desk, make_case
):
    make_case(request_type=desk.grievance, subject="Grievance about my manager")
    make_case(request_type=desk.invoice)
    client.force_login(desk.case_manager)

    response = client.get("/queues/")

    counts = {i["queue"].name: i["count"] for i in response.context["queues"]}
    assert counts["Finance specialists queue"] == 1
    assert counts["HR business partners for Service Delivery queue"] == 0
    assert "Grievance about my manager" not in response.content.decode()


def test_queue_of_another_team_is_not_found(agent_client):
    assert agent_client.get("/queues/finance-specialists/").status_code == 404


def test_queue_lists_only_its_own_unfinished_cases(agent_client, desk, make_case):
    open_case = make_case(subject="Overtime missing")
    done = make_case(subject="Already answered")
    services.case_resolve(
        case=done, agent=desk.specialist, summary="Paid.", now=MONDAY_10AM
    )

    response = agent_client.get(HR_QUEUE)

    assert [row.case for row in response.context["rows"]] == [open_case]
    assert "Already answered" not in response.content.decode()
    everything = agent_client.get(HR_QUEUE, {"status": "all"})
    assert {row.case for row in everything.context["rows"]} == {open_case, done}


def test_confidential_case_appears_only_for_its_access_team(client, desk, make_case):
    grievance = make_case(request_type=desk.grievance, subject="Bullying grievance")
    client.force_login(desk.specialist)
    assert "Bullying grievance" not in client.get(HR_QUEUE).content.decode()

    client.force_login(desk.business_partner)
    queue_url = "/queues/hr-business-partners-for-service-delivery/"
    response = client.get(queue_url)
    assert [row.case for row in response.context["rows"]] == [grievance]


def _urgent(case: Case) -> Case:
    Case.objects.filter(pk=case.pk).update(priority="urgent")
    return case


def _references(response) -> list[str]:
    return [row.case.reference for row in response.context["rows"]]


def test_queue_filters_by_status_priority_assignee_and_type(
    agent_client, desk, make_case
):
    urgent = _urgent(make_case())
    claimed = make_case()
    services.case_claim(case=claimed, agent=desk.specialist, now=MONDAY_10AM)
    waiting = make_case()
    services.case_change_status(
        case=waiting,
        agent=desk.specialist,
        status=Case.Status.AWAITING_REQUESTER,
        now=MONDAY_10AM,
    )

    assert _references(agent_client.get(HR_QUEUE, {"priority": "urgent"})) == [
        urgent.reference
    ]
    assert _references(agent_client.get(HR_QUEUE, {"assignee": "me"})) == [
        claimed.reference
    ]
    assert _references(
        agent_client.get(HR_QUEUE, {"status": "awaiting_requester"})
    ) == [waiting.reference]
    assert _references(agent_client.get(HR_QUEUE, {"sla": "paused"})) == [
        waiting.reference
    ]
    assert set(_references(agent_client.get(HR_QUEUE, {"assignee": "unassigned"}))) == {
        urgent.reference,
        waiting.reference,
    }
    by_type = agent_client.get(HR_QUEUE, {"request_type": desk.hr_query.pk})
    assert len(by_type.context["rows"]) == 3


def test_queue_filters_by_sla_state_and_created_dates(agent_client, desk, make_case):
    from django.utils import timezone

    now = timezone.now()
    old = make_case(now=MONDAY_10AM)
    fresh = make_case(now=now)

    assert _references(agent_client.get(HR_QUEUE, {"sla": "breached"})) == [
        old.reference
    ]
    assert _references(agent_client.get(HR_QUEUE, {"sla": "on_track"})) == [
        fresh.reference
    ]
    since = (now - timedelta(days=1)).date().isoformat()
    assert _references(agent_client.get(HR_QUEUE, {"created_from": since})) == [
        fresh.reference
    ]
    assert _references(agent_client.get(HR_QUEUE, {"created_to": "2026-06-01"})) == [
        old.reference
    ]


def test_queue_sorts_by_a_whitelisted_order(agent_client, desk, make_case):
    first = make_case(now=MONDAY_10AM)
    second = _urgent(make_case(now=MONDAY_10AM + timedelta(hours=1)))

    newest = agent_client.get(HR_QUEUE, {"sort": "created"})
    assert _references(newest) == [second.reference, first.reference]
    assert _references(agent_client.get(HR_QUEUE, {"sort": "priority"}))[0] == (
        second.reference
    )


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"page": "abc"}, "is not a page number, so this is page 1"),
        ({"page": "99999"}, "There is no page 99999; this is page 1"),
        ({"status": "bogus"}, "Choose a status from the list"),
        ({"sort": ";drop table helpdesk_case"}, "Choose a sort by from the list"),
        ({"created_from": "notadate"}, "Enter the created from date like"),
        ({"assignee": "999999"}, "Choose a assignee from the list"),
        ({"request_type": "abc"}, "Choose a request type from the list"),
        (
            {"created_from": "2026-05-01", "created_to": "2026-04-01"},
            "Created to must be on or after created from",
        ),
    ],
)
def test_queue_answers_bad_query_strings_with_a_clear_message(
    agent_client, make_case, query, message
):
    case = make_case()
    response = agent_client.get(HR_QUEUE, query)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert _references(response) == [case.reference]


def test_queue_pages_25_cases_at_a_time(agent_client, make_case):
    for _ in range(27):
        make_case()
    first = agent_client.get(HR_QUEUE)
    second = agent_client.get(HR_QUEUE, {"page": 2})
    assert len(first.context["rows"]) == 25
    assert len(second.context["rows"]) == 2
    assert "27 cases, page 1 of 2" in " ".join(first.content.decode().split())


def _queries(client, url) -> int:
    # The first request warms caches (calendars, session); count a later one.
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_queue_page_queries_do_not_grow_with_rows(agent_client, desk, make_case):
    def add(count):
        for _ in range(count):
            services.case_assign(
                case=make_case(),
                agent=desk.specialist,
                assignee=desk.hr_lead,
                now=MONDAY_10AM,
            )

    add(5)
    with_five = _queries(agent_client, HR_QUEUE)
    add(45)
    assert _queries(agent_client, HR_QUEUE) == with_five


def test_my_work_queries_do_not_grow_with_rows(agent_client, desk, make_case):
    def add(count):
        for _ in range(count):
            services.case_claim(
                case=make_case(), agent=desk.specialist, now=MONDAY_10AM
            )
            make_case()

    add(5)
    with_five = _queries(agent_client, "/queues/")
    add(45)
    assert _queries(agent_client, "/queues/") == with_five


def test_header_offers_queues_to_agents_only(client, desk):
    client.force_login(desk.specialist)
    assert reverse("queues:my-work") in client.get("/people/").content.decode()
    client.force_login(desk.requester)
    assert 'href="/queues/"' not in client.get("/people/").content.decode()


@pytest.mark.parametrize("slug", ["hr-specialists", "finance-specialists", "nowhere"])
def test_queue_get_for_agent_among_read_queues_agrees_with_the_database(desk, slug):
    among = list(workspace.queues_for_agent(user=desk.specialist))
    try:
        expected = workspace.queue_get_for_agent(user=desk.specialist, slug=slug)
    except Queue.DoesNotExist:
        expected = None
    try:
        found = workspace.queue_get_for_agent(
            user=desk.specialist, slug=slug, among=among
        )
    except Queue.DoesNotExist:
        found = None
    assert found == expected
    assert (found is not None) == (slug == "hr-specialists")
