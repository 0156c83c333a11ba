"""A small support desk with request forms under the HR and Finance pages."""

import uuid
from types import SimpleNamespace

import pytest

from forms.models import Outcome
from tests.forms.factories import RequestFormPageFactory, question
from tests.helpdesk import conftest as helpdesk_fixtures
from tests.intranet.factories import ServiceAreaPageFactory, service_area

MONDAY_10AM = helpdesk_fixtures.MONDAY_10AM
# The helpdesk's desk of teams, queues, request types, rules and people.
desk = helpdesk_fixtures.desk


@pytest.fixture
def area_pages(home_page):
    return SimpleNamespace(
        hr=ServiceAreaPageFactory(
            parent=home_page, title="HR", slug="hr", service_area=service_area("hr")
        ),
        finance=ServiceAreaPageFactory(
            parent=home_page,
            title="Finance",
            slug="finance",
            service_area=service_area("finance"),
        ),
    )


@pytest.fixture
def pay_form(desk, area_pages):
    """A case form with a conditional, required follow-up question."""
    page = RequestFormPageFactory(
        parent=area_pages.hr,
        title="Pay query",
        slug="pay-query",
        request_type=desk.hr_query,
    )
    question(page, "Which month?", "radio", choices="May\nJune")
    question(page, "Was overtime missing?", "yesno")
    question(
        page,
        "How many hours?",
        "number",
        condition_field="Was overtime missing?",
        condition_value="Yes",
    )
    question(page, "Evidence", "file", required=False)
    return page


@pytest.fixture
def flexible_form(desk, area_pages):
    """A form the line manager approves before a case opens."""
    page = RequestFormPageFactory(
        parent=area_pages.hr,
        title="Flexible working request",
        slug="flexible-working",
        request_type=desk.hr_query,
        outcome=Outcome.APPROVAL,
    )
    question(page, "Pattern you would like", "multiline")
    return page


@pytest.fixture
def payslip_form(area_pages):
    return RequestFormPageFactory(
        parent=area_pages.hr,
        title="When is payday?",
        slug="payday",
        outcome=Outcome.INSTANT,
        instant_answer="<p>You are paid on the 25th of each month.</p>",
    )


def pay_answers(**overrides) -> dict:
    """Return POST data for `pay_form` that is valid unless overridden."""
    data = {
        "submission_key": str(uuid.uuid4()),
        "subject": "My June payslip is wrong",
        "which_month": "June",
        "was_overtime_missing": "yes",
        "how_many_hours": "7.5",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
