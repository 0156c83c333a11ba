"""The review reminder email, queued through the outbox and sent by its worker."""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from intranet import outbox
from intranet.mail import SEND_TIMEOUT_SECONDS, message_id, site_url
from knowledge import reviews
from knowledge.models import ReviewReminder

logger = logging.getLogger(__name__)

TOPIC = "knowledge.email"


def reminder_queue(*, owner, reminders: list[ReviewReminder]) -> None:
    """Queue one email to the owner about these new reminders, in the caller's
    transaction."""
    ids = sorted(reminder.pk for reminder in reminders)
    outbox.enqueue(
        topic=TOPIC,
        payload={"recipient_id": owner.pk, "reminder_ids": ids},
        # A reminder row exists once per article and review date, so its id
        # names this email for good.
        dedupe_key=f"knowledge:review:{owner.pk}:{ids[0]}",
    )


@outbox.handler(TOPIC)
def email_deliver(message) -> None:
    """Send one reminder email about the articles still owned by its recipient.

    Articles deleted, given to someone else, or reviewed since are left out;
    with none left, or the owner gone, nothing is sent.
    """
    payload = message.payload
    reminders = [
        reminder
        for reminder in ReviewReminder.objects.filter(
            pk__in=payload["reminder_ids"], recipient_id=payload["recipient_id"]
        ).select_related("article", "recipient")
        if reminder.article.owner_person_id == payload["recipient_id"]
        and reminder.article.next_review_date == reminder.due_date
    ]
    if not reminders or not reminders[0].recipient.email:
        logger.info("review reminder %s: nothing left to remind about", message.pk)
        return
    owner = reminders[0].recipient
    email = EmailMessage(
        subject=_subject(len(reminders)),
        body=render_to_string(
            "knowledge/emails/review_reminder.txt",
            {"owner": owner, "rows": _rows(reminders, timezone.localdate())},
        ),
        to=[owner.email],
        headers={
            "Message-ID": message_id("knowledge", message.dedupe_key),
            "Auto-Submitted": "auto-generated",
        },
    )
    email.connection = get_connection(timeout=SEND_TIMEOUT_SECONDS)
    email.send()


def _subject(count: int) -> str:
    return f"{count} knowledge article{'s' if count > 1 else ''} due for review"


def _rows(reminders: list[ReviewReminder], today: datetime.date) -> list[dict]:
    return [
        {
            "article": reminder.article,
            "overdue": reviews.review_status(
                next_review_date=reminder.due_date, today=today
            )
            == reviews.ReviewStatus.OVERDUE,
            "url": site_url(reminder.article.get_url() or ""),
            "edit_url": settings.WAGTAILADMIN_BASE_URL
            + reverse("wagtailadmin_pages:edit", args=[reminder.article.pk]),
        }
        for reminder in sorted(reminders, key=lambda r: r.article.title)
    ]
