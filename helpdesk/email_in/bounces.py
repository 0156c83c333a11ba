"""The polite reply to mail from an address we do not know, sent via the outbox."""

from __future__ import annotations

from datetime import datetime
from email.utils import parseaddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.template.loader import render_to_string

from helpdesk.email_in import rules
from intranet import outbox
from intranet.mail import COUNCIL_NAME, SEND_TIMEOUT_SECONDS

TOPIC = "helpdesk.email_in.bounce"


def bounce_enqueue(
    *, to: str, subject: str, mailbox_address: str, now: datetime
) -> bool:
    """Queue the bounce in the caller's transaction; return False if this sender
    was already sent one today, so nobody gets more than one a day."""
    message = outbox.enqueue(
        topic=TOPIC,
        payload={"to": to, "subject": subject, "mailbox": mailbox_address},
        dedupe_key=f"bounce:{to.lower()}:{now.date().isoformat()}"[:255],
    )
    return message is not None


@outbox.handler(TOPIC)
def bounce_deliver(message) -> None:
    """Send one bounce, marked as automatic so other systems do not answer it."""
    payload = message.payload
    context = {
        "subject": payload.get("subject") or "(no subject)",
        "mailbox": payload.get("mailbox", ""),
        "council_name": COUNCIL_NAME,
        "site_url": settings.SITE_URL,
    }
    own = parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    email = EmailMultiAlternatives(
        subject=f"We could not accept your email: {context['subject']}"[:200],
        body=render_to_string("emails/bounce_unknown_sender.txt", context),
        to=[payload["to"]],
        headers={
            "Auto-Submitted": "auto-replied",
            rules.LOOP_HEADER: own,
            "X-Auto-Response-Suppress": "All",
        },
    )
    email.attach_alternative(
        render_to_string("emails/bounce_unknown_sender.html", context), "text/html"
    )
    email.connection = get_connection(timeout=SEND_TIMEOUT_SECONDS)
    email.send()
