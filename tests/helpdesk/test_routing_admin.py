"""Routing rules, SLA policies and business calendars in the Wagtail admin."""

import pytest
from django.urls import reverse

from helpdesk.models import BusinessCalendar, RoutingRule, SLAPolicy
from intranet.roles import Role
from tests.helpdesk.factories import QueueFactory

pytestmark = pytest.mark.django_db

LISTINGS = [
    "wagtailsnippets_helpdesk_routingrule:list",
    "wagtailsnippets_helpdesk_slapolicy:list",
    "wagtailsnippets_helpdesk_businesscalendar:list",
]
ADD_RULE = "wagtailsnippets_helpdesk_routingrule:add"


@pytest.fixture
def admin_client(client, make_user):
    client.force_login(make_user(Role.ADMINISTRATOR))
    return client


def rule_form(**changes) -> dict:
    return {
        "name": "Payslips to payroll",
        "position": "10",
        "enabled": "on",
        "service_area": "",
        "request_type": "",
        "keywords": "payslip, salary",
        "answer_field": "",
        "answer_value": "",
        "confidential": "any",
        "queue": "",
        **changes,
    }


def inline(prefix: str, rows: list[dict]) -> dict:
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        data[f"{prefix}-{index}-id"] = ""
        data[f"{prefix}-{index}-DELETE"] = ""
        data.update({f"{prefix}-{index}-{key}": value for key, value in row.items()})
    return data


@pytest.mark.parametrize("listing", LISTINGS)
def test_admin_administrator_opens_the_listing(admin_client, listing):
    assert admin_client.get(reverse(listing)).status_code == 200


@pytest.mark.parametrize("listing", LISTINGS)
@pytest.mark.parametrize("role", [None, Role.CONTENT_EDITOR, Role.SPECIALIST])
def test_admin_other_people_cannot_open_the_listing(client, make_user, listing, role):
    client.force_login(make_user(*([role] if role else [])))
    response = client.get(reverse(listing))
    assert response.status_code in (302, 403)


@pytest.mark.parametrize("listing", LISTINGS)
def test_admin_administrator_opens_the_add_form(admin_client, listing):
    add_url = reverse(listing.replace(":list", ":add"))
    assert admin_client.get(add_url).status_code == 200


def test_admin_searches_routing_rules_by_keyword(admin_client):
    queue = QueueFactory(name="HR queue")
    RoutingRule.objects.create(name="Pay", keywords="payslip", queue=queue)
    RoutingRule.objects.create(name="Laptops", keywords="laptop", queue=queue)
    page = admin_client.get(reverse(LISTINGS[0]), {"q": "payslip"}).content.decode()
    assert "Pay" in page
    assert "Laptops" not in page


def test_admin_routing_rules_listed_in_position_order(admin_client):
    queue = QueueFactory(name="HR queue")
    # Neither name order nor creation order matches position order
    for name, position in [("Mango", 30), ("Zebra", 10), ("Apple", 20)]:
        RoutingRule.objects.create(name=name, position=position, queue=queue)
    page = admin_client.get(reverse(LISTINGS[0])).content.decode()
    assert page.index("Zebra") < page.index("Apple") < page.index("Mango")


def test_admin_creates_a_valid_rule(admin_client):
    queue = QueueFactory(name="Payroll queue")
    response = admin_client.post(reverse(ADD_RULE), rule_form(queue=str(queue.pk)))
    assert response.status_code == 302
    rule = RoutingRule.objects.get()
    assert rule.queue == queue
    assert rule.keyword_list() == ("payslip", "salary")


def test_admin_refuses_a_rule_with_both_queue_and_business_partner(admin_client):
    queue = QueueFactory(name="Payroll queue")
    response = admin_client.post(
        reverse(ADD_RULE), rule_form(queue=str(queue.pk), to_business_partner="on")
    )
    assert response.status_code == 200
    assert (
        "Send matching cases to a queue or to the business partner, not both"
        in response.content.decode()
    )
    assert not RoutingRule.objects.exists()


def test_admin_refuses_a_rule_without_an_action(admin_client):
    response = admin_client.post(reverse(ADD_RULE), rule_form())
    assert response.status_code == 200
    assert "Choose a queue, or tick" in response.content.decode()
    assert not RoutingRule.objects.exists()


def test_admin_refuses_a_target_resolving_before_first_response(admin_client):
    data = {
        "name": "Standard",
        "description": "",
        "calendar": "",
        **inline(
            "targets",
            [
                {
                    "priority": "normal",
                    "first_response_hours": "8",
                    "resolution_hours": "4",
                }
            ],
        ),
    }
    response = admin_client.post(
        reverse("wagtailsnippets_helpdesk_slapolicy:add"), data
    )
    assert response.status_code == 200
    assert (
        "Resolution hours must be at least the first response hours."
        in response.content.decode()
    )
    assert not SLAPolicy.objects.exists()


def test_admin_refuses_two_targets_for_one_priority(admin_client):
    target = {"priority": "high", "first_response_hours": "2", "resolution_hours": "8"}
    data = {"name": "Standard", "description": "", "calendar": ""}
    data.update(inline("targets", [target, target]))
    response = admin_client.post(
        reverse("wagtailsnippets_helpdesk_slapolicy:add"), data
    )
    assert response.status_code == 200
    assert not SLAPolicy.objects.exists()


def test_admin_creates_a_calendar_with_closure_days(admin_client):
    hours = {
        f"{day}_{edge}": value
        for day in ("monday", "tuesday", "wednesday", "thursday", "friday")
        for edge, value in (("opens", "09:00"), ("closes", "17:00"))
    }
    data = {
        "name": "Council offices",
        "use_bank_holidays": "on",
        "saturday_opens": "",
        "saturday_closes": "",
        "sunday_opens": "",
        "sunday_closes": "",
        **hours,
        **inline(
            "closure_days",
            [{"date": "2026-12-29", "reason": "Christmas shutdown"}],
        ),
    }
    response = admin_client.post(
        reverse("wagtailsnippets_helpdesk_businesscalendar:add"), data
    )
    assert response.status_code == 302
    calendar = BusinessCalendar.objects.get()
    assert [str(day.date) for day in calendar.closure_days.all()] == ["2026-12-29"]
