"""Transactional outbox: background work that survives broker and worker failures.

Callers write a message with `enqueue(topic=..., payload=..., dedupe_key=...)`
inside the transaction of the change it reports, so the message exists exactly
when the change does. After commit a Celery task delivers it by running the
handler registered for its topic (`@outbox.handler("helpdesk.email")`); a beat
task, `sweep`, re-queues every message whose task was lost.

The guarantee, step by step:

* One task per batch. The messages one `enqueue_many` call writes (say, one
  event's emails to a team) are delivered by one Celery task (`batch`): each
  is still claimed, handled and marked on its own, but handlers may read what
  they share once.
* Nothing is lost. A broker outage when the transaction commits is logged and
  swallowed (the caller never fails because of it); the message stays pending
  and the sweeper, running every minute, queues it once the broker is back.
* One message per (event, recipient). The dedupe key is unique, and enqueueing
  an existing key does nothing.
* One delivery at a time. `deliver` claims a message with a conditional UPDATE
  that sets a lease (`locked_until`) and counts the attempt; while the lease
  lasts nobody else claims it. A worker killed mid-delivery leaves the lease to
  expire, and the sweeper then queues the message again.
* A delivered message is never delivered again. Straight after the handler
  returns, `delivered_at` is written in its own committed UPDATE, and every
  claim requires it to be empty.
* Failures retry with exponential backoff (1, 2, 4 ... minutes, at most six
  hours). After `OUTBOX_MAX_ATTEMPTS` attempts the message is kept as failed
  (`failed_at`, `last_error`) and logged at error level, for someone to look at.

Handlers therefore run at least once and, in all but one case, exactly once.
The one duplicate window is a worker that dies, or outlives its lease, after the
handler's external effect (the SMTP server accepting an email) but before the
`delivered_at` UPDATE commits. To keep that window as small as it can be,
handlers make their external effect their last step, bound it by a timeout well
inside `OUTBOX_LEASE_SECONDS`, and label it with an identifier derived from the
message (emails carry a deterministic Message-ID), so the receiving side can
recognise a repeat.
"""

from .batch import batch_messages, shared
from .delivery import (
    Message,
    backoff,
    deliver,
    deliver_many,
    enqueue,
    enqueue_many,
    publish,
    publish_many,
    sweep,
)
from .registry import handler, handler_for, register

__all__ = [
    "Message",
    "backoff",
    "batch_messages",
    "deliver",
    "deliver_many",
    "enqueue",
    "enqueue_many",
    "handler",
    "handler_for",
    "publish",
    "publish_many",
    "register",
    "shared",
    "sweep",
]
