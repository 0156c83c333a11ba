"""Outbox handlers for the outbox tests; Celery workers started by tests import it."""

import time
from pathlib import Path

from django.core.mail import send_mail

from intranet import outbox

RELEASE_WAIT_SECONDS = 60


@outbox.handler("test.email")
def send_test_email(message) -> None:
    """Send one email described by the payload."""
    send_mail(
        message.payload["subject"],
        "Sent by the outbox tests.",
        None,
        [message.payload.get("to", "someone@avonford.gov.uk")],
    )


@outbox.handler("test.fail")
def always_fail(message) -> None:
    """Fail every time, as a handler for a broken mail server would."""
    raise RuntimeError("The mail server refused the connection.")


@outbox.handler("test.blocking")
def send_after_release(message) -> None:
    """Signal that delivery started, wait for the release flag, then send.

    :raises TimeoutError: if the release flag never appears
    """
    Path(message.payload["started"]).touch()
    release = Path(message.payload["release"])
    deadline = time.monotonic() + RELEASE_WAIT_SECONDS
    while not release.exists():
        if time.monotonic() > deadline:
            raise TimeoutError("The test never released the delivery.")
        time.sleep(0.05)
    send_test_email(message)
