"""Pages load under the Content-Security-Policy without a single violation.

The policy forbids inline scripts and styles. A library that writes one anyway
is blocked by the browser, so whatever it meant to do silently fails, and the
report it raises can break other scripts' work on the page.
"""

from playwright.sync_api import Page

from intranet.roles import Role


def _violations(page: Page, path: str) -> list[str]:
    found = []
    page.on(
        "console",
        lambda message: (
            found.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    page.goto(path)
    page.wait_for_load_state("networkidle")
    return found


def test_the_sign_in_page_loads_without_policy_violations(page, home_page):
    assert _violations(page, "/accounts/login/") == []


def test_the_home_page_loads_without_policy_violations(
    page, home_page, make_user, sign_in
):
    sign_in(make_user(Role.STAFF, username="sam.staff"))
    assert _violations(page, "/") == []
