"""Service areas: the six parts of Support Services a request can be for."""

from django.db import models


class ServiceArea(models.Model):
    """HR, Legal, Finance, Digital & Design, PA Support or Democratic Services."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=50, unique=True)
    code = models.CharField(
        max_length=5,
        unique=True,
        help_text="Prefix of case references, such as HR in HR-000123.",
    )
    summary = models.CharField(max_length=255, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name
