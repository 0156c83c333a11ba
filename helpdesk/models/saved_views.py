"""Filters an agent has saved under a name, to reopen a queue the way they like it."""

from django.conf import settings
from django.db import models


class SavedView(models.Model):
    """A named set of filters and a sort order one agent keeps for one queue."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="saved_case_views",
    )
    queue = models.ForeignKey(
        "helpdesk.Queue", on_delete=models.CASCADE, related_name="saved_views"
    )
    name = models.CharField(max_length=80)
    querystring = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "queue", "name"],
                name="savedview_unique_name_per_user_queue",
                violation_error_message="You already have a saved view with "
                "that name for this queue.",
            )
        ]

    def __str__(self) -> str:
        return self.name
