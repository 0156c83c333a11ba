"""The outbox against a real Redis that goes away and comes back."""

import logging
import time
from collections import Counter

import pytest
from celery.contrib.testing.worker import start_worker
from django.core import mail
from django.db import transaction

from intranet import outbox
from intranet.celery import app as celery_app
from intranet.models import OutboxMessage
from tests.intranet import outbox_handlers  # noqa: F401
from tests.intranet.outbox_support import (
    REDIS_SERVER,
    RedisServer,
    celery_broker,
    share_sqlite_with_worker_threads,
    sweep_until,
)

pytestmark = [
    pytest.mark.redis,
    pytest.mark.skipif(REDIS_SERVER is None, reason="needs the redis-server binary"),
]

MESSAGES = 50


@pytest.fixture
def redis_server(tmp_path):
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()


def _undelivered() -> int:
    return OutboxMessage.objects.filter(delivered_at__isnull=True).count()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_outbox_redis_outage_delays_mail_and_loses_none(redis_server, caplog):
    with celery_broker(redis_server.url):
        redis_server.stop()
        started = time.monotonic()
        with caplog.at_level(logging.WARNING, logger="intranet.outbox.delivery"):
            for n in range(MESSAGES):
                with transaction.atomic():
                    outbox.enqueue(
                        topic="test.email",
                        payload={"subject": f"Outage {n}"},
                        dedupe_key=f"outage:{n}",
                    )
        # Each commit gives up on the broker quickly instead of hanging.
        assert time.monotonic() - started < MESSAGES * 0.5
        assert caplog.text.count("the sweeper will deliver them") == MESSAGES
        assert _undelivered() == MESSAGES
        assert mail.outbox == []

        redis_server.start()
        share_sqlite_with_worker_threads()
        with start_worker(celery_app, pool="solo", perform_ping_check=False):
            sweep_until(
                lambda: _undelivered() == 0,
                timeout=120,
                what="the sweeper's deliveries",
            )
        assert outbox.sweep() == []

    assert Counter(m.subject for m in mail.outbox) == {
        f"Outage {n}": 1 for n in range(MESSAGES)
    }
