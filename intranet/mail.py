"""What every outgoing email shares: who sends it, its links and its identifiers."""

from email.utils import parseaddr

from django.conf import settings

COUNCIL_NAME = "Avonford Borough Council"
# Inside the outbox's lease, so a stuck SMTP server cannot outlast the claim.
SEND_TIMEOUT_SECONDS = 60


def mail_domain() -> str:
    """Return the domain of the sending address, for Message-IDs and loop headers."""
    address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    return address.rpartition("@")[2] or "localhost"


def message_id(kind: str, dedupe_key: str) -> str:
    """Return the Message-ID for an outbox message: the same on every retry."""
    return f"<{kind}.{dedupe_key.replace(':', '.')}@{mail_domain()}>"


def site_url(path: str) -> str:
    """Return the absolute address of a path on this site."""
    return settings.SITE_URL.rstrip("/") + path
