"""The council's structure: directorates and the teams inside them."""

from django.db import models
from django.urls import reverse


class Directorate(models.Model):
    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Team(models.Model):
    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=100, unique=True)
    directorate = models.ForeignKey(
        Directorate, on_delete=models.PROTECT, related_name="teams"
    )

    class Meta:
        ordering = ["directorate__name", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["directorate", "name"], name="team_unique_name_in_directorate"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("people:search") + f"?team={self.slug}"
