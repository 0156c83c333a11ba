"""Council sign-in in Chromium, through a real OpenID Connect provider on loopback."""

import re

import pytest
from playwright.sync_api import expect

from intranet.audit.models import AuditEntry
from tests.intranet.factories import UserFactory
from tests.oidc_provider import running_provider


@pytest.fixture(scope="module")
def oidc_provider(live_server):
    callback = f"{live_server.url}/accounts/sso/callback/"
    signed_out = f"{live_server.url}/accounts/sso/signed-out/"
    with running_provider(
        redirect_uris=[callback], post_logout_redirect_uris=[signed_out]
    ) as provider:
        yield provider


@pytest.fixture
def sso(settings, oidc_provider):
    for name, value in oidc_provider.settings().items():
        setattr(settings, name, value)
    return oidc_provider


def sign_in_at_provider(page, email):
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill("any password")
    page.get_by_role("button", name="Sign-in").click()


def test_sso_takes_staff_from_a_protected_page_through_the_provider_and_back(
    page, sso, home_page
):
    user = UserFactory(
        username="sam.staff", email="sam.staff@avonford.gov.uk", first_name="Sam"
    )
    page.goto("/people/")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next="))
    page.get_by_role("button", name="Sign in with your council account").click()
    expect(page).to_have_url(re.compile(rf"^{re.escape(sso.issuer)}/interaction/"))
    sign_in_at_provider(page, "sam.staff@avonford.gov.uk")
    expect(page).to_have_url(re.compile(r"/people/$"))
    page.goto("/")
    expect(page.locator("h1")).to_have_text("Hello, Sam")
    assert AuditEntry.objects.filter(action="sign_in", actor_id=user.pk).exists()


def test_sso_tells_someone_without_a_staff_record_to_contact_hr(page, sso, axe_audit):
    page.goto("/accounts/login/")
    axe_audit(page)
    page.get_by_role("button", name="Sign in with your council account").click()
    sign_in_at_provider(page, "new.starter@avonford.gov.uk")
    expect(page.locator("h1")).to_have_text(
        "Your account isn\u2019t set up on the intranet yet"
    )
    expect(page.locator("main")).to_contain_text("Contact HR")
    axe_audit(page)
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))


def test_signing_out_also_signs_the_person_out_of_their_council_account(
    page, sso, home_page, axe_audit
):
    user = UserFactory(email="sam.staff@avonford.gov.uk", first_name="Sam")
    page.goto("/accounts/login/")
    page.get_by_role("button", name="Sign in with your council account").click()
    sign_in_at_provider(page, "sam.staff@avonford.gov.uk")
    expect(page.locator("h1")).to_have_text("Hello, Sam")

    page.get_by_role("banner").get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(re.compile(rf"^{re.escape(sso.issuer)}/session/end"))
    page.get_by_role("button", name="Yes, sign me out").click()
    expect(page).to_have_url(re.compile(r"/accounts/sso/signed-out/\?state="))
    expect(page.locator("h1")).to_have_text("You have signed out")
    expect(page.locator("main")).to_contain_text(
        "You have also signed out of your council account."
    )
    axe_audit(page)
    assert AuditEntry.objects.filter(action="sign_out", actor_id=user.pk).exists()

    # Still signed in at the provider, this would come straight back signed in.
    page.get_by_role("link", name="Sign in again").click()
    page.get_by_role("button", name="Sign in with your council account").click()
    expect(page).to_have_url(re.compile(rf"^{re.escape(sso.issuer)}/interaction/"))
    expect(page.locator("input[name=login]")).to_be_visible()
