from unittest import mock

import pytest
from django.db.utils import OperationalError


@pytest.mark.django_db
def test_healthz_reports_each_component_without_sign_in(client, settings):
    settings.CELERY_BROKER_URL = ""
    settings.ELASTICSEARCH_URL = ""
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["database"]["status"] == "ok"
    assert body["broker"] == {"status": "ok", "mode": "in-process"}
    assert body["search"] == {"status": "ok", "backend": "database"}


@pytest.mark.django_db
def test_healthz_reports_an_unreachable_search_server_and_the_fallback(
    client, settings
):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    body = client.get("/healthz").json()
    assert body["search"]["status"] == "error"
    assert body["search"]["fallback"] == "database"


@pytest.mark.django_db
def test_healthz_returns_503_when_the_database_is_down(client):
    with mock.patch(
        "intranet.health.connection.cursor", side_effect=OperationalError("down")
    ):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"]["status"] == "error"


@pytest.mark.django_db
def test_healthz_reports_a_broker_that_does_not_answer(client, settings):
    from intranet.celery import app

    settings.CELERY_BROKER_URL = "redis://127.0.0.1:9/0"
    original = app.conf.broker_url
    app.conf.broker_url = settings.CELERY_BROKER_URL
    try:
        body = client.get("/healthz").json()
    finally:
        app.conf.broker_url = original
    assert body["database"]["status"] == "ok"
    assert body["broker"]["status"] == "error"
