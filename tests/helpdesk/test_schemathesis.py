"""Property-based run of every API operation against its own OpenAPI schema.

Schemathesis reads /api/schema/ and sends generated requests, valid and not,
straight to the WSGI application as a case manager with a token: no answer
may be a server error or break the schema it documents.
"""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
)

CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]


@pytest.fixture
def keep_test_transaction():
    # Each request would otherwise close the connection holding the test's
    # transaction, as Django's own test client also prevents.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def token(desk, make_case):
    make_case(subject="Overtime missing")
    make_case(request_type=desk.grievance, subject="Grievance")
    return Token.objects.create(user=desk.case_manager).key


@pytest.fixture
def auth_headers(token):
    return {"Authorization": f"Token {token}"}


@pytest.fixture
def api_schema(keep_test_transaction, auth_headers):
    return schemathesis.openapi.from_wsgi(
        "/api/schema/?format=json", get_wsgi_application(), headers=auth_headers
    )


OPERATIONS = [
    ("GET", "/api/v1/cases/"),
    ("POST", "/api/v1/cases/"),
    ("GET", "/api/v1/cases/{reference}/"),
    ("POST", "/api/v1/cases/{reference}/replies/"),
    ("GET", "/api/v1/request-types/"),
    ("GET", "/api/v1/request-types/{slug}/"),
    ("GET", "/api/v1/knowledge/search"),
    ("GET", "/api/v1/meetings/"),
    ("GET", "/api/v1/meetings/{id}/"),
]


def test_api_schema_lists_every_operation_tested(api_schema):
    documented = {
        (result.ok().method.upper(), result.ok().path)
        for result in api_schema.get_all_operations()
    }
    assert documented == set(OPERATIONS)


# schemathesis's own pytest plugin does not run under pytest 9, so each
# operation drives Hypothesis directly with the operation's strategy.
@pytest.mark.parametrize(("method", "path"), OPERATIONS)
def test_api_operation_honours_its_schema(api_schema, auth_headers, method, path):
    operation = api_schema[path][method]

    @settings(
        max_examples=25,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy())
    def run(case):
        case.call_and_validate(headers=auth_headers, checks=CHECKS)

    run()
