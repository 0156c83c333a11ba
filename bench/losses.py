"""Check that a load run lost nothing: submissions stored and opened, outbox sent."""

from __future__ import annotations

import re
import time
from datetime import datetime

import redis
from django.db.models import Q
from django.utils import timezone

from forms.models import Submission
from intranet.models import OutboxMessage

SUBMISSION_PATH = re.compile(r"/submissions/(\d+)/")


def now() -> datetime:
    return timezone.now()


def reset_broker(broker_url: str) -> None:
    """Empty the benchmark's own broker database, so old tasks cannot interfere."""
    redis.Redis.from_url(broker_url).flushdb()


def submission_ids(locations: list[str]) -> set[int]:
    """Return the submission ids the redirects after each accepted submit name."""
    return {
        int(match.group(1))
        for match in map(SUBMISSION_PATH.search, locations)
        if match is not None
    }


def check(*, accepted: list[str], since: datetime, settle: float) -> dict:
    """Wait up to ``settle`` seconds for the background work to finish, then
    count what was stored, opened as cases and delivered."""
    ids = submission_ids(accepted)
    outbox = OutboxMessage.objects.filter(created_at__gte=since)
    deadline = time.monotonic() + settle
    while True:
        stored = Submission.objects.filter(pk__in=ids)
        opened = stored.filter(case__isnull=False).count()
        pending = outbox.filter(
            delivered_at__isnull=True, failed_at__isnull=True
        ).count()
        if (opened == len(ids) and not pending) or time.monotonic() > deadline:
            break
        time.sleep(2)
    stored_count = stored.count()
    failed = outbox.filter(~Q(failed_at=None)).count()
    delivered = outbox.filter(~Q(delivered_at=None)).count()
    # Pending work is late, not lost (the outbox keeps it), but a run that ends
    # with any has not shown the whole flow finishing, so it counts against it.
    lost = (len(ids) - stored_count) + failed
    unfinished = (stored_count - opened) + pending
    return {
        "accepted": len(ids),
        "stored": stored_count,
        "opened": opened,
        "outbox": outbox.count(),
        "delivered": delivered,
        "pending": pending,
        "failed": failed,
        "lost": lost,
        "unfinished": unfinished,
        "lines": [
            f"Form submissions: {len(ids)} accepted, {stored_count} stored, "
            f"{opened} opened as cases.",
            f"Outbox messages since the start: {outbox.count()}, {delivered} "
            f"delivered, {pending} pending, {failed} failed.",
            f"LOST: {lost} item(s)." if lost else "Nothing lost.",
            f"UNFINISHED after {settle:.0f} s: {unfinished} item(s) still pending."
            if unfinished
            else "All background work finished.",
        ],
    }
