"""Inbound mailboxes per service area, and the log of every message they received."""

from django.db import models


class InboundMailbox(models.Model):
    """Where mail to one service-area address is collected: IMAP or a folder.

    The IMAP password is never stored here: ``password_env`` names the
    environment variable that holds it.
    """

    class Kind(models.TextChoices):
        IMAP = "imap", "IMAP mailbox"
        DIRECTORY = "directory", "Drop directory"

    service_area = models.ForeignKey(
        "intranet.ServiceArea", on_delete=models.PROTECT, related_name="mailboxes"
    )
    address = models.EmailField(unique=True)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    host = models.CharField(max_length=255, blank=True)
    port = models.PositiveIntegerField(default=993)
    use_ssl = models.BooleanField(default=True)
    username = models.CharField(max_length=255, blank=True)
    password_env = models.CharField(
        "password environment variable",
        max_length=100,
        blank=True,
        help_text="Name of the environment variable holding the IMAP password.",
    )
    folder = models.CharField(
        max_length=500,
        default="INBOX",
        help_text="IMAP folder, or the drop directory's path on the server.",
    )
    default_request_type = models.ForeignKey(
        "helpdesk.RequestType", on_delete=models.PROTECT, related_name="mailboxes"
    )
    enabled = models.BooleanField(default=True)

    class Meta:
        ordering = ["address"]
        verbose_name_plural = "inbound mailboxes"

    def __str__(self) -> str:
        return self.address


class InboundMessage(models.Model):
    """One received email and what became of it; its Message-ID makes ingest safe
    to repeat."""

    class Outcome(models.TextChoices):
        CASE_CREATED = "case_created", "Case created"
        REPLY_ADDED = "reply_added", "Reply added"
        BOUNCED = "bounced", "Bounced to an unknown sender"
        IGNORED_AUTO_REPLY = "ignored_auto_reply", "Ignored: automatic reply"
        IGNORED_LOOP = "ignored_loop", "Ignored: mail loop"
        REJECTED = "rejected", "Rejected"

    message_id = models.CharField(max_length=255, unique=True)
    mailbox = models.ForeignKey(
        InboundMailbox,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="messages",
    )
    sender = models.CharField(max_length=255, blank=True)
    subject = models.CharField(max_length=255, blank=True)
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    case = models.ForeignKey(
        "helpdesk.Case",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inbound_messages",
    )
    detail = models.TextField(blank=True)
    received_at = models.DateTimeField()

    class Meta:
        ordering = ["-received_at", "-pk"]
        indexes = [
            models.Index(
                fields=["sender", "outcome", "received_at"],
                name="inbound_sender_outcome_idx",
            )
        ]

    def __str__(self) -> str:
        return f"{self.message_id}: {self.get_outcome_display()}"
