"""Reset links and password-changed notices, sent by the outbox's worker.

The reset link's token is made when the email is sent, never stored: the outbox
row holds only whom to write to. A token stays valid for PASSWORD_RESET_TIMEOUT
and stops working once the password changes.
"""

from __future__ import annotations

import logging
import uuid
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMultiAlternatives, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from intranet import outbox
from intranet.mail import COUNCIL_NAME, SEND_TIMEOUT_SECONDS, message_id, site_url
from intranet.sso.policy import local_sign_in_allowed

logger = logging.getLogger(__name__)

TOPIC = "accounts.email"
SUBJECTS = {
    "password_reset_link": "Reset your intranet password",
    "password_changed": "Your intranet password has been changed",
}


def reset_link_queue(*, user) -> None:
    """Queue a reset link for the user, in the caller's transaction."""
    _enqueue(user, "password_reset_link")


def password_changed_queue(*, user) -> None:
    """Queue the notice that the user's password was changed."""
    _enqueue(user, "password_changed")


def _enqueue(user, template: str) -> None:
    # Each request is its own email; the limits in `limits` bound how many.
    outbox.enqueue(
        topic=TOPIC,
        payload={"user_id": user.pk, "template": template},
        dedupe_key=f"accounts:{template}:{user.pk}:{uuid.uuid4().hex}",
    )


def reset_link_url(user) -> str:
    """Return a fresh, signed reset link for the user."""
    uidb64 = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    path = reverse("password-reset-confirm", args=[uidb64, token])
    return site_url(path)


@outbox.handler(TOPIC)
def email_deliver(message) -> None:
    """Send one account email, unless it no longer applies.

    Nothing is sent to an account that is gone, inactive, has no email address or
    may not use a local password, nor a reset link whose request is older than a
    link would last.

    :raises LookupError: for a template this module does not know
    """
    template = message.payload["template"]
    if template not in SUBJECTS:
        raise LookupError(f"No account email is called {template!r}.")
    user = (
        get_user_model()
        .objects.filter(pk=message.payload["user_id"], is_active=True)
        .first()
    )
    if user is None or not user.email:
        logger.info("account email %s: the account is gone or inactive", message.pk)
        return
    context = {
        "recipient": user,
        "subject": SUBJECTS[template],
        "council_name": COUNCIL_NAME,
        "case": None,
        "case_url": None,
        "sign_in_url": site_url(reverse("login")),
        "reset_url": site_url(reverse("password-reset")),
        "valid_minutes": settings.PASSWORD_RESET_TIMEOUT // 60,
    }
    if template == "password_reset_link":
        expired = message.created_at + timedelta(
            seconds=settings.PASSWORD_RESET_TIMEOUT
        )
        if expired < timezone.now():
            logger.info("reset link %s: the request is too old to honour", message.pk)
            return
        if not (user.has_usable_password() and local_sign_in_allowed(user)):
            logger.info("reset link %s: no local password to reset", message.pk)
            return
        context["link_url"] = reset_link_url(user)
    email = EmailMultiAlternatives(
        subject=SUBJECTS[template],
        body=render_to_string(f"emails/{template}.txt", context),
        to=[user.email],
        headers={
            "Message-ID": message_id("accounts", message.dedupe_key),
            "Auto-Submitted": "auto-generated",
        },
    )
    email.attach_alternative(
        render_to_string(f"emails/{template}.html", context), "text/html"
    )
    email.connection = get_connection(timeout=SEND_TIMEOUT_SECONDS)
    email.send()
