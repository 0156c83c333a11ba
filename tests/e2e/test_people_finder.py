from playwright.sync_api import expect


def test_people_finder_finds_by_name_and_follows_the_line_manager(
    page, sign_in, staff_user, council_content
):
    sign_in(staff_user).goto("/")
    page.get_by_role("navigation", name="Menu").get_by_role(
        "link", name="People"
    ).click()
    page.get_by_label("Name or job title").fill("Olly")
    page.get_by_role("button", name="Search").click()
    expect(
        page.get_by_role("heading", name="1 person found for \u2018Olly\u2019")
    ).to_be_visible()
    page.get_by_role("link", name="Olly Officer").click()
    expect(page.locator("h1")).to_have_text("Olly Officer")
    page.get_by_test_id("line-manager").get_by_role("link").click()
    expect(page.locator("h1")).to_have_text("Morgan Manager")
    expect(page.get_by_test_id("direct-reports")).to_contain_text("Olly Officer")


def test_people_finder_filters_by_team(page, sign_in, staff_user, specialist_user):
    sign_in(staff_user).goto("/people/")
    page.get_by_label("Team").select_option(label="HR (Support Services)")
    page.get_by_role("button", name="Search").click()
    results = page.get_by_role("table")
    expect(results.get_by_role("link", name="Pat Payroll")).to_be_visible()
    expect(results.get_by_role("link", name="Sam Staff")).to_have_count(0)
    expect(page.get_by_role("heading", level=2).first).to_have_text(
        "1 person found in HR"
    )


def test_people_finder_explains_when_no_one_matches(page, sign_in, staff_user):
    sign_in(staff_user).goto("/people/?q=zzzz")
    expect(page.get_by_text("No one matches your search.")).to_be_visible()
