"""Resetting a local account's password by email: links, limits and refusals."""

import re
import uuid
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from intranet.audit.models import AuditEntry
from intranet.models import OutboxMessage
from intranet.outbox import deliver
from intranet.password_reset import limits
from intranet.roles import Role
from tests.intranet.factories import UserFactory

pytestmark = pytest.mark.django_db
OLD_PASSWORD = "demo-password-1"
NEW_PASSWORD = "Teal kettle 42 rooftops"
RESET = "/accounts/password-reset/"
LINK = re.compile(r"http://[^/\s]+(/accounts/password-reset/[^/\s]+/[^/\s]+/)")


@pytest.fixture(autouse=True)
def fresh_limits(monkeypatch):
    # Counters live in the shared cache; each test starts its own windows.
    monkeypatch.setattr(limits, "KEY_PREFIX", f"password-reset-{uuid.uuid4().hex}")


@pytest.fixture
def admin(make_user):
    return make_user(
        Role.ADMINISTRATOR, username="break.glass", email="break.glass@avonford.gov.uk"
    )


def ask(client, email, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(RESET, {"email": email})


def reset_link(recipient: str) -> str:
    (email,) = [m for m in mail.outbox if recipient in m.to]
    return LINK.search(email.body)[1]


def choose(client, link, password, confirm=None):
    page = client.get(link, follow=True)
    set_password_url = page.redirect_chain[-1][0] if page.redirect_chain else link
    return client.post(
        set_password_url,
        {"new_password1": password, "new_password2": confirm or password},
    )


def signs_in(username, password) -> bool:
    response = Client().post(
        "/accounts/login/", {"username": username, "password": password}
    )
    return response.status_code == 302


def test_sign_in_page_offers_the_reset(client):
    assert f'href="{RESET}"' in client.get("/accounts/login/").content.decode()


def test_reset_from_request_to_signing_in(
    client, admin, django_capture_on_commit_callbacks
):
    response = ask(client, admin.email.upper(), django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert client.get(response.url).status_code == 200
    (email,) = mail.outbox
    assert email.subject == "Reset your intranet password"
    assert "expires after 60 minutes" in email.body
    (html, _kind), *_ = email.alternatives
    assert "Choose a new password" in html

    with django_capture_on_commit_callbacks(execute=True):
        done = choose(client, reset_link(admin.email), NEW_PASSWORD)
    assert done.status_code == 302
    assert "Password changed" in client.get(done.url).content.decode()
    assert signs_in("break.glass", NEW_PASSWORD)
    assert not signs_in("break.glass", OLD_PASSWORD)
    changed = [m for m in mail.outbox if m.subject.startswith("Your intranet password")]
    assert len(changed) == 1


def test_emails_go_through_the_outbox_without_the_token(
    client, admin, django_capture_on_commit_callbacks
):
    client.post(RESET, {"email": admin.email})
    message = OutboxMessage.objects.get(topic="accounts.email")
    assert message.payload == {"user_id": admin.pk, "template": "password_reset_link"}
    assert mail.outbox == []
    deliver(message.pk)
    assert reset_link(admin.email)
    message.refresh_from_db()
    assert message.delivered_at is not None


def test_a_link_works_once(client, admin, django_capture_on_commit_callbacks):
    ask(client, admin.email, django_capture_on_commit_callbacks)
    link = reset_link(admin.email)
    choose(client, link, NEW_PASSWORD)
    again = Client().get(link, follow=True)
    assert "This link does not work" in again.content.decode()
    assert signs_in("break.glass", NEW_PASSWORD)


def test_a_link_expires(client, admin, settings, django_capture_on_commit_callbacks):
    ask(client, admin.email, django_capture_on_commit_callbacks)
    link = reset_link(admin.email)
    settings.PASSWORD_RESET_TIMEOUT = -1
    page = client.get(link, follow=True).content.decode()
    assert "This link does not work" in page
    assert 'name="new_password1"' not in page


def test_a_forged_link_is_refused(client, admin):
    page = client.get(f"{RESET}MQ/abc-123/", follow=True)
    assert page.status_code == 200
    assert "This link does not work" in page.content.decode()


def test_a_request_too_old_to_honour_is_not_sent(client, admin, settings):
    client.post(RESET, {"email": admin.email})
    message = OutboxMessage.objects.get(topic="accounts.email")
    OutboxMessage.objects.filter(pk=message.pk).update(
        created_at=timezone.now() - timedelta(hours=2)
    )
    deliver(message.pk)
    assert mail.outbox == []


@pytest.mark.parametrize(
    "email",
    ["nobody@avonford.gov.uk", "inactive@avonford.gov.uk", "sso@avonford.gov.uk"],
)
def test_no_email_but_the_same_page_without_a_local_account(
    client, settings, email, django_capture_on_commit_callbacks
):
    settings.LOCAL_SIGN_IN_ROLES = [Role.ADMINISTRATOR.value]
    UserFactory(username="inactive", email="inactive@avonford.gov.uk", is_active=False)
    UserFactory(username="sso", email="sso@avonford.gov.uk")
    response = ask(client, email, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert response.url == f"{RESET}sent/"
    assert mail.outbox == []
    entry = AuditEntry.objects.get(action=AuditEntry.Action.PASSWORD_RESET)
    assert entry.actor_label == email
    assert entry.detail["outcome"] == "no local account"


def test_an_account_without_local_sign_in_cannot_use_a_link(
    client, settings, make_user, django_capture_on_commit_callbacks
):
    user = make_user(username="kim", email="kim@avonford.gov.uk")
    ask(client, user.email, django_capture_on_commit_callbacks)
    link = reset_link(user.email)
    settings.LOCAL_SIGN_IN_ROLES = [Role.ADMINISTRATOR.value]
    assert "This link does not work" in client.get(link, follow=True).content.decode()


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("", "Enter your email address"),
        ("not-an-address", "Enter an email address in the correct format"),
        ("a" * 250 + "@x.uk", "Email address must be 254 characters or fewer"),
    ],
)
def test_bad_addresses_are_explained(client, email, message):
    response = client.post(RESET, {"email": email})
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert message in html
    assert "<title>Error:" in html
    assert not OutboxMessage.objects.filter(topic="accounts.email").exists()


@pytest.mark.parametrize(
    ("password", "confirm", "message"),
    [
        ("", None, "Enter a new password"),
        (NEW_PASSWORD, "Something else 42", "The passwords do not match"),
        ("password1", None, "This password is too common"),
        ("12345678901", None, "This password is entirely numeric"),
        ("short", None, "This password is too short"),
    ],
)
def test_weak_or_mismatched_passwords_are_refused(
    client, admin, password, confirm, message, django_capture_on_commit_callbacks
):
    ask(client, admin.email, django_capture_on_commit_callbacks)
    response = choose(client, reset_link(admin.email), password, confirm)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert signs_in("break.glass", OLD_PASSWORD)


def test_limit_per_account(client, admin, settings, django_capture_on_commit_callbacks):
    for number in range(settings.PASSWORD_RESET_LIMIT_PER_ACCOUNT):
        # From different addresses, so only the account's own limit applies.
        other = Client(REMOTE_ADDR=f"10.1.0.{number + 1}")
        assert (
            ask(other, admin.email, django_capture_on_commit_callbacks).status_code
            == 302
        )
    response = ask(
        Client(REMOTE_ADDR="10.1.1.1"), admin.email, django_capture_on_commit_callbacks
    )
    assert response.status_code == 429
    assert "Too many password reset requests" in response.content.decode()
    assert len(mail.outbox) == settings.PASSWORD_RESET_LIMIT_PER_ACCOUNT
    refused = AuditEntry.objects.filter(detail__outcome="refused: too many requests")
    assert refused.count() == 1


def test_limit_per_address(client, admin, settings, django_capture_on_commit_callbacks):
    for number in range(settings.PASSWORD_RESET_LIMIT_PER_ADDRESS):
        assert (
            ask(
                client,
                f"person{number}@avonford.gov.uk",
                django_capture_on_commit_callbacks,
            ).status_code
            == 302
        )
    assert (
        ask(client, admin.email, django_capture_on_commit_callbacks).status_code == 429
    )
    assert mail.outbox == []
    elsewhere = Client(REMOTE_ADDR="10.2.0.1")
    assert (
        ask(elsewhere, admin.email, django_capture_on_commit_callbacks).status_code
        == 302
    )
    assert len(mail.outbox) == 1


def test_limit_counts_unknown_addresses_the_same(
    client, settings, django_capture_on_commit_callbacks
):
    statuses = [
        ask(
            Client(REMOTE_ADDR=f"10.3.0.{n}"),
            "nobody@avonford.gov.uk",
            django_capture_on_commit_callbacks,
        ).status_code
        for n in range(1, settings.PASSWORD_RESET_LIMIT_PER_ACCOUNT + 2)
    ]
    assert statuses[-1] == 429
    assert set(statuses[:-1]) == {302}


def test_reset_signs_out_other_sessions(
    client, admin, django_capture_on_commit_callbacks
):
    elsewhere = Client()
    elsewhere.force_login(admin)
    assert elsewhere.get("/people/").status_code == 200
    ask(client, admin.email, django_capture_on_commit_callbacks)
    choose(client, reset_link(admin.email), NEW_PASSWORD)
    response = elsewhere.get("/people/")
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


def test_reset_lifts_a_sign_in_lockout(
    client, admin, settings, django_capture_on_commit_callbacks
):
    attacker = Client(REMOTE_ADDR="10.4.0.1")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attacker.post(
            "/accounts/login/", {"username": "break.glass", "password": "guess"}
        )
    assert not signs_in("break.glass", OLD_PASSWORD)
    ask(client, admin.email, django_capture_on_commit_callbacks)
    choose(client, reset_link(admin.email), NEW_PASSWORD)
    assert signs_in("break.glass", NEW_PASSWORD)


def test_reset_is_audited(client, admin, django_capture_on_commit_callbacks):
    ask(client, admin.email, django_capture_on_commit_callbacks)
    choose(client, reset_link(admin.email), NEW_PASSWORD)
    stages = list(
        AuditEntry.objects.filter(action=AuditEntry.Action.PASSWORD_RESET)
        .order_by("at", "pk")
        .values_list("detail__stage", "actor_id")
    )
    assert stages == [("requested", None), ("password changed", admin.pk)]


def test_the_new_password_page_never_echoes_the_password(
    client, admin, django_capture_on_commit_callbacks
):
    ask(client, admin.email, django_capture_on_commit_callbacks)
    response = choose(
        client, reset_link(admin.email), NEW_PASSWORD, "Mismatch 42 kettle"
    )
    assert NEW_PASSWORD not in response.content.decode()
