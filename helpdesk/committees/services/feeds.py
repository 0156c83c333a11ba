"""Issuing and replacing the secret address of a person's calendar feed."""

from __future__ import annotations

import secrets
from datetime import datetime

from django.db import transaction

from helpdesk.committees.models import FeedToken


@transaction.atomic
def feed_token_regenerate(*, user, now: datetime) -> FeedToken:
    """Give the user a new feed address; the old one stops working at once."""
    token, _ = FeedToken.objects.select_for_update().get_or_create(
        user=user, defaults={"token": secrets.token_urlsafe(32), "created_at": now}
    )
    token.token = secrets.token_urlsafe(32)
    token.created_at = now
    token.full_clean()
    token.save()
    return token


@transaction.atomic
def feed_token_ensure(*, user, now: datetime) -> FeedToken:
    """Return the user's feed token, creating one the first time."""
    token, _ = FeedToken.objects.get_or_create(
        user=user, defaults={"token": secrets.token_urlsafe(32), "created_at": now}
    )
    return token
