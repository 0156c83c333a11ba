"""One row per auditable action; rows are never changed or removed."""

from django.conf import settings
from django.db import models


class AuditEntry(models.Model):
    class Action(models.TextChoices):
        SIGN_IN = "sign_in", "Signed in"
        SIGN_IN_FAILED = "sign_in_failed", "Sign-in failed"
        SIGN_OUT = "sign_out", "Signed out"
        ACCESS_REFUSED = "access_refused", "Access refused"
        CONFIDENTIAL_VIEW = "confidential_view", "Viewed a confidential record"
        EXPORT = "export", "Exported data"
        ROLE_CHANGE = "role_change", "Changed roles"
        PERMISSION_CHANGE = "permission_change", "Changed permissions"
        DATA_PROTECTION = "data_protection", "Data protection action"
        PASSWORD_RESET = "password_reset", "Password reset"

    at = models.DateTimeField(db_index=True)
    # DO_NOTHING without a constraint: the entry keeps the id of a removed user,
    # because the database refuses any change to an audit row.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.DO_NOTHING,
        null=True,
        blank=True,
        related_name="+",
        db_constraint=False,
    )
    actor_label = models.CharField(max_length=254, blank=True)
    action = models.CharField(max_length=32, choices=Action.choices, db_index=True)
    object_type = models.CharField(max_length=100, blank=True)
    object_id = models.CharField(max_length=100, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=255, blank=True)
    path = models.CharField(max_length=255, blank=True)
    detail = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name_plural = "audit entries"
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Audit entries cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Audit entries cannot be removed.")
