"""Single sign-on end to end against a real OpenID Connect provider on loopback."""

from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

import pytest
from django.contrib.auth import get_user_model

from intranet.audit.models import AuditEntry
from tests.intranet.factories import UserFactory
from tests.oidc_provider import running_provider, sign_in_at_provider

pytestmark = pytest.mark.django_db
CALLBACK = "http://testserver/accounts/sso/callback/"


@pytest.fixture(scope="module")
def oidc_provider():
    with running_provider(redirect_uris=[CALLBACK]) as provider:
        yield provider


@pytest.fixture
def sso(settings, oidc_provider):
    for name, value in oidc_provider.settings().items():
        setattr(settings, name, value)
    return oidc_provider


def sign_in_through_provider(client, sso, login, next_url=""):
    """Return the intranet's answer once the provider sends the person back."""
    start = client.get("/accounts/sso/start/", {"next": next_url} if next_url else {})
    assert start.status_code == 302
    callback = sign_in_at_provider(start["Location"], issuer=sso.issuer, login=login)
    assert callback.startswith(CALLBACK)
    return client.get(callback.removeprefix("http://testserver"))


def signed_in_user_id(client):
    return client.session.get("_auth_user_id")


def test_sso_signs_known_staff_in_by_email_whatever_its_case(client, sso, home_page):
    user = UserFactory(
        username="sam.staff", email="sam.staff@avonford.gov.uk", first_name="Samuel"
    )
    response = sign_in_through_provider(client, sso, "Sam.Staff@Avonford.gov.uk")
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert signed_in_user_id(client) == str(user.pk)
    home = client.get("/")
    assert "Hello, Sam" in home.content.decode()


def test_sso_updates_names_from_the_directory(client, sso, home_page):
    user = UserFactory(
        email="robin.oldname@avonford.gov.uk", first_name="Rob", last_name="Smith"
    )
    sign_in_through_provider(client, sso, "robin.oldname@avonford.gov.uk")
    user.refresh_from_db()
    assert (user.first_name, user.last_name) == ("Robin", "Oldname")


def test_sso_sign_in_is_audited(client, sso, home_page):
    user = UserFactory(email="kim.lee@avonford.gov.uk")
    sign_in_through_provider(client, sso, "kim.lee@avonford.gov.uk")
    entry = AuditEntry.objects.get(action=AuditEntry.Action.SIGN_IN)
    assert entry.actor_id == user.pk
    assert entry.ip_address == "127.0.0.1"


def test_sso_returns_people_to_the_page_they_asked_for(client, sso, home_page):
    UserFactory(email="kim.lee@avonford.gov.uk")
    response = sign_in_through_provider(
        client, sso, "kim.lee@avonford.gov.uk", next_url="/people/"
    )
    assert response["Location"] == "/people/"


@pytest.mark.parametrize(
    "next_url", ["//evil.example/", "https://evil.example/", "javascript:alert(1)"]
)
def test_sso_ignores_next_addresses_off_the_site(client, sso, home_page, next_url):
    UserFactory(email="kim.lee@avonford.gov.uk")
    response = sign_in_through_provider(
        client, sso, "kim.lee@avonford.gov.uk", next_url=next_url
    )
    assert response["Location"] == "/"


def test_sso_refuses_an_unknown_email_without_creating_an_account(client, sso):
    people_before = get_user_model().objects.count()
    response = sign_in_through_provider(client, sso, "new.starter@avonford.gov.uk")
    page = response.content.decode()
    assert response.status_code == 403
    assert "Your account isn\u2019t set up on the intranet yet" in page
    assert "Contact HR" in page
    assert "new.starter@avonford.gov.uk" in page
    assert get_user_model().objects.count() == people_before
    assert signed_in_user_id(client) is None
    refused = AuditEntry.objects.get(action=AuditEntry.Action.ACCESS_REFUSED)
    assert refused.actor_label == "new.starter@avonford.gov.uk"
    assert refused.detail["reason"] == "unknown_account"


def test_sso_refuses_an_inactive_account(client, sso):
    UserFactory(email="left.already@avonford.gov.uk", is_active=False)
    response = sign_in_through_provider(client, sso, "left.already@avonford.gov.uk")
    assert response.status_code == 403
    assert "Your intranet account is not active" in response.content.decode()
    assert signed_in_user_id(client) is None


def _with_query(url: str, **changes) -> str:
    parts = urlsplit(url)
    query = {key: values[0] for key, values in parse_qs(parts.query).items()}
    return urlunsplit(parts._replace(query=urlencode({**query, **changes})))


def test_sso_refuses_a_tampered_state(client, sso):
    UserFactory(email="kim.lee@avonford.gov.uk")
    start = client.get("/accounts/sso/start/")
    callback = sign_in_at_provider(
        start["Location"], issuer=sso.issuer, login="kim.lee@avonford.gov.uk"
    )
    tampered = _with_query(callback, state="forged-state")
    response = client.get(tampered.removeprefix("http://testserver"))
    assert response.status_code == 403
    assert "Sign-in could not be completed" in response.content.decode()
    assert signed_in_user_id(client) is None


def test_sso_refuses_a_replayed_callback(client, sso, home_page):
    UserFactory(email="kim.lee@avonford.gov.uk")
    start = client.get("/accounts/sso/start/")
    callback = sign_in_at_provider(
        start["Location"], issuer=sso.issuer, login="kim.lee@avonford.gov.uk"
    )
    path = callback.removeprefix("http://testserver")
    assert client.get(path).status_code == 302
    client.post("/accounts/logout/")
    assert client.get(path).status_code == 403
    assert signed_in_user_id(client) is None


def test_sso_refuses_a_callback_started_in_another_browser(client, sso):
    UserFactory(email="kim.lee@avonford.gov.uk")
    start = client.get("/accounts/sso/start/")
    callback = sign_in_at_provider(
        start["Location"], issuer=sso.issuer, login="kim.lee@avonford.gov.uk"
    )
    client.cookies.clear()
    response = client.get(callback.removeprefix("http://testserver"))
    assert response.status_code == 403
    assert signed_in_user_id(client) is None


def test_sso_user_deactivated_later_is_cut_off(client, sso, home_page):
    user = UserFactory(email="kim.lee@avonford.gov.uk")
    sign_in_through_provider(client, sso, "kim.lee@avonford.gov.uk")
    assert client.get("/people/").status_code == 200
    user.is_active = False
    user.save()
    assert client.get("/people/").status_code == 302


def test_sso_refuses_a_code_for_the_wrong_client_secret(client, sso, settings):
    UserFactory(email="kim.lee@avonford.gov.uk")
    settings.OIDC_RP_CLIENT_SECRET = "not-the-secret"
    response = sign_in_through_provider(client, sso, "kim.lee@avonford.gov.uk")
    assert response.status_code == 403
    assert "Sign-in could not be completed" in response.content.decode()
    assert signed_in_user_id(client) is None


def test_sso_with_explicit_endpoints_and_no_issuer(client, sso, settings, home_page):
    user = UserFactory(email="kim.lee@avonford.gov.uk")
    settings.OIDC_OP_ISSUER = ""
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = f"{sso.issuer}/auth"
    settings.OIDC_OP_TOKEN_ENDPOINT = f"{sso.issuer}/token"
    settings.OIDC_OP_USER_ENDPOINT = f"{sso.issuer}/me"
    settings.OIDC_OP_JWKS_ENDPOINT = f"{sso.issuer}/jwks"
    response = sign_in_through_provider(client, sso, "kim.lee@avonford.gov.uk")
    assert response.status_code == 302
    assert signed_in_user_id(client) == str(user.pk)


def test_sso_cancelled_at_the_provider_explains_and_signs_nobody_in(client, sso):
    start = client.get("/accounts/sso/start/")
    state = parse_qs(urlsplit(start["Location"]).query)["state"][0]
    response = client.get(
        "/accounts/sso/callback/", {"error": "access_denied", "state": state}
    )
    assert response.status_code == 403
    assert "Sign-in was not completed" in response.content.decode()
