"""Every URL in the URLconf, requested by every role: who gets in, and no 500s."""

import pytest
from django.test import Client

from tests.security.council import ROLE_NAMES, sample_value
from tests.security.urlconf import endpoints

pytestmark = pytest.mark.django_db
ANONYMOUS = "anonymous"
AGENTS = {"case_manager", "specialist", "business_partner"}
API = (401, 403)

SKIPPED = {
    "admin/failwhale/": "Wagtail's deliberate server error, for testing error reports",
}
# Reachable signed out, each for a reason; everything else must send people to sign in.
PUBLIC = {
    "healthz": "load balancers probe it",
    "accounts/login/": "the sign-in page",
    "accounts/sso/start/": "starts council sign-in",
    "accounts/sso/callback/": "finishes council sign-in",
    "accounts/sso/signed-out/": "where the council's sign-out returns people",
    "committees/feed/<str:token>.ics": "calendar apps fetch it with a secret token",
    "committees/<slug:slug>/feed.ics": "public committee calendar",
    "accounts/password-reset/": "asks for a reset link for a local account",
    "accounts/password-reset/sent/": "says the reset link is on its way",
    "accounts/password-reset/<uidb64>/<token>/": "the reset link itself",
    "accounts/password-reset/done/": "says the password has changed",
    "admin/login/": "sends people to the site's sign-in",
    "admin/password_reset/": "Wagtail's password reset, turned off by a setting",
    "admin/password_reset/done/": "Wagtail's password reset, turned off by a setting",
    "admin/password_reset/confirm/<uidb64>/<token>/": "Wagtail's password reset",
    "admin/password_reset/complete/": "Wagtail's password reset",
    "_util/login/": "sends people to the site's sign-in",
    "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/": (
        "Wagtail's password form for password-protected pages"
    ),
    "documents/authenticate_with_password/<int:restriction_id>/": (
        "Wagtail's password form for password-protected documents"
    ),
}


def all_endpoints(council):
    return [
        endpoint
        for endpoint in endpoints(lambda *args: sample_value(council, *args))
        if endpoint.route not in SKIPPED
    ]


def client_for(council, role: str) -> Client:
    client = Client()
    if role != ANONYMOUS:
        client.force_login(council.users[role])
    return client


def fetch(client, path, **options):
    """Return the response, or the exception the request raised."""
    try:
        return client.get(path, **options)
    # Every failure is collected, so one run reports them all.
    except Exception as exc:
        return exc


def lands_on_sign_in(response) -> bool:
    final = response.redirect_chain[-1][0] if response.redirect_chain else ""
    return response.status_code == 200 and final.startswith("/accounts/login/")


def test_every_url_pattern_has_a_sample_address(council):
    unbuilt = [str(e) for e in all_endpoints(council) if e.path is None]
    assert not unbuilt, "Add sample values for:\n" + "\n".join(unbuilt)


def test_anonymous_visitors_are_sent_to_sign_in_everywhere_but_public_pages(council):
    client = client_for(council, ANONYMOUS)
    failures = []
    for endpoint in all_endpoints(council):
        if endpoint.path is None:
            continue
        response = fetch(client, endpoint.path, follow=True)
        if isinstance(response, Exception):
            failures.append(f"{endpoint.path}: raised {response!r}")
        elif response.status_code >= 500:
            failures.append(f"{endpoint.path}: {response.status_code}")
        elif endpoint.route in PUBLIC or lands_on_sign_in(response):
            continue
        elif not (endpoint.route.startswith("api/") and response.status_code in API):
            failures.append(f"{endpoint.path}: {response.status_code}, not sign-in")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("role", list(ROLE_NAMES))
def test_no_url_fails_with_a_server_error_for(council, role):
    client = client_for(council, role)
    failures = []
    for endpoint in all_endpoints(council):
        if endpoint.path is None:
            continue
        response = fetch(client, endpoint.path)
        if isinstance(response, Exception):
            failures.append(f"{endpoint.path}: raised {response!r}")
        elif response.status_code >= 500:
            failures.append(f"{endpoint.path}: {response.status_code}")
    assert not failures, "\n".join(failures)


def _allowed(response) -> bool:
    return response.status_code == 200


def _refused(response) -> bool:
    # A redirect carries no content: to sign-in, or a requester to their own view.
    return response.status_code in (302, 401, 403, 404)


MANAGERS = {"support_manager", "administrator"}
SENSITIVE = {
    "/queues/": AGENTS,
    # Case management works every queue.
    "/queues/{hr_queue}/": {"specialist", "case_manager"},
    "/reports/": MANAGERS,
    "/reports/export.csv": MANAGERS,
    "/reports/cases.csv": MANAGERS,
    # Democratic Services keep committees and meetings in the admin.
    "/admin/": {"content_editor", "administrator", "democratic_services"},
    # Administrators run the desk, not the content: no page permissions.
    "/admin/pages/{home}/": {"content_editor"},
    "/cases/{confidential}/": {"business_partner"},
    "/requests/{confidential}/": {"staff", "business_partner"},
    "/api/v1/cases/{confidential}/": {"staff", "business_partner"},
}


@pytest.mark.parametrize("template", list(SENSITIVE))
def test_sensitive_area_opens_only_for_the_roles_it_serves(council, template):
    path = template.format(
        hr_queue=council.hr.slug,
        confidential=council.confidential.reference,
        home=council.home.pk,
    )
    wrong = []
    for role in [ANONYMOUS, *ROLE_NAMES]:
        response = client_for(council, role).get(path)
        expected_in = role in SENSITIVE[template]
        if expected_in and not _allowed(response):
            wrong.append(f"{role} was refused ({response.status_code})")
        elif not expected_in and not _refused(response):
            wrong.append(f"{role} got in ({response.status_code})")
    assert not wrong, f"{path}: " + "; ".join(wrong)


@pytest.mark.parametrize("template", list(SENSITIVE))
def test_sensitive_area_refusal_ends_on_a_page_not_a_loop(council, template):
    path = template.format(
        hr_queue=council.hr.slug,
        confidential=council.confidential.reference,
        home=council.home.pk,
    )
    wrong = []
    for role in ROLE_NAMES:
        if role in SENSITIVE[template]:
            continue
        response = fetch(client_for(council, role), path, follow=True)
        if isinstance(response, Exception):
            wrong.append(f"{role}: {response!r}")
        elif response.status_code >= 500:
            wrong.append(f"{role}: {response.status_code}")
    assert not wrong, f"{path}: " + "; ".join(wrong)
