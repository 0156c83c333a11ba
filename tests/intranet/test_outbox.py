import logging
import threading
import time
from datetime import datetime, timedelta

import pytest
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.db import connection, connections, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from intranet import outbox
from intranet.models import OutboxMessage
from intranet.outbox import batch as outbox_batch
from tests.intranet import outbox_handlers, outbox_support
from tests.intranet.outbox_support import free_port

# Deliveries queued by `sweep` run on the real clock, so the test clock is past.
T0 = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.get_default_timezone())


def _enqueue(key: str, topic: str = "test.email") -> OutboxMessage | None:
    return outbox.enqueue(
        topic=topic, payload={"subject": f"Subject {key}"}, dedupe_key=key
    )


def _enqueue_at(at: datetime, key: str, topic: str = "test.email") -> OutboxMessage:
    message = _enqueue(key, topic)
    OutboxMessage.objects.filter(pk=message.pk).update(created_at=at, available_at=at)
    return message


@pytest.fixture
def dead_broker():
    """Point Celery at a port where nothing listens, as when Redis is down."""
    with outbox_support.celery_broker(f"redis://127.0.0.1:{free_port()}/0"):
        yield


def test_backoff_doubles_from_a_minute_up_to_six_hours():
    assert [outbox.backoff(n) for n in (1, 2, 3, 4)] == [
        timedelta(minutes=m) for m in (1, 2, 4, 8)
    ]
    assert outbox.backoff(30) == timedelta(hours=6)


def test_register_refuses_a_second_handler_for_a_topic():
    with pytest.raises(ImproperlyConfigured, match=r"test\.email"):
        outbox.register("test.email", outbox_handlers.always_fail)


@pytest.mark.django_db
def test_enqueue_in_a_rolled_back_transaction_leaves_nothing(
    django_capture_on_commit_callbacks,
):
    def change_that_fails():
        with transaction.atomic():
            _enqueue("rolled-back")
            raise RuntimeError("the change failed")

    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
    ):
        change_that_fails()
    assert callbacks == []
    assert not OutboxMessage.objects.exists()
    assert mail.outbox == []


@pytest.mark.django_db
def test_enqueue_delivers_after_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        message = _enqueue("one")
        assert mail.outbox == []
    message.refresh_from_db()
    assert message.status == OutboxMessage.Status.DELIVERED
    assert message.attempts == 1
    assert [m.subject for m in mail.outbox] == ["Subject one"]


@pytest.mark.django_db
def test_enqueue_duplicate_key_is_a_no_op(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = _enqueue("same")
        second = _enqueue("same")
    assert first is not None
    assert second is None
    assert OutboxMessage.objects.count() == 1
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_enqueue_unknown_topic_is_refused():
    with pytest.raises(LookupError, match=r"no\.such\.topic"):
        _enqueue("unknown", topic="no.such.topic")
    assert not OutboxMessage.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("key", ["", "k" * 256])
def test_enqueue_bad_dedupe_key_is_refused(key):
    with pytest.raises(ValueError, match="dedupe key"):
        _enqueue(key)
    assert not OutboxMessage.objects.exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_enqueue_outside_a_transaction_is_refused():
    with pytest.raises(transaction.TransactionManagementError):
        _enqueue("autocommit")
    assert not OutboxMessage.objects.exists()


@pytest.mark.django_db
def test_deliver_twice_sends_once():
    message = _enqueue_at(T0, "twice")
    assert outbox.deliver(message.pk, now=T0) is True
    assert outbox.deliver(message.pk, now=T0 + timedelta(hours=1)) is False
    assert len(mail.outbox) == 1
    message.refresh_from_db()
    assert message.delivered_at == T0
    assert message.locked_until is None


@pytest.mark.django_db
def test_deliver_waits_for_another_workers_lease(settings):
    message = _enqueue_at(T0, "leased")
    OutboxMessage.objects.filter(pk=message.pk).update(
        locked_until=T0 + timedelta(seconds=settings.OUTBOX_LEASE_SECONDS)
    )
    assert outbox.deliver(message.pk, now=T0) is False
    assert outbox.sweep(now=T0) == []
    assert mail.outbox == []

    after_lease = T0 + timedelta(seconds=settings.OUTBOX_LEASE_SECONDS + 1)
    assert outbox.sweep(now=after_lease) == [message.pk]
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_deliver_handler_error_retries_with_backoff_then_gives_up(settings, caplog):
    settings.OUTBOX_MAX_ATTEMPTS = 3
    message = _enqueue_at(T0, "broken", topic="test.fail")

    assert outbox.deliver(message.pk, now=T0) is False
    message.refresh_from_db()
    assert message.attempts == 1
    assert message.available_at == T0 + timedelta(minutes=1)
    assert "The mail server refused the connection" in message.last_error
    assert message.locked_until is None

    assert outbox.deliver(message.pk, now=T0 + timedelta(seconds=30)) is False
    assert outbox.sweep(now=T0 + timedelta(seconds=30)) == []
    assert OutboxMessage.objects.get(pk=message.pk).attempts == 1

    second_at = T0 + timedelta(minutes=1)
    assert outbox.deliver(message.pk, now=second_at) is False
    message.refresh_from_db()
    assert message.attempts == 2
    assert message.available_at == second_at + timedelta(minutes=2)

    with caplog.at_level(logging.ERROR, logger="intranet.outbox.delivery"):
        outbox.deliver(message.pk, now=second_at + timedelta(minutes=2))
    message.refresh_from_db()
    assert message.attempts == 3
    assert message.status == OutboxMessage.Status.FAILED
    assert "will not be retried" in caplog.text
    assert outbox.sweep(now=T0 + timedelta(days=1)) == []


@pytest.mark.django_db
def test_deliver_gives_up_when_the_final_attempt_lost_its_worker(settings):
    settings.OUTBOX_MAX_ATTEMPTS = 3
    message = _enqueue_at(T0, "poison")
    OutboxMessage.objects.filter(pk=message.pk).update(attempts=3)
    assert outbox.deliver(message.pk, now=T0) is False
    message.refresh_from_db()
    assert message.status == OutboxMessage.Status.FAILED
    assert "worker was lost" in message.last_error
    assert mail.outbox == []


@pytest.mark.django_db
def test_sweep_delivers_what_was_never_queued_oldest_first():
    for minute, key in enumerate(["first", "second", "third"]):
        OutboxMessage.objects.create(
            topic="test.email",
            payload={"subject": key},
            dedupe_key=key,
            created_at=T0 + timedelta(minutes=minute),
            available_at=T0 + timedelta(minutes=minute),
        )
    now = T0 + timedelta(minutes=5)
    assert len(outbox.sweep(now=now, limit=2)) == 2
    assert [m.subject for m in mail.outbox] == ["first", "second"]
    assert len(outbox.sweep(now=now)) == 1
    assert outbox.sweep(now=now) == []
    assert [m.subject for m in mail.outbox] == ["first", "second", "third"]


@pytest.mark.django_db
def test_enqueue_with_the_broker_down_keeps_the_message_for_the_sweeper(
    dead_broker, django_capture_on_commit_callbacks, caplog
):
    with (
        caplog.at_level(logging.WARNING, logger="intranet.outbox.delivery"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        message = _enqueue("broker-down")
    assert "the sweeper will deliver them" in caplog.text
    message.refresh_from_db()
    assert message.status == OutboxMessage.Status.PENDING
    assert message.attempts == 0
    assert mail.outbox == []


def _messages(*keys: str) -> list[outbox.Message]:
    return [
        outbox.Message(
            topic="test.email", payload={"subject": f"Subject {key}"}, dedupe_key=key
        )
        for key in keys
    ]


@pytest.mark.django_db
def test_enqueue_many_stores_each_new_key_once_and_delivers_each_once(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        _enqueue("b")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        stored = outbox.enqueue_many(_messages("a", "b", "c", "a"))
    assert [message.dedupe_key for message in stored] == ["a", "c"]
    assert sorted(OutboxMessage.objects.values_list("dedupe_key", flat=True)) == [
        "a",
        "b",
        "c",
    ]
    assert sorted(m.subject for m in mail.outbox) == ["Subject a", "Subject c"]


@pytest.mark.django_db
def test_enqueue_many_costs_the_same_queries_for_one_message_or_fifty():
    def queries(keys) -> int:
        with CaptureQueriesContext(connection) as captured, transaction.atomic():
            outbox.enqueue_many(_messages(*keys))
        return len(captured)

    assert queries(["one"]) == queries([f"many-{n}" for n in range(50)])


@pytest.mark.django_db
def test_enqueue_many_refuses_the_whole_batch_for_one_bad_message():
    bad = outbox.Message(topic="no.such.topic", payload={}, dedupe_key="bad")
    with pytest.raises(LookupError), transaction.atomic():
        outbox.enqueue_many([*_messages("good"), bad])
    with pytest.raises(ValueError, match="dedupe key"), transaction.atomic():
        outbox.enqueue_many(_messages("fine", ""))
    assert not OutboxMessage.objects.exists()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs concurrent transactions"
)
def test_enqueue_many_stores_the_rest_when_another_transaction_wins_a_key():
    holding, errors = threading.Event(), []

    def other_transaction():
        try:
            with transaction.atomic():
                outbox.enqueue_many(_messages("shared"))
                holding.set()
                time.sleep(1)
        except Exception as error:  # reported by the assertion below
            errors.append(repr(error))
        finally:
            connections.close_all()

    thread = threading.Thread(target=other_transaction)
    thread.start()
    assert holding.wait(timeout=30)
    with transaction.atomic():
        stored = outbox.enqueue_many(_messages("shared", "mine"))
    thread.join(timeout=30)

    assert errors == []
    assert [message.dedupe_key for message in stored] == ["mine"]
    assert OutboxMessage.objects.filter(dedupe_key="shared").count() == 1
    assert OutboxMessage.objects.filter(dedupe_key="mine").count() == 1


@pytest.mark.django_db
def test_enqueue_many_is_one_task_and_a_failing_message_retries_alone(
    django_capture_on_commit_callbacks,
):
    failing = outbox.Message(topic="test.fail", payload={}, dedupe_key="broken")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        outbox.enqueue_many([*_messages("first"), failing, *_messages("last")])
    assert len(callbacks) == 1
    callbacks[0]()

    status = dict(OutboxMessage.objects.values_list("dedupe_key", "delivered_at"))
    assert status["first"]
    assert status["last"]
    assert status["broken"] is None
    assert OutboxMessage.objects.get(dedupe_key="broken").last_error
    assert sorted(m.subject for m in mail.outbox) == ["Subject first", "Subject last"]


@pytest.mark.django_db
def test_deliver_many_sends_nothing_twice_when_rerun():
    with transaction.atomic():
        ids = [message.pk for message in outbox.enqueue_many(_messages("x", "y"))]
    assert outbox.deliver_many(ids) == 2
    assert outbox.deliver_many(ids) == 0
    assert sorted(m.subject for m in mail.outbox) == ["Subject x", "Subject y"]


def test_shared_values_last_one_batch_and_nothing_outside():
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    assert outbox.shared("key", compute) == 1
    assert outbox.shared("key", compute) == 2
    with outbox_batch.batch([]):
        assert outbox.shared("key", compute) == 3
        assert outbox.shared("key", compute) == 3
    with outbox_batch.batch([]):
        assert outbox.shared("key", compute) == 4
