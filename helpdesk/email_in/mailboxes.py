"""Where inbound mail is collected: an IMAP mailbox or a drop directory.

Each source yields (key, raw bytes) and is told afterwards whether the message
was dealt with; `mailbox_poll` runs one mailbox, `mailboxes_poll` all of them.
"""

from __future__ import annotations

import imaplib
import logging
import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from helpdesk.email_in import services
from helpdesk.models import InboundMailbox

logger = logging.getLogger(__name__)

IMAP_TIMEOUT_SECONDS = 30
MAX_MESSAGES_PER_POLL = 200


class DirectorySource:
    """A folder of ``*.eml`` files; each moves to ``processed/`` or ``failed/``."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)

    def __enter__(self) -> DirectorySource:
        if not self.path.is_dir():
            raise ImproperlyConfigured(
                f"The drop directory {self.path} does not exist."
            )
        return self

    def __exit__(self, *exc_info) -> None:
        return None

    def messages(self) -> Iterator[tuple[str, bytes]]:
        for file in sorted(self.path.glob("*.eml"))[:MAX_MESSAGES_PER_POLL]:
            try:
                yield file.name, file.read_bytes()
            except FileNotFoundError:
                continue  # another poller took it first

    def done(self, key: str, *, ok: bool) -> None:
        folder = self.path / ("processed" if ok else "failed")
        folder.mkdir(exist_ok=True)
        try:
            shutil.move(self.path / key, folder / key)
        except FileNotFoundError:
            logger.info("email-in: %s was already moved", key)


class ImapSource:
    """An IMAP folder: reads unseen messages, marks each seen once dealt with.

    A message that fails stays unseen, so the next poll tries it again.
    """

    def __init__(
        self,
        mailbox: InboundMailbox,
        *,
        connect: Callable[..., imaplib.IMAP4] | None = None,
    ) -> None:
        self.mailbox = mailbox
        self.connect = connect or (
            imaplib.IMAP4_SSL if mailbox.use_ssl else imaplib.IMAP4
        )
        self.connection: imaplib.IMAP4 | None = None

    def _password(self) -> str:
        name = self.mailbox.password_env
        password = os.environ.get(name, "") if name else ""
        if not password:
            raise ImproperlyConfigured(
                f"Set the environment variable {name or '(none named)'} to the "
                f"password of {self.mailbox.address}."
            )
        return password

    def __enter__(self) -> ImapSource:
        password = self._password()
        self.connection = self.connect(
            self.mailbox.host, self.mailbox.port, timeout=IMAP_TIMEOUT_SECONDS
        )
        self.connection.login(self.mailbox.username, password)
        status, _ = self.connection.select(self.mailbox.folder)
        if status != "OK":
            raise ImproperlyConfigured(
                f"{self.mailbox.address}: cannot open folder {self.mailbox.folder}."
            )
        return self

    def __exit__(self, *exc_info) -> None:
        if self.connection is None:
            return
        try:
            self.connection.logout()
        except (imaplib.IMAP4.error, OSError):
            logger.info("email-in: logout from %s failed", self.mailbox.address)

    def messages(self) -> Iterator[tuple[str, bytes]]:
        status, data = self.connection.uid("SEARCH", None, "UNSEEN")
        if status != "OK" or not data or not data[0]:
            return
        for uid in data[0].split()[:MAX_MESSAGES_PER_POLL]:
            # PEEK leaves the message unseen until it has been dealt with.
            status, parts = self.connection.uid("FETCH", uid, "(BODY.PEEK[])")
            raw = next(
                (part[1] for part in parts or () if isinstance(part, tuple)), None
            )
            if status == "OK" and raw:
                yield uid.decode(), raw

    def done(self, key: str, *, ok: bool) -> None:
        if ok:
            self.connection.uid("STORE", key, "+FLAGS", "(\\Seen)")


@dataclass
class PollResult:
    processed: int = 0
    failed: int = 0
    outcomes: dict[str, int] = field(default_factory=dict)


def source_for(mailbox: InboundMailbox, **options):
    """Return the source that reads this mailbox."""
    if mailbox.kind == InboundMailbox.Kind.DIRECTORY:
        return DirectorySource(mailbox.folder)
    return ImapSource(mailbox, **options)


def mailbox_poll(
    *, mailbox: InboundMailbox, now: Callable[[], datetime], source=None
) -> PollResult:
    """Ingest every waiting message of one mailbox; one bad message never stops
    the rest."""
    result = PollResult()
    with source or source_for(mailbox) as opened:
        for key, raw in opened.messages():
            try:
                logged = services.mail_ingest(raw_bytes=raw, mailbox=mailbox, now=now())
            except Exception:
                logger.exception("email-in: %s message %s failed", mailbox, key)
                opened.done(key, ok=False)
                result.failed += 1
                continue
            opened.done(key, ok=True)
            result.processed += 1
            result.outcomes[logged.outcome] = result.outcomes.get(logged.outcome, 0) + 1
    return result


def mailboxes_poll(*, now: Callable[[], datetime]) -> dict[str, PollResult]:
    """Poll every enabled mailbox; a mailbox that cannot be reached is logged and
    skipped."""
    results = {}
    for mailbox in InboundMailbox.objects.filter(enabled=True).select_related(
        "default_request_type__service_area"
    ):
        try:
            results[mailbox.address] = mailbox_poll(mailbox=mailbox, now=now)
        except (ImproperlyConfigured, imaplib.IMAP4.error, OSError):
            logger.exception("email-in: cannot read %s", mailbox.address)
    return results
