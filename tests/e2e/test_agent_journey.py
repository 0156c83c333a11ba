"""A specialist's day in the browser: find a case, claim it, reply, resolve."""

from playwright.sync_api import expect

from helpdesk.models import Case
from tests.helpdesk import conftest as helpdesk_fixtures

# The support desk the helpdesk tests use: teams, queues, people and a case maker.
desk = helpdesk_fixtures.desk
make_case = helpdesk_fixtures.make_case


def test_specialist_claims_replies_to_and_resolves_a_case(
    page,
    sign_in,
    desk,
    make_case,
    axe_audit,
):
    case = make_case(subject="Overtime missing from my payslip")
    sign_in(desk.specialist).goto("/queues/")
    expect(page.get_by_role("heading", name="My work")).to_be_visible()
    axe_audit(page, signed_in_as="specialist")

    page.get_by_role("link", name="HR specialists queue").click()
    expect(page.get_by_role("heading", name="HR specialists queue")).to_be_visible()
    axe_audit(page, signed_in_as="specialist")
    page.get_by_role("link", name=case.reference).click()

    expect(page.get_by_role("heading", name=case.subject)).to_be_visible()
    axe_audit(page, signed_in_as="specialist")

    page.get_by_role("button", name="Claim this case").click()
    expect(page.locator("#case-assignment")).to_contain_text(
        "you have claimed this case"
    )

    page.get_by_label("Reply to the requester").fill("Please send your timesheet.")
    page.get_by_role("button", name="Send reply").click()
    expect(page.locator("#timeline")).to_contain_text("Please send your timesheet.")
    expect(page.locator("#timeline-status")).to_have_text("Reply sent.")
    expect(page.get_by_label("Reply to the requester")).to_have_value("")

    page.get_by_text("Resolve", exact=True).click()
    page.get_by_label("Resolution summary").fill("Overtime will be paid in July.")
    page.get_by_role("button", name="Resolve case").click()

    expect(page.get_by_role("alert")).to_contain_text(f"{case.reference} is resolved.")
    expect(page.locator(".app-tag-list")).to_contain_text("Resolved")
    axe_audit(page, signed_in_as="specialist")
    case.refresh_from_db()
    assert case.status == Case.Status.RESOLVED
    assert case.assignee == desk.specialist
