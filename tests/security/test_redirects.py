"""Sign-in only ever sends people on to addresses on this site."""

import pytest

from tests.intranet.factories import UserFactory

pytestmark = pytest.mark.django_db
OFF_SITE = [
    "//evil.example/",
    "https://evil.example/",
    "http://evil.example/people/",
    "javascript:alert(document.cookie)",
    "/\\evil.example/",
    "\\\\evil.example",
    "https:evil.example",
    " //evil.example",
]


@pytest.mark.parametrize("next_url", OFF_SITE)
def test_sign_in_stays_on_site_whatever_next_says(client, home_page, next_url):
    UserFactory(username="kim")
    response = client.post(
        "/accounts/login/",
        {"username": "kim", "password": "demo-password-1", "next": next_url},
    )
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_sign_in_follows_next_on_the_site(client, home_page):
    UserFactory(username="kim")
    response = client.post(
        "/accounts/login/",
        {"username": "kim", "password": "demo-password-1", "next": "/people/?q=kim"},
    )
    assert response["Location"] == "/people/?q=kim"


@pytest.mark.parametrize("next_url", OFF_SITE)
def test_signed_in_visit_to_sign_in_stays_on_site(signed_in_client, next_url):
    response = signed_in_client.get("/accounts/login/", {"next": next_url})
    assert response.status_code == 302
    assert response["Location"] == "/"


@pytest.mark.parametrize("next_url", OFF_SITE)
def test_sign_in_form_never_carries_an_off_site_next(client, next_url):
    page = client.get("/accounts/login/", {"next": next_url}).content.decode()
    assert "evil.example" not in page
    assert "javascript:" not in page
