"""Staff find an answer through search and rate it; editors publish new guidance."""

import pytest
from playwright.sync_api import expect

from forms.models import Outcome
from intranet.search import indexing
from knowledge.models import ArticleFeedback
from tests.forms.factories import RequestFormPageFactory
from tests.intranet.factories import ServiceAreaPageFactory
from tests.knowledge.factories import KnowledgeArticlePageFactory

LEAVE_BODY = [
    (
        "paragraph",
        "<p>Full-time staff get 26 days of annual leave a year, plus bank "
        "holidays. Book annual leave with your line manager at least two weeks "
        "ahead.</p>",
    )
]


@pytest.fixture
def hr_guidance(home_page):
    """Publish HR guidance and a request form, indexed for the database search."""
    hr = ServiceAreaPageFactory(parent=home_page, title="HR", slug="hr")
    leave = KnowledgeArticlePageFactory(
        parent=hr,
        title="Booking annual leave",
        summary="How much annual leave you get and how to book it.",
        body=LEAVE_BODY,
    )
    KnowledgeArticlePageFactory(
        parent=hr,
        title="Carrying over annual leave",
        summary="Up to five days of annual leave can be carried into next year.",
    )
    RequestFormPageFactory(
        parent=hr,
        title="Ask HR a question",
        outcome=Outcome.INSTANT,
        instant_answer="<p>HR will reply within two working days.</p>",
    )
    indexing.search_rebuild_database()
    return leave


def test_staff_searches_reads_an_article_and_finds_it_helpful(
    page, sign_in, staff_user, hr_guidance, axe_audit
):
    sign_in(staff_user).goto("/search/")
    page.get_by_label("Search the intranet").fill("annual leave")
    page.get_by_role("button", name="Search", exact=True).click()

    summary = page.get_by_test_id("search-summary")
    expect(summary).to_contain_text("for ‘annual leave’")
    expect(summary).not_to_contain_text("0 results")
    axe_audit(page, signed_in_as="staff")

    page.get_by_role("link", name="Booking annual leave").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Booking annual leave")
    expect(page.get_by_role("main")).to_contain_text("26 days of annual leave")
    axe_audit(page, signed_in_as="staff")

    feedback = page.locator("#article-feedback")
    feedback.get_by_label("Yes").check()
    feedback.get_by_role("button", name="Send feedback").click()
    expect(
        page.get_by_role("heading", name="Thank you for your feedback")
    ).to_be_visible()
    expect(page.locator("#article-feedback")).to_contain_text(
        "We're glad the article answered your question."
    )
    assert ArticleFeedback.objects.get(article=hr_guidance).helpful is True
    axe_audit(page, signed_in_as="staff")


def test_search_with_no_results_offers_request_forms_without_wcag_violations(
    page, sign_in, staff_user, hr_guidance, axe_audit
):
    sign_in(staff_user).goto("/search/?q=zebra+crossing")

    expect(page.get_by_test_id("search-no-results")).to_contain_text(
        "Nothing matched your search"
    )
    help_links = page.get_by_test_id("search-help-links")
    help_links.get_by_role("link", name="Ask HR a question").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ask HR a question")
    page.go_back()
    axe_audit(page, signed_in_as="staff")
