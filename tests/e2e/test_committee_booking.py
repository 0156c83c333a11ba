"""Democratic Services book support for a meeting from the committee calendar."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from helpdesk.committees.models import SupportBooking
from tests.committees.conftest import council_build
from tests.committees.factories import MeetingFactory


@pytest.fixture
def council(make_user):
    return council_build(make_user)


@pytest.fixture
def meeting(council):
    start = (timezone.localtime() + timedelta(days=21)).replace(
        hour=18, minute=30, second=0, microsecond=0
    )
    return MeetingFactory(committee=council.planning, start_at=start)


def test_officer_books_support_from_the_calendar(
    page,
    sign_in,
    council,
    meeting,
    axe_audit,
):
    sign_in(council.officer).goto("/")
    page.get_by_role("link", name="Committees").click()
    expect(page.locator("h1")).to_have_text("Committee calendar")
    axe_audit(page, signed_in_as="democratic services officer")

    page.get_by_role("link", name="Upcoming meetings").click()
    page.get_by_role("link", name="Planning North").click()
    expect(page.get_by_role("main")).to_contain_text("Agenda published")
    page.get_by_role("link", name="Book support").click()

    page.get_by_label("Printed agenda packs").fill("a dozen")
    page.get_by_role("button", name="Book support").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("whole number")
    axe_audit(page, signed_in_as="democratic services officer")

    page.get_by_label("Webcasting and AV").check()
    page.get_by_label("Printed agenda packs").fill("12")
    page.get_by_role("button", name="Book support").click()

    reference = SupportBooking.objects.get(meeting=meeting).parent_case.reference
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        f"Your booking reference is {reference}"
    )
    expect(page.get_by_role("main")).to_contain_text("Webcasting and AV")
    axe_audit(page, signed_in_as="democratic services officer")


@pytest.mark.parametrize(
    "path",
    ["/committees/", "/committees/week/", "/committees/list/", "/committees/feed/"],
)
def test_committee_calendar_views_have_no_wcag_violations(
    page,
    sign_in,
    council,
    meeting,
    axe_audit,
    path,
):
    sign_in(council.staff).goto(path)
    expect(page.get_by_role("main")).to_be_visible()
    axe_audit(page, signed_in_as="staff")


def test_month_view_with_a_meeting_has_no_wcag_violations(
    page,
    sign_in,
    council,
    meeting,
    axe_audit,
):
    when = timezone.localtime(meeting.start_at)
    sign_in(council.staff).goto(f"/committees/?year={when.year}&month={when.month}")
    expect(page.get_by_role("table")).to_contain_text("18:30 Planning North")
    axe_audit(page, signed_in_as="staff")
