"""Every URL refuses a state-changing request that carries no CSRF token."""

import pytest
from django.test import Client

from tests.security.council import sample_value
from tests.security.urlconf import endpoints

pytestmark = pytest.mark.django_db
UNSAFE_METHODS = ("post", "put", "patch", "delete")


@pytest.fixture
def csrf_client(council):
    client = Client(enforce_csrf_checks=True)
    client.force_login(council.users["administrator"])
    return client


def test_every_unsafe_request_without_a_token_is_refused(council, csrf_client):
    failures = []
    for endpoint in endpoints(lambda *args: sample_value(council, *args)):
        if endpoint.path is None:
            continue
        for method in UNSAFE_METHODS:
            # JSON, so that API views reach their CSRF check instead of refusing
            # an unsupported body first.
            response = getattr(csrf_client, method)(
                endpoint.path, data="{}", content_type="application/json"
            )
            if response.status_code != 403:
                failures.append(
                    f"{method.upper()} {endpoint.path}: {response.status_code}"
                )
    assert not failures, "\n".join(failures)


def test_unsafe_request_with_the_token_gets_through(council, csrf_client):
    csrf_client.get("/")
    token = csrf_client.cookies["csrftoken"].value
    response = csrf_client.post("/accounts/logout/", HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 200
    assert "You have signed out" in response.content.decode()
