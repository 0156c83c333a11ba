"""Cases raised while Redis is down still save; their emails follow, once each."""

import logging
import time
from collections import Counter
from datetime import datetime

import pytest
from celery.contrib.testing.worker import start_worker
from django.core import mail

from helpdesk import notifications, services
from helpdesk.sla import LONDON
from intranet.celery import app as celery_app
from intranet.models import OutboxMessage
from intranet.outbox import tasks as outbox_tasks
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

CASES = 50
MONDAY_10AM = datetime(2026, 6, 1, 10, 0, tzinfo=LONDON)


@pytest.fixture
def redis_server(tmp_path):
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()


def _undelivered() -> int:
    return OutboxMessage.objects.filter(
        topic=notifications.TOPIC, delivered_at__isnull=True
    ).count()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_notifications_redis_outage_cases_save_and_mail_arrives_once(
    desk, redis_server, caplog
):
    with celery_broker(redis_server.url):
        redis_server.stop()
        with caplog.at_level(logging.WARNING, logger="intranet.outbox.delivery"):
            cases = [
                services.case_create(
                    requester=desk.requester,
                    request_type=desk.hr_query,
                    subject=f"Payslip question {n}",
                    description="My payslip is wrong.",
                    now=MONDAY_10AM,
                )
                for n in range(CASES)
            ]
        assert len({case.reference for case in cases}) == CASES
        assert "the sweeper will deliver them" in caplog.text
        assert mail.outbox == []
        # A receipt for the requester and a new-case email for each of two agents.
        assert _undelivered() == CASES * 3

        redis_server.start()
        share_sqlite_with_worker_threads()
        with start_worker(celery_app, pool="solo", perform_ping_check=False):
            sweep_until(
                lambda: _undelivered() == 0, timeout=180, what="every case email"
            )
            # Deliveries queued twice (after commit and by a sweep) send once.
            outbox_tasks.outbox_sweep_task.delay()
            time.sleep(2)

    received = Counter(
        (address, email.subject) for email in mail.outbox for address in email.to
    )
    expected = Counter()
    for case in cases:
        expected[
            (desk.requester.email, f"[{case.reference}] We have received your request")
        ] += 1
        for agent in (desk.specialist, desk.hr_lead):
            expected[(agent.email, f"[{case.reference}] New case in your queue")] += 1
    assert received == expected
