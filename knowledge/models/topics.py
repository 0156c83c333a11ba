"""Topics: the subjects articles are grouped by, such as pay or IT access."""

from django.db import models
from django.urls import reverse
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Topic(index.Indexed, models.Model):
    """A subject shared by several articles, optionally within one service area."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    service_area = models.ForeignKey(
        "intranet.ServiceArea",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="topics",
        help_text="Leave empty for topics that span service areas.",
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("service_area")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("knowledge:topic", kwargs={"slug": self.slug})
