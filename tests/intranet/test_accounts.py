import pytest

from tests.intranet.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("identifier", ["kim.lee", "Kim.Lee@Avonford.gov.uk"])
def test_sign_in_accepts_username_or_email(client, home_page, identifier):
    UserFactory(username="kim.lee", email="kim.lee@avonford.gov.uk", first_name="Kim")
    response = client.post(
        "/accounts/login/",
        {"username": identifier, "password": "demo-password-1"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == "/"
    assert "Hello, Kim" in response.content.decode()


def test_sign_in_with_a_wrong_password_shows_an_error_summary(client):
    UserFactory(username="kim.lee")
    response = client.post(
        "/accounts/login/", {"username": "kim.lee", "password": "wrong"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert "Enter a correct username or email address and password" in html


def test_unknown_user_gets_the_same_message_as_a_wrong_password(client):
    response = client.post(
        "/accounts/login/", {"username": "nobody", "password": "wrong"}
    )
    assert "Enter a correct username or email address and password" in (
        response.content.decode()
    )


def test_inactive_user_cannot_sign_in(client):
    UserFactory(username="gone", is_active=False)
    response = client.post(
        "/accounts/login/", {"username": "gone", "password": "demo-password-1"}
    )
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_sign_in_returns_to_the_page_asked_for(client, home_page):
    UserFactory(username="kim.lee")
    response = client.post(
        "/accounts/login/?next=/people/",
        {"username": "kim.lee", "password": "demo-password-1", "next": "/people/"},
    )
    assert response["Location"] == "/people/"


def test_sign_in_refuses_to_redirect_off_site(client, home_page):
    UserFactory(username="kim.lee")
    response = client.post(
        "/accounts/login/",
        {
            "username": "kim.lee",
            "password": "demo-password-1",
            "next": "https://evil.example/",
        },
    )
    assert response["Location"] == "/"


def test_sign_out_ends_the_session(signed_in_client):
    response = signed_in_client.post("/accounts/logout/")
    assert response.status_code == 200
    assert "You have signed out" in response.content.decode()
    assert signed_in_client.get("/people/").status_code == 302


def test_sign_in_names_each_missing_field(client):
    html = client.post("/accounts/login/", {"username": "", "password": ""}).content
    html = html.decode()
    assert "Enter your username or email address" in html
    assert "Enter your password" in html


def test_sign_in_page_is_titled_with_the_site_name(client):
    html = client.get("/accounts/login/", HTTP_HOST="localhost").content.decode()
    assert "<title>Sign in \N{EN DASH} Support Services Intranet</title>" in html


def test_signed_in_visitor_sent_to_sign_in_by_a_refusing_page_gets_a_403(
    signed_in_client,
):
    response = signed_in_client.get("/accounts/login/?next=/admin/")
    assert response.status_code == 403
    assert "You do not have access to this page" in response.content.decode()


def test_signed_in_visitor_opening_sign_in_goes_home(signed_in_client):
    response = signed_in_client.get("/accounts/login/")
    assert (response.status_code, response["Location"]) == (302, "/")


def test_staff_opening_the_admin_end_on_a_page_not_a_redirect_loop(signed_in_client):
    response = signed_in_client.get("/admin/", follow=True)
    assert response.status_code == 403
    assert len(response.redirect_chain) < 5
