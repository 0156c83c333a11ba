"""A break-glass administrator resets a forgotten password in Chromium."""

import re

from django.core import mail
from playwright.sync_api import expect

from intranet.roles import Role

NEW_PASSWORD = "Teal kettle 42 rooftops"
LINK = re.compile(r"http://[^/\s]+(/accounts/password-reset/\S+/)")


def test_forgotten_password_to_signed_in(page, make_user, home_page, axe_audit):
    make_user(
        Role.ADMINISTRATOR,
        username="break.glass",
        first_name="Bea",
        email="break.glass@avonford.gov.uk",
    )
    page.goto("/accounts/login/")
    page.get_by_role("link", name="Forgotten your password?").click()
    expect(page.locator("h1")).to_have_text("Reset your password")
    page.get_by_role("button", name="Send the link").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Enter your email address")
    axe_audit(page)

    page.get_by_label("Email address").fill("break.glass@avonford.gov.uk")
    page.get_by_role("button", name="Send the link").click()
    expect(page.locator("h1")).to_have_text("Check your email")
    axe_audit(page)

    (email,) = mail.outbox
    page.goto(LINK.search(email.body)[1])
    expect(page.locator("h1")).to_have_text("Choose a new password")
    page.get_by_label("New password", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Confirm new password").fill("something else")
    page.get_by_role("button", name="Save the new password").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("do not match")
    axe_audit(page)

    page.get_by_label("New password", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Confirm new password").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Save the new password").click()
    expect(page.locator("h1")).to_have_text("Password changed")
    axe_audit(page)

    page.get_by_role("link", name="Sign in with your new password").click()
    page.get_by_label("Username or email address").fill("break.glass")
    page.get_by_label("Password").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator("h1")).to_have_text("Hello, Bea")


def test_a_used_link_explains_itself(page, home_page, axe_audit):
    page.goto("/accounts/password-reset/MQ/not-a-token/")
    expect(page.locator("h1")).to_have_text("This link does not work")
    expect(page.get_by_role("link", name="Ask for a new link")).to_be_visible()
    axe_audit(page)
