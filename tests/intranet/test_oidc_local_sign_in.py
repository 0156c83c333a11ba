"""The sign-in page with single sign-on on, and local passwords kept for the few."""

import pytest

from intranet.roles import Role
from tests.intranet.factories import UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "demo-password-1"
COUNCIL_BUTTON = "Sign in with your council account"


@pytest.fixture
def sso_on(settings):
    settings.OIDC_RP_CLIENT_ID = "intranet"
    settings.OIDC_RP_CLIENT_SECRET = "secret"
    # Nothing listens here: the start page must say so rather than fail.
    settings.OIDC_OP_ISSUER = "http://127.0.0.1:9"
    settings.OIDC_TIMEOUT = 1


def sign_in(client, username):
    return client.post("/accounts/login/", {"username": username, "password": PASSWORD})


def test_sign_in_page_hides_council_sign_in_until_configured(client):
    page = client.get("/accounts/login/").content.decode()
    assert COUNCIL_BUTTON not in page
    assert 'name="password"' in page


def test_sign_in_page_offers_council_sign_in_and_keeps_the_form(client, sso_on):
    page = client.get("/accounts/login/", {"next": "/people/?q=a&b"}).content.decode()
    assert COUNCIL_BUTTON in page
    assert 'href="/accounts/sso/start/?next=%2Fpeople%2F%3Fq%3Da%26b"' in page
    assert 'name="password"' in page


@pytest.mark.parametrize("path", ["/accounts/sso/start/", "/accounts/sso/callback/"])
def test_sso_pages_are_not_found_until_configured(client, path):
    assert client.get(path).status_code == 404


def test_sso_start_explains_when_the_provider_is_unreachable(client, sso_on):
    response = client.get("/accounts/sso/start/")
    assert response.status_code == 503
    assert "Council sign-in is not available right now" in response.content.decode()


def test_local_sign_in_open_to_everyone_by_default(client, home_page):
    UserFactory(username="kim")
    assert sign_in(client, "kim").status_code == 302


def test_local_sign_in_restricted_to_the_listed_roles(client, settings, make_user):
    settings.LOCAL_SIGN_IN_ROLES = [Role.ADMINISTRATOR.value]
    make_user(username="kim")
    response = sign_in(client, "kim")
    assert response.status_code == 200
    assert "Sign in with your council account instead" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_local_sign_in_still_lets_administrators_in(client, settings, make_user):
    settings.LOCAL_SIGN_IN_ROLES = [Role.ADMINISTRATOR.value]
    make_user(Role.ADMINISTRATOR, username="break.glass")
    assert sign_in(client, "break.glass").status_code == 302
    assert "_auth_user_id" in client.session


def test_local_sign_in_still_lets_superusers_in(client, settings):
    settings.LOCAL_SIGN_IN_ROLES = [Role.ADMINISTRATOR.value]
    UserFactory(username="root", is_superuser=True)
    assert sign_in(client, "root").status_code == 302
