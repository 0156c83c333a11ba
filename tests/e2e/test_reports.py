"""The Support Services reports page, checked with axe in Chromium."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from helpdesk.models import Case
from intranet.models import SearchQueryLog
from intranet.roles import Role
from knowledge.models import SelfServiceResolution
from tests.helpdesk.factories import RequestTypeFactory, team_with_queue
from tests.intranet.factories import UserFactory, service_area


@pytest.fixture
def report_cases(db):
    """Open and resolve a few cases across two service areas over recent weeks."""
    requester = UserFactory(username="rita.requester")
    now = timezone.now()
    for number, (area, days_ago, resolved) in enumerate(
        [
            ("hr", 3, True),
            ("hr", 10, False),
            ("finance", 20, True),
            ("finance", 1, False),
        ],
        start=1,
    ):
        team = team_with_queue(f"{area} team {number}", area=area)
        request_type = RequestTypeFactory(service_area=service_area(area))
        opened = now - timedelta(days=days_ago)
        Case.objects.create(
            reference=f"{area.upper()[:3]}-{number:06d}",
            requester=requester,
            subject=f"Request {number}",
            description="Details",
            request_type=request_type,
            service_area=service_area(area),
            queue=team.queue,
            status=Case.Status.RESOLVED if resolved else Case.Status.OPEN,
            first_response_due_at=opened + timedelta(hours=8),
            first_responded_at=opened + timedelta(hours=2),
            resolved_at=opened + timedelta(days=1) if resolved else None,
            created_at=opened,
            updated_at=opened,
        )
    SelfServiceResolution.objects.create(
        source=SelfServiceResolution.Source.FORM, created_at=now - timedelta(days=2)
    )
    SearchQueryLog.objects.create(
        query="parking permit", results_count=0, created_at=now - timedelta(days=2)
    )


def test_reports_page_has_no_wcag_violations(
    page, sign_in, make_user, report_cases, axe_audit
):
    manager = make_user(Role.SUPPORT_MANAGER, username="sue.manager", first_name="Sue")
    sign_in(manager).goto("/reports/")
    expect(page.locator("h1")).to_have_text("Support Services reports")
    expect(
        page.get_by_role("img", name="Chart: Cases opened each week")
    ).to_be_visible()
    axe_audit(page, signed_in_as="support services manager")


def test_reports_page_with_filter_errors_has_no_wcag_violations(
    page, sign_in, make_user, axe_audit
):
    manager = make_user(Role.SUPPORT_MANAGER, username="sue.manager", first_name="Sue")
    sign_in(manager).goto("/reports/?from_date=2026-06-10&to_date=2026-06-01")
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "The end date must be on or after the start date."
    )
    axe_audit(page, signed_in_as="support services manager")
