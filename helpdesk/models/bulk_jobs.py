"""One agent's change to many cases at once, and what happened to each case."""

from django.conf import settings
from django.db import models


class BulkJob(models.Model):
    """A bulk action over selected cases, with a result recorded per case."""

    class Action(models.TextChoices):
        ASSIGN = "assign", "Assign"
        TRANSFER = "transfer", "Transfer"
        CHANGE_STATUS = "change_status", "Change status"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="bulk_jobs"
    )
    action = models.CharField(max_length=20, choices=Action.choices)
    parameters = models.JSONField(default=dict, blank=True)
    case_ids = models.JSONField(default=list)
    results = models.JSONField(
        default=list,
        blank=True,
        help_text="One entry per case done: case_id, reference, ok, message.",
    )
    created_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} {len(self.case_ids)} cases"

    @property
    def total(self) -> int:
        return len(self.case_ids)

    @property
    def done(self) -> int:
        return len(self.results)

    @property
    def percent(self) -> int:
        return 100 if not self.total else self.done * 100 // self.total

    @property
    def is_finished(self) -> bool:
        return self.finished_at is not None

    @property
    def changed(self) -> int:
        return sum(1 for result in self.results if result["ok"])
