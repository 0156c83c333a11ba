"""Request forms in Chromium: deflection, conditions, approval, keyboard and axe."""

import re
import uuid

import pytest
from playwright.sync_api import expect

from forms import services
from helpdesk.models import Case
from intranet.search import indexing
from tests.forms import conftest as form_fixtures
from tests.helpdesk import uploads
from tests.knowledge.factories import KnowledgeArticlePageFactory

desk = form_fixtures.desk
area_pages = form_fixtures.area_pages
pay_form = form_fixtures.pay_form
flexible_form = form_fixtures.flexible_form


@pytest.fixture
def payslip_article(area_pages):
    article = KnowledgeArticlePageFactory(
        parent=area_pages.hr,
        title="Understanding your payslip",
        summary="What each line of your payslip means, and overtime pay.",
    )
    indexing.search_rebuild_database()
    return article


def test_staff_sees_suggestions_answers_a_follow_up_and_gets_a_reference(
    page, sign_in, desk, pay_form, payslip_article
):
    sign_in(desk.requester).goto(pay_form.url)
    hours = page.get_by_label("How many hours?")
    expect(hours).to_be_hidden()
    expect(page.get_by_role("button", name="Check for answers")).to_be_hidden()

    page.get_by_label("Summarise your request in a few words").fill(
        "payslip overtime missing"
    )
    suggestions = page.get_by_test_id("deflection")
    expect(suggestions.get_by_role("link")).to_contain_text(
        ["Understanding your payslip"]
    )
    page.get_by_label("June").check()
    page.get_by_role("group", name="Was overtime missing?").get_by_label("Yes").check()
    expect(hours).to_be_visible()
    hours.fill("7.5")
    page.get_by_role("button", name="Send request", exact=True).last.click()

    expect(page.locator("h1")).to_have_text("Request sent")
    expect(page.get_by_test_id("reference")).to_have_text(re.compile(r"HR-\d{6}"))
    assert Case.objects.get().answers["how_many_hours"] == "7.5"


def test_manager_approves_a_request_in_the_browser(page, sign_in, desk, flexible_form):
    services.submission_create(
        page=flexible_form,
        submitter=desk.requester,
        subject="Compressed hours",
        answers={"pattern_you_would_like": "Four long days"},
        labels={"pattern_you_would_like": "Pattern you would like"},
        key=uuid.uuid4(),
        now=form_fixtures.MONDAY_10AM,
    )
    sign_in(desk.manager).goto("/requests/approvals/")
    page.get_by_role("link", name=re.compile("Compressed hours")).click()
    expect(page.get_by_text("Four long days")).to_be_visible()
    page.get_by_label("Approve").check()
    page.get_by_role("button", name="Send decision").click()
    expect(page.get_by_text("Your decision has been sent.")).to_be_visible()
    expect(page.get_by_text("Nothing is waiting for your approval.")).to_be_visible()
    assert Case.objects.get().requester == desk.requester


def test_request_form_has_no_wcag_violations_empty_or_with_errors(
    page, sign_in, desk, pay_form, axe_audit
):
    sign_in(desk.requester).goto(pay_form.url)
    axe_audit(page, signed_in_as="staff")
    page.get_by_role("button", name="Send request", exact=True).last.click()
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    axe_audit(page, signed_in_as="staff")


def test_keyboard_journey_through_a_request_form_with_an_error(
    page, sign_in, desk, pay_form
):
    sign_in(desk.requester).goto(pay_form.url)
    subject = page.get_by_label("Summarise your request in a few words")
    for _ in range(40):
        if subject.evaluate("el => el === document.activeElement"):
            break
        page.keyboard.press("Tab")
    expect(subject).to_be_focused()
    page.keyboard.press("Enter")

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Enter a summary of your request")
    page.keyboard.press("Tab")
    expect(summary.get_by_role("link").first).to_be_focused()
    page.keyboard.press("Enter")
    expect(subject).to_be_focused()


def test_a_file_chosen_before_an_error_is_kept_and_sent(
    page, sign_in, desk, pay_form, axe_audit, tmp_path
):
    timesheet = tmp_path / "june-timesheet.pdf"
    timesheet.write_bytes(uploads.PDF)
    sign_in(desk.requester).goto(pay_form.url)
    page.get_by_label("Summarise your request in a few words").fill("Overtime")
    page.get_by_label("Evidence").set_input_files(timesheet)
    page.get_by_role("button", name="Send request", exact=True).last.click()

    expect(page.locator(".govuk-error-summary")).to_be_focused()
    kept = page.get_by_test_id("held-upload")
    expect(kept).to_contain_text("You chose june-timesheet.pdf")
    expect(kept.get_by_label("Remove june-timesheet.pdf")).not_to_be_checked()
    axe_audit(page, signed_in_as="staff")

    page.get_by_role("radio", name="June").check()
    page.get_by_role("group", name="Was overtime missing?").get_by_label("No").check()
    page.get_by_role("button", name="Send request", exact=True).last.click()

    expect(page.locator("h1")).to_have_text("Request sent")
    [attachment] = Case.objects.get().attachments.all()
    assert attachment.original_name == "june-timesheet.pdf"
