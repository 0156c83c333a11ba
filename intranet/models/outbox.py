"""Durable outbox: messages stored with the change that caused them, sent later."""

from django.db import models
from django.db.models import Q
from django.utils import timezone


class OutboxMessage(models.Model):
    """One unit of background work (an email, an index update) awaiting delivery.

    A message is written in the same transaction as the change it reports, so it
    exists exactly when that change does; `intranet.outbox` delivers it.
    """

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        DELIVERED = "delivered", "Delivered"
        FAILED = "failed", "Failed"

    topic = models.CharField(max_length=100)
    payload = models.JSONField(default=dict)
    dedupe_key = models.CharField(max_length=255, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    available_at = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    locked_until = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    failed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(
                fields=["available_at"],
                name="outbox_pending_idx",
                condition=Q(delivered_at__isnull=True, failed_at__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.topic} {self.dedupe_key} ({self.status})"

    @property
    def status(self) -> str:
        if self.delivered_at:
            return self.Status.DELIVERED
        if self.failed_at:
            return self.Status.FAILED
        return self.Status.PENDING
