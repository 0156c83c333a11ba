"""Which function delivers each outbox topic."""

from collections.abc import Callable

from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import autodiscover_modules

Handler = Callable[..., None]

_handlers: dict[str, Handler] = {}
_discovered = False


def register(topic: str, func: Handler) -> Handler:
    """Make `func(message)` the delivery function for `topic`.

    :raises ImproperlyConfigured: if another function already delivers `topic`
    """
    current = _handlers.get(topic)
    if current is not None and _name(current) != _name(func):
        raise ImproperlyConfigured(
            f"Outbox topic {topic!r} is already delivered by {_name(current)}."
        )
    _handlers[topic] = func
    return func


def handler(topic: str) -> Callable[[Handler], Handler]:
    """Register the decorated function as the delivery function for `topic`."""

    def decorate(func: Handler) -> Handler:
        return register(topic, func)

    return decorate


def handler_for(topic: str) -> Handler:
    """Return the delivery function for `topic`.

    Handlers are registered when their app's `tasks` module is imported, which a
    Celery worker does at start; a web process delivering in-process may not have
    imported it yet, so look there once before giving up.

    :raises LookupError: if no app registers a handler for `topic`
    """
    global _discovered
    if topic not in _handlers and not _discovered:
        autodiscover_modules("tasks")
        _discovered = True
    try:
        return _handlers[topic]
    except KeyError:
        raise LookupError(f"No outbox handler is registered for {topic!r}.") from None


def _name(func: Handler) -> str:
    return f"{func.__module__}.{func.__qualname__}"
