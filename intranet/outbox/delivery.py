"""Store outbox messages with the caller's change; deliver them after commit."""

import logging
import time
import traceback
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial

from django.conf import settings
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from intranet.models import OutboxMessage

from . import batch, registry

logger = logging.getLogger(__name__)

BACKOFF_BASE = timedelta(minutes=1)
BACKOFF_CAP = timedelta(hours=6)
ERROR_LIMIT = 4000
MARK_ATTEMPTS = 5
MARK_RETRY_SECONDS = 0.5


@dataclass(frozen=True)
class Message:
    """One message to store: what handles it, what it carries, what makes it unique."""

    topic: str
    payload: dict
    dedupe_key: str


def enqueue(*, topic: str, payload: dict, dedupe_key: str) -> OutboxMessage | None:
    """Store a message in the caller's transaction; queue its delivery on commit.

    Return the new message, or None when a message with `dedupe_key` already
    exists, so repeating an enqueue never delivers anything twice.

    :raises TransactionManagementError: if called outside `transaction.atomic`
    :raises LookupError: if no handler is registered for `topic`
    :raises ValueError: if `dedupe_key` is empty or longer than 255 characters
    """
    stored = enqueue_many(
        [Message(topic=topic, payload=payload, dedupe_key=dedupe_key)]
    )
    return stored[0] if stored else None


def enqueue_many(messages: Sequence[Message]) -> list[OutboxMessage]:
    """Store several messages with one insert, as `enqueue` stores one.

    Return the messages that were new; a dedupe key already stored, or repeated
    in `messages`, is stored once. One event's emails to a whole team cost two
    queries this way, not two per recipient.

    :raises TransactionManagementError: if called outside `transaction.atomic`
    :raises LookupError: if no handler is registered for a topic
    :raises ValueError: if a dedupe key is empty or longer than 255 characters
    """
    if not transaction.get_connection().in_atomic_block:
        raise transaction.TransactionManagementError(
            "outbox.enqueue must run inside the transaction of the change it reports."
        )
    unique: dict[str, Message] = {}
    for message in messages:
        registry.handler_for(message.topic)
        if not message.dedupe_key or len(message.dedupe_key) > 255:
            raise ValueError("An outbox dedupe key must be 1 to 255 characters long.")
        unique.setdefault(message.dedupe_key, message)
    if not unique:
        return []
    stored_keys = set(
        OutboxMessage.objects.filter(dedupe_key__in=list(unique)).values_list(
            "dedupe_key", flat=True
        )
    )
    rows = [
        OutboxMessage(topic=m.topic, payload=m.payload, dedupe_key=m.dedupe_key)
        for key, m in unique.items()
        if key not in stored_keys
    ]
    if not rows:
        return []
    try:
        with transaction.atomic():
            stored = OutboxMessage.objects.bulk_create(rows)
    except IntegrityError:
        # Another transaction stored one of the keys since they were read.
        stored = [row for row in map(_store_one, rows) if row is not None]
    transaction.on_commit(partial(publish_many, [row.pk for row in stored]))
    return stored


def _store_one(row: OutboxMessage) -> OutboxMessage | None:
    message, created = OutboxMessage.objects.get_or_create(
        dedupe_key=row.dedupe_key, defaults={"topic": row.topic, "payload": row.payload}
    )
    return message if created else None


def publish(message_id: int) -> None:
    """Queue a Celery task to deliver the message, tolerating a broker outage.

    The message is already stored, so a failure here only delays it until the
    next sweep; the caller (often a web request) must not fail because of it.
    """
    publish_many([message_id])


def publish_many(message_ids: Sequence[int]) -> None:
    """Queue one Celery task delivering these messages together, as `publish` does.

    One task per batch rather than per message: the worker's per-task cost and
    the handlers' shared reads (see `batch`) are paid once for the batch.
    """
    from . import tasks

    if not message_ids:
        return
    try:
        tasks.outbox_deliver_many_task.delay(message_ids=list(message_ids))
    except Exception:
        logger.warning(
            "outbox: could not queue messages %s; the sweeper will deliver them",
            ", ".join(map(str, message_ids)),
            exc_info=True,
        )


def deliver_many(message_ids: Sequence[int], *, now: datetime | None = None) -> int:
    """Deliver each message as `deliver` does, as one batch; return how many were.

    Each message is still claimed, handled and marked on its own, so one failure
    retries only that message.
    """
    messages = OutboxMessage.objects.filter(pk__in=list(message_ids)).order_by("pk")
    with batch.batch(list(messages)):
        return sum(deliver(message_id, now=now) for message_id in message_ids)


def deliver(message_id: int, *, now: datetime | None = None) -> bool:
    """Run the handler for one message unless it is delivered, leased or not due.

    Return True when this call delivered the message. A handler error is
    recorded and retried later with exponential backoff; after
    `OUTBOX_MAX_ATTEMPTS` claims the message is kept as failed and logged.
    """
    clock = (lambda: now) if now else timezone.now
    claimed_at = clock()
    lease = timedelta(seconds=settings.OUTBOX_LEASE_SECONDS)
    claimed = (
        _claimable(claimed_at)
        .filter(pk=message_id)
        .update(locked_until=claimed_at + lease, attempts=F("attempts") + 1)
    )
    if not claimed:
        return False
    message = OutboxMessage.objects.get(pk=message_id)
    if message.attempts > settings.OUTBOX_MAX_ATTEMPTS:
        _give_up(message, "A worker was lost during the final attempt.", clock())
        return False
    try:
        registry.handler_for(message.topic)(message)
    except Exception:
        _record_failure(message, traceback.format_exc(), clock())
        return False
    if not _mark_delivered(message_id, clock):
        logger.warning("outbox: message %s was delivered twice", message_id)
    return True


def sweep(*, now: datetime | None = None, limit: int | None = None) -> list[int]:
    """Queue delivery of due, unleased messages, oldest first; return their ids.

    Catches every message whose queued task was lost: broker down at commit,
    worker killed mid-delivery (once its lease expires), retries after backoff.
    """
    now = now or timezone.now()
    limit = limit or settings.OUTBOX_SWEEP_BATCH
    ids = list(
        _claimable(now)
        .order_by("available_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    for message_id in ids:
        publish(message_id)
    return ids


def backoff(attempts: int) -> timedelta:
    """Return how long to wait before the next attempt after `attempts` failures."""
    return min(BACKOFF_BASE * 2 ** max(attempts - 1, 0), BACKOFF_CAP)


def _claimable(now: datetime):
    return OutboxMessage.objects.filter(
        Q(locked_until__isnull=True) | Q(locked_until__lt=now),
        delivered_at__isnull=True,
        failed_at__isnull=True,
        available_at__lte=now,
    )


def _mark_delivered(message_id: int, clock) -> int:
    # The handler's effect has already happened, so losing this write to a
    # passing database error would deliver the message again after its lease.
    for attempt in range(1, MARK_ATTEMPTS + 1):
        try:
            return OutboxMessage.objects.filter(
                pk=message_id, delivered_at__isnull=True
            ).update(delivered_at=clock(), locked_until=None, last_error="")
        except DatabaseError:
            if attempt == MARK_ATTEMPTS or transaction.get_connection().in_atomic_block:
                raise
            logger.warning(
                "outbox: could not mark message %s delivered; retrying",
                message_id,
                exc_info=True,
            )
            connection.close_if_unusable_or_obsolete()
            time.sleep(MARK_RETRY_SECONDS * attempt)
    return 0


def _record_failure(message: OutboxMessage, error: str, now: datetime) -> None:
    if message.attempts >= settings.OUTBOX_MAX_ATTEMPTS:
        _give_up(message, error, now)
        return
    retry_at = now + backoff(message.attempts)
    logger.warning(
        "outbox: message %s failed (attempt %s); retrying at %s",
        message.pk,
        message.attempts,
        retry_at.isoformat(),
    )
    OutboxMessage.objects.filter(pk=message.pk).update(
        available_at=retry_at, locked_until=None, last_error=error[-ERROR_LIMIT:]
    )


def _give_up(message: OutboxMessage, error: str, now: datetime) -> None:
    logger.error(
        "outbox: message %s (%s) failed after %s attempts and will not be retried: %s",
        message.pk,
        message.dedupe_key,
        message.attempts,
        error.strip().splitlines()[-1] if error.strip() else "",
    )
    OutboxMessage.objects.filter(pk=message.pk).update(
        failed_at=now, locked_until=None, last_error=error[-ERROR_LIMIT:]
    )
