"""The secret that lets a calendar client fetch one person's meetings."""

from django.conf import settings
from django.db import models


class FeedToken(models.Model):
    """A person's private calendar feed key; replacing it revokes the old address."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"Calendar feed for {self.user}"
