"""The log of review reminders, so each owner hears once per review cycle."""

from django.db import models


class ReviewReminder(models.Model):
    """A reminder queued for the owner of one article, for one review due date."""

    article = models.ForeignKey(
        "knowledge.KnowledgeArticlePage",
        on_delete=models.CASCADE,
        related_name="review_reminders",
    )
    due_date = models.DateField()
    recipient = models.ForeignKey(
        "intranet.User", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "due_date"], name="review_reminder_once_per_cycle"
            )
        ]

    def __str__(self) -> str:
        return f"{self.article} (due {self.due_date:%d %b %Y})"
