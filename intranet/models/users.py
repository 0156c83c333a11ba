"""Staff accounts: one user per member of staff, with their place in the council."""

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse

from .organisation import Directorate, Team


class StaffUserManager(UserManager):
    def get_by_natural_key(self, username):
        return self.get(**{f"{self.model.USERNAME_FIELD}__iexact": username})


class User(AbstractUser):
    """A member of staff; signs in with their username or email address."""

    email = models.EmailField("email address", unique=True)
    employee_number = models.CharField(
        max_length=20, unique=True, null=True, blank=True
    )
    job_title = models.CharField(max_length=150, blank=True)
    directorate = models.ForeignKey(
        Directorate,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="staff",
    )
    team = models.ForeignKey(
        Team, on_delete=models.SET_NULL, null=True, blank=True, related_name="staff"
    )
    line_manager = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="direct_reports",
    )
    phone = models.CharField(max_length=40, blank=True)
    location = models.CharField(max_length=150, blank=True)

    objects = StaffUserManager()

    class Meta:
        ordering = ["last_name", "first_name"]
        indexes = [
            models.Index(Lower("last_name"), Lower("first_name"), name="user_name_idx"),
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    def get_absolute_url(self) -> str:
        return reverse("people:profile", kwargs={"username": self.username})

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username
