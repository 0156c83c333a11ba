from playwright.sync_api import expect


def test_sign_in_sends_a_signed_out_visitor_home_with_their_name(page, staff_user):
    page.goto("/")
    expect(page).to_have_url("/accounts/login/?next=/")
    page.get_by_label("Username or email address").fill("sam.staff")
    page.get_by_label("Password").fill("demo-password-1")
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url("/")
    expect(page.locator("h1")).to_have_text("Hello, Sam")
    expect(
        page.get_by_role("banner").get_by_role("link", name="Sam Staff")
    ).to_be_visible()


def test_sign_in_with_a_wrong_password_focuses_an_error_summary_linking_to_the_field(
    page, staff_user
):
    page.goto("/accounts/login/")
    page.get_by_label("Username or email address").fill("sam.staff")
    page.get_by_label("Password").fill("not-my-password")
    page.get_by_role("button", name="Sign in").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Enter a correct username or email address")
    summary.get_by_role("link").click()
    expect(page.get_by_label("Username or email address")).to_be_focused()
    expect(page.locator("h1")).to_have_text("Sign in")


def test_sign_out_ends_the_session(page, sign_in, staff_user):
    sign_in(staff_user).goto("/")
    page.get_by_role("button", name="Sign out").click()
    expect(page.locator("h1")).to_have_text("You have signed out")
    page.goto("/")
    expect(page).to_have_url("/accounts/login/?next=/")


def test_sign_in_works_with_the_keyboard_alone(page, staff_user):
    page.goto("/accounts/login/")
    keyboard = page.keyboard
    keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to main content")).to_be_focused()
    keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    keyboard.press("Tab")
    expect(page.get_by_label("Username or email address")).to_be_focused()
    keyboard.type("sam.staff")
    keyboard.press("Tab")
    expect(page.get_by_label("Password")).to_be_focused()
    keyboard.press("Tab")
    expect(page.get_by_role("button", name="Sign in")).to_be_focused()
    keyboard.press("Shift+Tab")
    keyboard.press("Enter")

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link")).to_have_text("Enter your password")
    keyboard.press("Tab")
    expect(summary.get_by_role("link")).to_be_focused()
    keyboard.press("Enter")
    expect(page.get_by_label("Password")).to_be_focused()
    keyboard.type("demo-password-1")
    keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Hello, Sam")
