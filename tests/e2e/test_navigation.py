from playwright.sync_api import expect


def test_navigation_reaches_guidance_and_returns_by_breadcrumbs(
    page, sign_in, staff_user, council_content
):
    sign_in(staff_user).goto("/")
    page.get_by_test_id("service-areas").get_by_role("link", name="HR").click()
    expect(page.locator("h1")).to_have_text("HR")
    page.get_by_test_id("guidance").get_by_role(
        "link", name="Annual leave policy"
    ).click()
    expect(page.locator("h1")).to_have_text("Annual leave policy")
    expect(page.get_by_role("heading", name="What changes")).to_be_visible()

    breadcrumbs = page.get_by_role("navigation", name="Breadcrumb")
    breadcrumbs.get_by_role("link", name="HR").click()
    expect(page.locator("h1")).to_have_text("HR")
    breadcrumbs.get_by_role("link", name="Home").click()
    expect(page.locator("h1")).to_have_text("Hello, Sam")
