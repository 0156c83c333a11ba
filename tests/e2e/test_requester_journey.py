"""A member of staff follows their request in the browser, reads the reply, rates it."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from helpdesk import services
from helpdesk.models import SatisfactionRating, SupportTeam
from intranet.roles import Role
from tests.helpdesk.factories import RequestTypeFactory, team_with_queue
from tests.intranet.factories import service_area, team

SECRET = "Check the overtime claim with payroll before answering."


@pytest.fixture
def request_with_reply(make_user, staff_user):
    agent = make_user(
        Role.CASE_MANAGER,
        username="cass.triage",
        first_name="Cass",
        last_name="Triage",
        team=team("case-management"),
    )
    team_with_queue(
        "Case Management",
        kind=SupportTeam.Kind.CASE_MANAGEMENT,
        area=None,
        members=[agent],
        is_triage=True,
    )
    pay_query = RequestTypeFactory(name="Pay query", service_area=service_area("hr"))
    now = timezone.now()
    case = services.case_create(
        requester=staff_user,
        request_type=pay_query,
        subject="Overtime missing from my payslip",
        description="June's payslip is missing six hours of overtime.",
        now=now,
    )
    services.case_note(case=case, author=agent, body=SECRET, now=now)
    services.case_reply(
        case=case,
        author=agent,
        body="We have added the overtime to your July pay.",
        now=now,
    )
    return case, agent


def test_requester_reads_agent_reply_and_rates_it(
    page, sign_in, home_page, staff_user, request_with_reply, axe_audit
):
    case, agent = request_with_reply
    sign_in(staff_user).goto("/")

    panel = page.get_by_test_id("my-open-requests")
    expect(panel).to_contain_text("Overtime missing from my payslip")
    panel.get_by_role("link", name="View all my requests").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("My requests")
    expect(page.get_by_test_id("my-requests")).to_contain_text(case.reference)
    axe_audit(page, signed_in_as="staff")

    page.get_by_role("link", name=case.reference).click()
    timeline = page.get_by_test_id("timeline")
    expect(timeline).to_contain_text("We have added the overtime to your July pay.")
    expect(page.get_by_role("main")).not_to_contain_text(SECRET)
    axe_audit(page, signed_in_as="staff")

    services.case_resolve(
        case=case,
        agent=agent,
        summary="Overtime paid in July.",
        now=timezone.now(),
    )
    page.reload()
    expect(page.get_by_test_id("status")).to_have_text("Resolved")
    axe_audit(page, signed_in_as="staff")

    page.get_by_label("4 (good)").check()
    page.get_by_label("Tell us more (optional)").fill("Quick and clear, thank you.")
    page.get_by_role("button", name="Send rating").click()

    expect(page.get_by_test_id("rating")).to_have_text(
        "You rated this request 4 out of 5."
    )
    rating = SatisfactionRating.objects.get(case=case)
    assert (rating.rating, rating.comment) == (4, "Quick and clear, thank you.")


def test_rating_without_a_choice_shows_an_accessible_error(
    page, sign_in, home_page, staff_user, request_with_reply, axe_audit
):
    case, agent = request_with_reply
    services.case_resolve(
        case=case, agent=agent, summary="Overtime paid.", now=timezone.now()
    )
    sign_in(staff_user).goto(f"/requests/{case.reference}/")

    page.get_by_role("button", name="Send rating").click()

    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Choose a rating from 1 to 5."
    )
    axe_audit(page, signed_in_as="staff")
    assert not SatisfactionRating.objects.exists()
