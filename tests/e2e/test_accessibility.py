import pytest
from playwright.sync_api import Page, expect

from tests.e2e import axe

# Each page type: how to reach it, and text that shows it rendered as intended.
SIGNED_IN_PAGES = {
    "home": (lambda content: "/", "Get help from Support Services"),
    "service-area": (lambda content: content.service_area.url, "Annual leave policy"),
    "standard": (lambda content: content.standard.url, "What changes"),
    "guidance": (lambda content: content.guidance.url, "Last updated"),
    "news-index": (lambda content: content.news_index.url, "New payroll dates"),
    "news": (lambda content: content.news.url, "Claims made after 30 days"),
    "people-results": (lambda content: "/people/?q=officer", "Olly Officer"),
    "people-no-results": (lambda content: "/people/?q=zzzz", "No one matches"),
    "profile": (lambda content: content.officer.get_absolute_url(), "Morgan Manager"),
    "not-found": (lambda content: "/no-such-page/", "Page not found"),
}


@pytest.mark.parametrize("name", SIGNED_IN_PAGES)
def test_signed_in_page_has_no_wcag_violations(
    page, sign_in, council_content, staff_user, specialist_user, axe_audit, name
):
    url_of, shows = SIGNED_IN_PAGES[name]
    # Both roles share one test so the site content is published only once.
    for role, user in [("staff", staff_user), ("specialist", specialist_user)]:
        page.context.clear_cookies()
        sign_in(user).goto(url_of(council_content))
        expect(page.get_by_role("banner")).to_contain_text(user.display_name)
        expect(page.get_by_role("main")).to_contain_text(shows)
        axe_audit(page, signed_in_as=role)


def test_sign_in_page_has_no_wcag_violations(page, home_page, axe_audit):
    page.goto("/accounts/login/")
    expect(page.locator("h1")).to_have_text("Sign in")
    axe_audit(page)


def test_sign_in_page_with_errors_has_no_wcag_violations(page, home_page, axe_audit):
    page.goto("/accounts/login/")
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    axe_audit(page)


def test_signed_out_page_has_no_wcag_violations(page, sign_in, staff_user, axe_audit):
    sign_in(staff_user).goto("/")
    page.get_by_role("button", name="Sign out").click()
    expect(page.locator("h1")).to_have_text("You have signed out")
    axe_audit(page)


def test_axe_audit_reports_an_image_without_alternative_text(page: Page, live_server):
    broken = (
        '<!DOCTYPE html><html lang="en"><head><title>Broken</title></head>'
        '<body><main><h1>Broken</h1><img src="/static/x.png"></main></body></html>'
    )
    page.route(
        "**/broken/",
        lambda route: route.fulfill(body=broken, content_type="text/html"),
    )
    page.goto("/broken/")
    found = axe.violations(page)
    assert [v["id"] for v in found] == ["image-alt"]
    assert "image-alt (critical)" in axe.describe(found)
    assert "  - img" in axe.describe(found)


def test_home_page_reflows_on_a_small_screen_without_wcag_violations(
    page, sign_in, staff_user, council_content, axe_audit
):
    page.set_viewport_size({"width": 320, "height": 640})
    sign_in(staff_user).goto("/")
    menu = page.get_by_role("navigation", name="Menu")
    expect(menu.get_by_role("link", name="People")).to_be_hidden()
    menu.get_by_role("button", name="Menu").click()
    expect(menu.get_by_role("link", name="People")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    axe_audit(page)
