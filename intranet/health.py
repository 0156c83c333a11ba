"""Probe the database, the task broker and search, each with a short timeout."""

import logging
import socket
from urllib.parse import urlparse

from django.conf import settings
from django.db import connection

logger = logging.getLogger(__name__)

PROBE_TIMEOUT_SECONDS = 2


def health_report() -> dict:
    """Return each component's status ("ok", "error", "not configured", ...)."""
    return {
        "database": _database(),
        "broker": _broker(),
        "search": _search(),
    }


def _database() -> dict:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:
        logger.warning("health: database unreachable: %s", exc)
        return {"status": "error", "detail": exc.__class__.__name__}
    return {"status": "ok", "vendor": connection.vendor}


def _broker() -> dict:
    url = settings.CELERY_BROKER_URL
    if not url:
        return {"status": "ok", "mode": "in-process"}
    scheme = urlparse(url).scheme
    if scheme == "filesystem":
        return {"status": "ok", "mode": "filesystem"}
    from intranet.celery import app

    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=PROBE_TIMEOUT_SECONDS)
    except Exception as exc:
        logger.warning("health: task broker unreachable: %s", exc)
        return {"status": "error", "mode": scheme, "detail": exc.__class__.__name__}
    return {"status": "ok", "mode": scheme}


def _search() -> dict:
    url = settings.ELASTICSEARCH_URL
    if not url:
        return {"status": "ok", "backend": "database"}
    result = _tcp_probe(urlparse(url), default_port={"http": 9200, "https": 9200})
    if result["status"] != "ok":
        result["fallback"] = "database"
    result["backend"] = "elasticsearch"
    return result


def _tcp_probe(parsed, *, default_port: dict) -> dict:
    host = parsed.hostname or "localhost"
    port = parsed.port or default_port.get(parsed.scheme, 0)
    try:
        with socket.create_connection((host, port), timeout=PROBE_TIMEOUT_SECONDS):
            pass
    except OSError as exc:
        return {"status": "error", "detail": exc.__class__.__name__}
    return {"status": "ok", "mode": parsed.scheme}
