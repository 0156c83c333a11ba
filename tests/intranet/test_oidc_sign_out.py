"""Signing out after a council sign-in signs the person out at the provider too."""

import html
import io
import logging
import re
import zipfile
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from django.utils import timezone

from intranet.audit.models import AuditEntry
from intranet.data_protection import export
from intranet.sso import discovery, sign_out
from tests.intranet.factories import UserFactory
from tests.oidc_provider import ProviderVisit, follow_provider, running_provider

pytestmark = pytest.mark.django_db
SSO_BACKEND = "intranet.sso.backends.StaffOIDCBackend"
PASSWORD_BACKEND = "intranet.auth_backends.EmailOrUsernameBackend"
END_SESSION = "https://login.example.test/tenant/oauth2/v2.0/logout"
SIGNED_OUT = "http://testserver/accounts/sso/signed-out/"
CALLBACK = "http://testserver/accounts/sso/callback/"
EMAIL = "kim.lee@avonford.gov.uk"
ID_TOKEN = "header.eyJzdWIiOiJraW0ifQ.signature"
ALSO_COUNCIL = "You have also signed out of your council account."
REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)">')


@pytest.fixture
def sso_on(settings):
    settings.OIDC_RP_CLIENT_ID = "intranet"
    settings.OIDC_RP_CLIENT_SECRET = "secret"
    settings.OIDC_OP_ISSUER = ""
    settings.OIDC_OP_END_SESSION_ENDPOINT = END_SESSION


def signed_in(client, *, backend=SSO_BACKEND, id_token=ID_TOKEN):
    user = UserFactory()
    client.force_login(user, backend=backend)
    if id_token:
        session = client.session
        session["oidc_id_token"] = id_token
        session.save()
    return user


def refresh_target(response) -> str:
    """Return the address the page sends the browser on to, or ""."""
    found = REFRESH.search(response.content.decode())
    return html.unescape(found.group(1)) if found else ""


def query_of(url: str) -> dict[str, str]:
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}


def test_sso_sign_out_sends_the_person_on_to_the_providers_sign_out(client, sso_on):
    signed_in(client)
    response = client.post("/accounts/logout/")
    target = refresh_target(response)
    assert response.status_code == 200
    assert target.startswith(END_SESSION + "?")
    assert query_of(target) == {
        "id_token_hint": ID_TOKEN,
        "client_id": "intranet",
        "post_logout_redirect_uri": SIGNED_OUT,
        "state": client.session[sign_out.STATE_KEY],
    }
    page = response.content.decode()
    assert "You have signed out" in page
    assert f'href="{html.escape(target)}"' in page


def test_signing_out_of_the_admin_signs_out_at_the_provider_too(client, sso_on):
    signed_in(client)
    response = client.post("/admin/logout/")
    assert response.status_code == 200
    assert refresh_target(response).startswith(END_SESSION + "?")
    assert "_auth_user_id" not in client.session


def test_sso_sign_out_ends_the_intranet_session_and_is_audited(client, sso_on):
    user = signed_in(client)
    client.post("/accounts/logout/")
    assert "_auth_user_id" not in client.session
    assert "oidc_id_token" not in client.session
    assert client.get("/people/").status_code == 302
    entry = AuditEntry.objects.get(action=AuditEntry.Action.SIGN_OUT)
    assert entry.actor_id == user.pk


def test_each_sign_out_gets_its_own_state(client, sso_on):
    signed_in(client)
    first = query_of(refresh_target(client.post("/accounts/logout/")))["state"]
    signed_in(client)
    second = query_of(refresh_target(client.post("/accounts/logout/")))["state"]
    assert first != second
    assert len(second) >= 32


def test_provider_sign_out_keeps_the_endpoints_own_query(settings, sso_on):
    settings.OIDC_OP_END_SESSION_ENDPOINT = "https://login.example.test/logout?p=B2C_1"
    url = sign_out.end_session_url(
        id_token=ID_TOKEN, post_logout_redirect_uri=SIGNED_OUT, state="s"
    )
    assert url.startswith("https://login.example.test/logout?p=B2C_1&")
    assert query_of(url)["p"] == "B2C_1"
    assert query_of(url)["post_logout_redirect_uri"] == SIGNED_OUT


def test_end_session_endpoint_is_found_from_the_issuer(settings, monkeypatch, sso_on):
    settings.OIDC_OP_ISSUER = "https://login.example.test/tenant/v2.0"
    settings.OIDC_OP_END_SESSION_ENDPOINT = ""
    monkeypatch.setattr(
        discovery,
        "provider_metadata",
        lambda: {"end_session_endpoint": "https://login.example.test/discovered"},
    )
    assert discovery.endpoint("end_session") == "https://login.example.test/discovered"


def test_explicit_end_session_endpoint_wins_over_discovery(settings, monkeypatch):
    settings.OIDC_OP_END_SESSION_ENDPOINT = END_SESSION
    monkeypatch.setattr(
        discovery,
        "provider_metadata",
        lambda: {"end_session_endpoint": "https://login.example.test/discovered"},
    )
    assert discovery.endpoint("end_session") == END_SESSION


def assert_plain_signed_out_page(client, response):
    page = response.content.decode()
    assert response.status_code == 200
    assert "You have signed out" in page
    assert 'http-equiv="refresh"' not in page
    assert "Sign in again" in page
    assert "_auth_user_id" not in client.session
    assert sign_out.STATE_KEY not in client.session


def test_password_sign_in_signs_out_of_the_intranet_only(client, sso_on):
    signed_in(client, backend=PASSWORD_BACKEND, id_token="")
    assert_plain_signed_out_page(client, client.post("/accounts/logout/"))


def test_password_sign_in_ignores_a_token_left_by_a_refused_council_sign_in(
    client, sso_on
):
    signed_in(client, backend=PASSWORD_BACKEND)
    assert_plain_signed_out_page(client, client.post("/accounts/logout/"))


def test_sign_out_with_single_sign_on_off_is_the_plain_page(client, settings):
    settings.OIDC_OP_END_SESSION_ENDPOINT = END_SESSION
    signed_in(client)
    assert_plain_signed_out_page(client, client.post("/accounts/logout/"))


def test_provider_without_an_end_session_endpoint_gets_the_plain_page(
    client, settings, monkeypatch, caplog, sso_on
):
    settings.OIDC_OP_ISSUER = "https://login.example.test/tenant/v2.0"
    settings.OIDC_OP_END_SESSION_ENDPOINT = ""
    monkeypatch.setattr(discovery, "provider_metadata", lambda: {"issuer": "x"})
    signed_in(client)
    with caplog.at_level(logging.WARNING, logger="intranet.sso"):
        response = client.post("/accounts/logout/")
    assert_plain_signed_out_page(client, response)
    assert "no end_session_endpoint" in caplog.text
    assert ID_TOKEN not in caplog.text


def test_provider_unreachable_at_sign_out_gets_the_plain_page(
    client, settings, caplog, sso_on
):
    # Nothing listens here, so discovery fails.
    settings.OIDC_OP_ISSUER = "http://127.0.0.1:9"
    settings.OIDC_OP_END_SESSION_ENDPOINT = ""
    settings.OIDC_TIMEOUT = 1
    signed_in(client)
    with caplog.at_level(logging.WARNING, logger="intranet.sso"):
        response = client.post("/accounts/logout/")
    assert_plain_signed_out_page(client, response)
    assert "provider unavailable" in caplog.text
    assert ID_TOKEN not in caplog.text


def test_return_from_the_provider_confirms_the_council_sign_out(client, sso_on):
    signed_in(client)
    state = query_of(refresh_target(client.post("/accounts/logout/")))["state"]
    response = client.get("/accounts/sso/signed-out/", {"state": state})
    assert response.status_code == 200
    assert "You have signed out" in response.content.decode()
    assert ALSO_COUNCIL in response.content.decode()


def test_return_with_the_state_a_second_time_claims_nothing(client, sso_on):
    signed_in(client)
    state = query_of(refresh_target(client.post("/accounts/logout/")))["state"]
    client.get("/accounts/sso/signed-out/", {"state": state})
    again = client.get("/accounts/sso/signed-out/", {"state": state})
    assert again.status_code == 200
    assert ALSO_COUNCIL not in again.content.decode()


@pytest.mark.parametrize("query", [{}, {"state": "forged"}, {"state": "caf\u00e9"}])
def test_signed_out_page_without_our_state_is_the_plain_page(client, sso_on, query):
    signed_in(client)
    client.post("/accounts/logout/")
    response = client.get("/accounts/sso/signed-out/", query)
    page = response.content.decode()
    assert response.status_code == 200
    assert "You have signed out" in page
    assert ALSO_COUNCIL not in page
    assert "Sign in again" in page


def test_signed_out_page_opens_with_single_sign_on_off(client):
    response = client.get("/accounts/sso/signed-out/")
    assert response.status_code == 200
    assert "You have signed out" in response.content.decode()


def test_signed_out_page_sends_someone_signed_in_home(client, sso_on):
    signed_in(client)
    response = client.get("/accounts/sso/signed-out/")
    assert response.status_code == 302
    assert response["Location"] == "/"


@pytest.fixture(scope="module")
def oidc_provider():
    with running_provider(
        redirect_uris=[CALLBACK], post_logout_redirect_uris=[SIGNED_OUT]
    ) as provider:
        yield provider


@pytest.fixture
def sso(settings, oidc_provider):
    for name, value in oidc_provider.settings().items():
        setattr(settings, name, value)
    return oidc_provider


def start_council_sign_in(client, sso, browser) -> ProviderVisit:
    """Start council sign-in and follow the provider until it sends the browser back.

    The visit says whether the provider asked the person to sign in there.
    """
    start = client.get("/accounts/sso/start/")
    visit = follow_provider(
        start["Location"], issuer=sso.issuer, browser=browser, login=EMAIL
    )
    assert visit.location.startswith(CALLBACK)
    assert (
        client.get(visit.location.removeprefix("http://testserver")).status_code == 302
    )
    return visit


def test_sign_out_ends_the_session_at_the_provider(client, sso, home_page):
    UserFactory(email=EMAIL)
    browser = requests.Session()
    assert start_council_sign_in(client, sso, browser).asked_to_sign_in
    response = client.post("/accounts/logout/")
    target = refresh_target(response)
    assert target.startswith(f"{sso.issuer}/")
    back = follow_provider(target, issuer=sso.issuer, browser=browser)
    assert back.location.startswith(SIGNED_OUT + "?state=")
    page = client.get(back.location.removeprefix("http://testserver"))
    assert ALSO_COUNCIL in page.content.decode()
    # A provider still signed in would send the person straight back, signed in.
    assert start_council_sign_in(client, sso, browser).asked_to_sign_in


def test_signing_out_of_the_intranet_alone_leaves_the_provider_signed_in(
    client, sso, home_page
):
    UserFactory(email=EMAIL)
    browser = requests.Session()
    start_council_sign_in(client, sso, browser)
    client.post("/accounts/logout/")
    assert not start_council_sign_in(client, sso, browser).asked_to_sign_in


def test_id_token_stays_out_of_logs_and_the_subject_access_export(
    client, sso, home_page, caplog
):
    user = UserFactory(email=EMAIL)
    browser = requests.Session()
    logged = []

    def on_the_intranet(method, path):
        """Make one request to the intranet, keeping what it logged."""
        caplog.clear()
        with caplog.at_level(logging.DEBUG):
            response = getattr(client, method)(path.removeprefix("http://testserver"))
        logged.append(caplog.text)
        return response

    start = on_the_intranet("get", "/accounts/sso/start/")
    visit = follow_provider(
        start["Location"], issuer=sso.issuer, browser=browser, login=EMAIL
    )
    on_the_intranet("get", visit.location)
    id_token = client.session["oidc_id_token"]
    target = refresh_target(on_the_intranet("post", "/accounts/logout/"))
    back = follow_provider(target, issuer=sso.issuer, browser=browser)
    on_the_intranet("get", back.location)
    assert query_of(target)["id_token_hint"] == id_token
    assert any("/token" in text for text in logged)
    assert not any(id_token in text for text in logged)
    archive = io.BytesIO()
    export.subject_access_export(subject=user, destination=archive, now=timezone.now())
    with zipfile.ZipFile(archive) as zf:
        contents = b"".join(zf.read(name) for name in zf.namelist())
    assert EMAIL.encode() in contents
    assert id_token.encode() not in contents
    assert id_token.split(".")[1].encode() not in contents


def test_refused_council_sign_in_keeps_no_id_token(client, sso):
    browser = requests.Session()
    start = client.get("/accounts/sso/start/")
    visit = follow_provider(
        start["Location"], issuer=sso.issuer, browser=browser, login="new@x.test"
    )
    assert (
        client.get(visit.location.removeprefix("http://testserver")).status_code == 403
    )
    assert "oidc_id_token" not in client.session
