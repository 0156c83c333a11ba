"""Signed, expiring, one-time links that let an approver answer from an email."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.core import signing

SALT = "selfservice.approval-link"
DEFAULT_MAX_AGE = timedelta(days=7)


class LinkRefused(Exception):
    """The link cannot be used; ``reason`` says why in words for the approver."""

    def __init__(self, reason: str, *, status: int = 400):
        super().__init__(reason)
        self.reason = reason
        self.status = status


class _Signer(signing.TimestampSigner):
    def __init__(self, *, now: datetime | None = None):
        super().__init__(salt=SALT)
        self._now = now

    def timestamp(self):
        if self._now is None:
            return super().timestamp()
        return signing.b62_encode(int(self._now.timestamp()))


def max_age() -> timedelta:
    return getattr(settings, "SELFSERVICE_APPROVAL_LINK_MAX_AGE", DEFAULT_MAX_AGE)


def link_token(*, approval_id: int, approver_id: int, nonce: str, now: datetime) -> str:
    """Return a token naming the approval, its approver and the link's nonce."""
    return _Signer(now=now).sign_object(
        {"a": approval_id, "u": approver_id, "n": nonce}, compress=False
    )


def link_read(token: str) -> dict:
    """Return the approval id, approver id and nonce a token carries.

    :raises LinkRefused: if the token was altered, made up or has expired
    """
    try:
        data = _Signer().unsign_object(token, max_age=max_age())
    except signing.SignatureExpired as error:
        raise LinkRefused(
            "This link has expired. Open the request from your approvals list instead.",
            status=410,
        ) from error
    except signing.BadSignature as error:
        raise LinkRefused(
            "This link is not valid. Check you copied all of it, or open the "
            "request from your approvals list."
        ) from error
    if not isinstance(data, dict) or not {"a", "u", "n"} <= data.keys():
        raise LinkRefused("This link is not valid.")
    return data
