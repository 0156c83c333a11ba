"""Real brokers and workers for the outbox tests: a throwaway Redis, Celery workers."""

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from email import message_from_bytes
from pathlib import Path
from urllib.parse import quote

import kombu.pools
from django.conf import settings
from django.db import connection

from intranet.celery import app as celery_app

REDIS_SERVER = shutil.which("redis-server")
CELERY = str(Path(sys.executable).with_name("celery"))
FAST_FAIL_TRANSPORT = {"socket_connect_timeout": 2, "max_retries": 1}
SWEEP_INTERVAL_SECONDS = 3
MAIL_SEPARATOR = b"\n" + b"-" * 79 + b"\n"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(condition: Callable[[], bool], *, timeout: float, what: str) -> None:
    """Poll `condition` until it holds.

    :raises TimeoutError: naming `what` if it does not hold within `timeout`
    """
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"Timed out after {timeout}s waiting for {what}.")
        time.sleep(0.1)


def sweep_until(condition: Callable[[], bool], *, timeout: float, what: str) -> None:
    """Queue the outbox sweep every few seconds, as beat would, until `condition`.

    :raises TimeoutError: naming `what` if it does not hold within `timeout`
    """
    from intranet.outbox import tasks

    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"Timed out after {timeout}s waiting for {what}.")
        tasks.outbox_sweep_task.delay()
        with contextlib.suppress(TimeoutError):
            wait_until(condition, timeout=SWEEP_INTERVAL_SECONDS, what=what)


def share_sqlite_with_worker_threads() -> None:
    """Stop this thread's reads from locking tables an in-process worker writes.

    SQLite's in-memory test database uses a shared cache, whose table locks make
    a writer fail at once instead of waiting; reading uncommitted takes none.
    """
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA read_uncommitted = 1")


class RedisServer:
    """A Redis on a free port with no persistence, which a test can stop and start."""

    def __init__(self, workdir: Path):
        self.port = free_port()
        self.workdir = workdir
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def answers(self) -> bool:
        try:
            socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
        except OSError:
            return False
        return True

    def start(self) -> None:
        self.process = subprocess.Popen(  # noqa: S603
            [
                REDIS_SERVER,
                *("--port", str(self.port), "--bind", "127.0.0.1"),
                *("--save", "", "--appendonly", "no", "--dir", str(self.workdir)),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_until(self.answers, timeout=10, what="redis-server to start")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)
        wait_until(lambda: not self.answers(), timeout=10, what="redis-server to stop")


@contextlib.contextmanager
def celery_broker(url: str) -> Iterator[None]:
    """Send tasks to the broker at `url` instead of running them in-process."""
    keys = ("broker_url", "task_always_eager", "broker_transport_options")
    saved = {key: celery_app.conf[key] for key in keys}
    celery_app.conf.update(
        broker_url=url,
        task_always_eager=False,
        broker_transport_options=FAST_FAIL_TRANSPORT,
    )
    _forget_connections()
    try:
        yield
    finally:
        celery_app.conf.update(saved)
        _forget_connections()


def _forget_connections() -> None:
    # The app caches its connection pools for the broker it first used.
    kombu.pools.reset()
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


class WorkerProcess:
    """A `celery worker` subprocess on the test database, sending mail to files."""

    def __init__(self, *, broker_url: str, mail_dir: Path, log: Path, lease: int):
        self.broker_url = broker_url
        self.mail_dir = mail_dir
        self.log = log
        self.lease = lease
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.intranet.outbox_worker_settings",
            "DATABASE_URL": _postgres_url(settings.DATABASES["default"]),
            "CELERY_BROKER_URL": self.broker_url,
            "OUTBOX_TEST_MAIL_DIR": str(self.mail_dir),
            "OUTBOX_LEASE_SECONDS": str(self.lease),
        }
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(  # noqa: S603
                [
                    CELERY,
                    *("-A", "intranet", "worker", "--pool=solo", "--loglevel=INFO"),
                    "--include=tests.intranet.outbox_handlers",
                    *("--without-gossip", "--without-mingle", "--without-heartbeat"),
                ],
                cwd=settings.BASE_DIR,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def kill(self) -> None:
        """Kill the worker and its children at once, as a lost machine would."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)


def _postgres_url(database: dict) -> str:
    password = f":{quote(database['PASSWORD'])}" if database.get("PASSWORD") else ""
    host = f"{database.get('HOST') or '127.0.0.1'}:{database.get('PORT') or 5432}"
    return f"postgres://{quote(database['USER'])}{password}@{host}/{database['NAME']}"


def mail_subjects(mail_dir: Path) -> Counter:
    """Count the subjects of every email the file backend wrote to `mail_dir`."""
    subjects = Counter()
    for path in mail_dir.glob("*.log"):
        for raw in path.read_bytes().split(MAIL_SEPARATOR):
            if raw.strip():
                subjects[message_from_bytes(raw.strip())["Subject"]] += 1
    return subjects
