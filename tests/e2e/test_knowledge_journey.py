"""Staff find an answer through search and rate it; editors publish new guidance."""

import re

import pytest
from playwright.sync_api import expect

from forms.models import Outcome
from intranet.roles import Role
from intranet.search import indexing
from knowledge.models import ArticleFeedback, KnowledgeArticlePage
from tests.forms.factories import RequestFormPageFactory
from tests.intranet.factories import ServiceAreaPageFactory, team
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
    expect(summary).to_have_text(
        re.compile(r"^\s*[1-9]\d* results? for .annual leave.\s*$")
    )
    results = page.locator(".app-search-results")
    expect(results).to_contain_text("Carrying over annual leave")
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
    axe_audit(page, signed_in_as="staff")

    help_links = page.get_by_test_id("search-help-links")
    help_links.get_by_role("link", name="Ask HR a question").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ask HR a question")


def test_editor_publishes_an_article_in_the_admin_and_staff_read_it(
    page, sign_in, make_user, home_page, staff_user
):
    hr = ServiceAreaPageFactory(parent=home_page, title="HR", slug="hr")
    editor = make_user(
        Role.CONTENT_EDITOR,
        username="eddie.editor",
        first_name="Eddie",
        last_name="Editor",
        team=team("hr"),
    )
    sign_in(editor).goto(f"/admin/pages/{hr.pk}/add_subpage/")
    page.get_by_role("link", name="Knowledge article").first.click()

    page.locator("#id_title").fill("Claiming mileage")
    page.locator("#id_summary").fill("How to claim for miles driven on council work.")
    page.get_by_role("button", name="Insert a block").first.click()
    page.locator(".w-combobox__option-text", has_text="Paragraph").click()
    # The rich text editor listens for key presses, so type rather than fill, and
    # it copies its content into the form a moment later: wait for that copy.
    page.locator(
        "[data-contentpath='body'] [contenteditable='true']"
    ).press_sequentially("Claim 45p a mile through the expenses system within 30 days.")
    expect(page.locator("[name='body-0-value']")).to_have_value(
        re.compile("Claim 45p a mile")
    )
    page.locator("#id_service_area").select_option(label="HR")
    page.locator("#id_owner_team").select_option(label="HR")
    page.locator("#id_owner_person").select_option(label="Eddie Editor")
    page.locator("footer .w-dropdown__toggle").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.locator(".messages li.success")).to_contain_text(
        "created and published"
    )

    article = KnowledgeArticlePage.objects.get(title="Claiming mileage")
    assert article.live
    assert (article.owner_person, article.service_area.slug) == (editor, "hr")
    page.context.clear_cookies()
    sign_in(staff_user).goto(hr.url)
    page.get_by_role("link", name="Claiming mileage").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Claiming mileage")
    expect(page.get_by_role("main")).to_contain_text("Claim 45p a mile")
