"""What the messages of one delivery batch share, so handlers read common rows once.

A change that writes several messages (one event's emails to a whole team)
queues them as one batch. While `deliver_many` runs it, a handler can ask for
the batch's other messages of its topic and keep what they all need (the event,
the recipients, who may see the case) with `shared`, instead of reading it
again for each message. Outside a batch each message stands alone.
"""

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any


@dataclass
class _Batch:
    messages: Sequence
    values: dict = field(default_factory=dict)


_current: ContextVar[_Batch | None] = ContextVar("outbox_batch", default=None)


@contextmanager
def batch(messages: Sequence) -> Iterator[None]:
    """Deliver `messages` together: `batch_messages` and `shared` see them."""
    token = _current.set(_Batch(messages=list(messages)))
    try:
        yield
    finally:
        _current.reset(token)


def batch_messages(topic: str) -> list:
    """Return the current batch's messages for `topic`; none outside a batch."""
    current = _current.get()
    if current is None:
        return []
    return [message for message in current.messages if message.topic == topic]


def shared(key: Any, compute: Callable[[], Any]) -> Any:
    """Return `compute()`, computed once per batch for `key` (every call outside)."""
    current = _current.get()
    if current is None:
        return compute()
    if key not in current.values:
        current.values[key] = compute()
    return current.values[key]
