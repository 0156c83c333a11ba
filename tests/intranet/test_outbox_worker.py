"""A Celery worker killed in the middle of a delivery loses nothing, sends once."""

from collections import Counter

import pytest
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from intranet import outbox
from intranet.models import OutboxMessage
from intranet.outbox import tasks as outbox_tasks
from tests.intranet import outbox_handlers  # noqa: F401
from tests.intranet.outbox_support import (
    REDIS_SERVER,
    RedisServer,
    WorkerProcess,
    celery_broker,
    mail_subjects,
    wait_until,
)

ON_POSTGRES = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
LEASE_SECONDS = 2
SUBJECT = "Delivered after the worker was killed"

pytestmark = [
    pytest.mark.redis,
    pytest.mark.postgres,
    pytest.mark.skipif(REDIS_SERVER is None, reason="needs the redis-server binary"),
    # A worker process can only reach a test database that lives in a server.
    pytest.mark.skipif(not ON_POSTGRES, reason="needs PostgreSQL (DATABASE_URL)"),
]


@pytest.fixture
def redis_server(tmp_path):
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def mail_dir(tmp_path):
    path = tmp_path / "mail"
    path.mkdir()
    return path


@pytest.fixture
def start_worker(transactional_db, redis_server, mail_dir, tmp_path):
    """Start worker subprocesses; every one is killed when the test ends."""
    started = []

    def start() -> WorkerProcess:
        worker = WorkerProcess(
            broker_url=redis_server.url,
            mail_dir=mail_dir,
            log=tmp_path / "worker.log",
            lease=LEASE_SECONDS,
        )
        started.append(worker)
        worker.start()
        return worker

    yield start
    for worker in started:
        worker.kill()


def _message() -> OutboxMessage:
    return OutboxMessage.objects.get(dedupe_key="killed")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_outbox_worker_killed_mid_delivery_delivers_once(
    start_worker, redis_server, mail_dir, tmp_path
):
    started, release = tmp_path / "started", tmp_path / "release"
    with celery_broker(redis_server.url):
        first = start_worker()
        with transaction.atomic():
            outbox.enqueue(
                topic="test.blocking",
                payload={
                    "subject": SUBJECT,
                    "started": str(started),
                    "release": str(release),
                },
                dedupe_key="killed",
            )
        wait_until(started.exists, timeout=120, what="the first worker to deliver")
        first.kill()

        lost = _message()
        assert lost.delivered_at is None
        assert lost.attempts == 1
        assert lost.locked_until > lost.created_at
        assert mail_subjects(mail_dir) == Counter()

        release.touch()
        start_worker()
        wait_until(
            lambda: timezone.now() > lost.locked_until,
            timeout=LEASE_SECONDS + 5,
            what="the lease to expire",
        )
        outbox_tasks.outbox_sweep_task.delay()
        wait_until(
            lambda: _message().delivered_at is not None,
            timeout=120,
            what="the second worker to deliver",
        )
        assert outbox.sweep() == []

    assert mail_subjects(mail_dir) == Counter({SUBJECT: 1})
    assert _message().attempts == 2
