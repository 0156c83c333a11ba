"""The database search index and the log of searches that found nothing."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models


class SearchEntry(models.Model):
    """One prepared, searchable document: a page, a person or a case.

    The indexing service keeps these rows in step with the objects they describe;
    the database backend searches them and the Elasticsearch index is built from
    them, so both backends always hold the same documents.
    """

    class Scope(models.TextChoices):
        PUBLIC = "public", "Everyone"
        AGENT_CASE = "agent-case", "Agents who may see the case"

    object_type = models.CharField(max_length=40)
    object_id = models.PositiveBigIntegerField()
    title = models.CharField(max_length=255)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=500)
    service_area = models.CharField(
        max_length=50, blank=True, help_text="Slug of the service area, if any."
    )
    topics = models.JSONField(default=list, blank=True)
    facets = models.JSONField(
        default=dict,
        blank=True,
        help_text="Display labels of the facet values, such as the service area name.",
    )
    scope = models.CharField(max_length=20, choices=Scope.choices, default=Scope.PUBLIC)
    updated_at = models.DateTimeField(null=True, blank=True)
    indexed_at = models.DateTimeField(auto_now=True)
    # Filled on PostgreSQL only; SQLite keeps its full-text index in an FTS5 table.
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name_plural = "search entries"
        constraints = [
            models.UniqueConstraint(
                fields=["object_type", "object_id"], name="search_entry_unique_object"
            )
        ]
        indexes = [
            models.Index(fields=["scope", "object_type"], name="search_entry_scope_idx")
        ]

    def __str__(self) -> str:
        return f"{self.object_type} {self.object_id}: {self.title}"


class SearchQueryLog(models.Model):
    """A search that found nothing, kept so editors can fill the gap."""

    query = models.CharField(max_length=200, help_text="Lower case, spaces collapsed.")
    results_count = models.PositiveIntegerField(default=0)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    backend = models.CharField(max_length=20, blank=True)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["created_at"], name="search_log_created_idx")]

    def __str__(self) -> str:
        return f"{self.query!r} ({self.results_count})"
