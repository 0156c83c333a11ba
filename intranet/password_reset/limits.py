"""How many reset requests one address, or one account, may make in a window."""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

KEY_PREFIX = "password-reset"


@dataclass(frozen=True)
class LimitReachedError(Exception):
    """Too many requests; `minutes` is how long the window lasts."""

    minutes: int


def _window_seconds() -> int:
    return int(settings.PASSWORD_RESET_LIMIT_WINDOW.total_seconds())


def _count(key: str) -> int:
    # add() starts the window only when the key is new, so the window is fixed
    # from the first request rather than extended by each one.
    cache.add(key, 0, _window_seconds())
    try:
        return cache.incr(key)
    except ValueError:
        # The key expired between add and incr: this request opens a new window.
        cache.add(key, 1, _window_seconds())
        return 1


def _account_key(email: str) -> str:
    digest = hashlib.sha256(email.strip().lower().encode()).hexdigest()
    return f"{KEY_PREFIX}:account:{digest}"


def request_count(*, email: str, address: str | None) -> None:
    """Count one reset request against its address and the account it names.

    Every request counts, whether or not the email address belongs to anyone, so
    the limit itself reveals nothing.

    :raises LimitReachedError: if either count is over its limit for this window
    """
    over = False
    if address:
        over |= (
            _count(f"{KEY_PREFIX}:address:{address}")
            > settings.PASSWORD_RESET_LIMIT_PER_ADDRESS
        )
    over |= _count(_account_key(email)) > settings.PASSWORD_RESET_LIMIT_PER_ACCOUNT
    if over:
        raise LimitReachedError(minutes=_window_seconds() // 60)
