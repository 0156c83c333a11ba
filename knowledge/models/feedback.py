"""What readers tell us about articles, and the requests articles and forms avoided."""

from django.conf import settings
from django.db import models

COMMENT_MAX_LENGTH = 1000


class ArticleFeedback(models.Model):
    """One reader's answer to "Did this answer your question?" on one day."""

    article = models.ForeignKey(
        "knowledge.KnowledgeArticlePage",
        on_delete=models.CASCADE,
        related_name="feedback",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="article_feedback",
    )
    helpful = models.BooleanField()
    comment = models.TextField(max_length=COMMENT_MAX_LENGTH, blank=True)
    feedback_date = models.DateField(
        help_text="The day in Europe/London: one answer per reader per article a day."
    )
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "article feedback"
        constraints = [
            models.UniqueConstraint(
                fields=["article", "user", "feedback_date"],
                name="article_feedback_once_per_user_per_day",
            )
        ]

    def __str__(self) -> str:
        answer = "helpful" if self.helpful else "not helpful"
        return f"{self.article}: {answer} ({self.feedback_date:%d %b %Y})"


class SelfServiceResolution(models.Model):
    """A need met without a case: an article answered it or a form resolved it."""

    class Source(models.TextChoices):
        ARTICLE = "article", "Knowledge article"
        FORM = "form", "Request form"

    source = models.CharField(max_length=20, choices=Source.choices)
    article = models.ForeignKey(
        "knowledge.KnowledgeArticlePage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="self_service_resolutions",
    )
    form_page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    feedback = models.OneToOneField(
        ArticleFeedback,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="resolution",
        help_text="The reader's answer that recorded this resolution, if any.",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="self_service_resolutions",
    )
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["source", "created_at"])]

    def __str__(self) -> str:
        return f"{self.get_source_display()} resolution at {self.created_at:%d %b %Y}"
