import time

import pytest
from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session
from django.db import connection, transaction
from django.db.utils import DatabaseError

from intranet.audit.models import AuditEntry
from intranet.audit.services import audit_record
from intranet.security import SESSION_SEEN_KEY, SESSION_STARTED_KEY
from tests.intranet.factories import UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "demo-password-1"


def sign_in(client, username, password=PASSWORD, ip="10.0.0.1"):
    return client.post(
        "/accounts/login/",
        {"username": username, "password": password},
        REMOTE_ADDR=ip,
    )


def test_lockout_after_ten_failures_refuses_even_the_right_password(client, home_page):
    UserFactory(username="kim")
    for _ in range(10):
        sign_in(client, "kim", "wrong")
    response = sign_in(client, "kim")
    assert response.status_code == 429
    assert "Too many sign-in attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_lockout_by_address_covers_many_usernames(client, home_page):
    UserFactory(username="kim")
    for n in range(10):
        sign_in(client, f"guess{n}", "wrong", ip="10.9.9.9")
    assert sign_in(client, "kim", ip="10.9.9.9").status_code == 429
    assert sign_in(client, "kim", ip="10.1.1.1").status_code == 302


def test_unknown_account_locks_out_with_the_same_message(client):
    for _ in range(10):
        sign_in(client, "nobody", "wrong")
    response = sign_in(client, "nobody", "wrong")
    assert response.status_code == 429
    assert "Too many sign-in attempts" in response.content.decode()


def test_nine_failures_then_success_signs_in(client, home_page):
    UserFactory(username="kim")
    for _ in range(9):
        sign_in(client, "kim", "wrong")
    assert sign_in(client, "kim").status_code == 302


def test_sign_in_issues_a_new_session_id(client, home_page):
    UserFactory(username="kim")
    client.get("/accounts/login/")
    client.session.save()
    before = client.session.session_key
    sign_in(client, "kim")
    assert client.session.session_key != before


def test_sign_out_deletes_the_server_session(client, home_page):
    UserFactory(username="kim")
    sign_in(client, "kim")
    key = client.session.session_key
    client.post("/accounts/logout/")
    assert not Session.objects.filter(session_key=key).exists()


def test_deactivated_user_is_cut_off_on_the_next_request(client, home_page):
    user = UserFactory(username="kim")
    client.force_login(user)
    assert client.get("/people/").status_code == 200
    user.is_active = False
    user.save()
    assert client.get("/people/").status_code == 302


def _age_session(client, **offsets):
    session = client.session
    now = int(time.time())
    for key, seconds in offsets.items():
        session[key] = now - seconds
    session.save()


def test_idle_session_is_signed_out(client, settings, staff_user):
    settings.SESSION_IDLE_TIMEOUT = 600
    client.force_login(staff_user)
    client.get("/people/")
    _age_session(client, **{SESSION_SEEN_KEY: 601})
    response = client.get("/people/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=%2Fpeople%2F"
    assert client.get("/people/").status_code == 302


def test_active_session_ends_after_the_absolute_timeout(client, settings, staff_user):
    settings.SESSION_ABSOLUTE_TIMEOUT = 3600
    client.force_login(staff_user)
    client.get("/people/")
    _age_session(client, **{SESSION_STARTED_KEY: 3601, SESSION_SEEN_KEY: 10})
    assert client.get("/people/").status_code == 302


def test_pages_carry_security_headers(signed_in_client, home_page):
    response = signed_in_client.get("/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "'unsafe-inline'" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert "no-store" in response["Cache-Control"]


def test_signed_in_pages_are_never_cached(signed_in_client):
    assert "no-store" in signed_in_client.get("/people/")["Cache-Control"]


def test_sign_in_and_failure_are_audited_with_the_address(client, home_page):
    UserFactory(username="kim")
    sign_in(client, "kim", "wrong", ip="10.2.3.4")
    sign_in(client, "kim", ip="10.2.3.4")
    failed, signed_in = AuditEntry.objects.order_by("pk").filter(
        action__in=["sign_in_failed", "sign_in"]
    )
    assert (failed.action, failed.actor_label, failed.ip_address) == (
        "sign_in_failed",
        "kim",
        "10.2.3.4",
    )
    assert signed_in.action == "sign_in"
    assert signed_in.actor.username == "kim"


def test_role_change_is_audited(staff_user):
    staff_user.groups.add(Group.objects.get(name="Specialists"))
    entry = AuditEntry.objects.filter(action="role_change").latest("pk")
    assert entry.object_id == str(staff_user.pk)
    assert entry.detail["groups"] == ["Specialists"]


def test_refused_access_is_audited(signed_in_client, staff_user):
    from django.core.exceptions import PermissionDenied
    from django.test import RequestFactory

    from intranet.views.errors import permission_denied

    request = RequestFactory().get("/secret/")
    request.user = staff_user
    response = permission_denied(request, PermissionDenied())
    assert response.status_code == 403
    entry = AuditEntry.objects.get(action="access_refused")
    assert (entry.actor, entry.path) == (staff_user, "/secret/")


def test_audit_entries_cannot_be_changed_or_removed_through_the_model():
    entry = audit_record(action="export", actor_label="system")
    entry.detail = {"changed": True}
    with pytest.raises(ValueError, match="cannot be changed"):
        entry.save()
    with pytest.raises(ValueError, match="cannot be removed"):
        entry.delete()


def test_audit_record_refuses_unknown_actions():
    with pytest.raises(ValueError, match="Unknown audit action"):
        audit_record(action="made_tea")


@pytest.mark.postgres
def test_postgres_refuses_update_and_delete_of_audit_rows():
    if connection.vendor != "postgresql":
        pytest.skip("The append-only trigger is PostgreSQL's")
    entry = audit_record(action="export", actor_label="system")
    for statement in (
        "UPDATE audit_auditentry SET actor_label = 'x' WHERE id = %s",
        "DELETE FROM audit_auditentry WHERE id = %s",
    ):
        with (
            pytest.raises(DatabaseError, match="append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(statement, [entry.pk])
