from django.apps import AppConfig


class SelfServiceConfig(AppConfig):
    """Self-service request forms; labelled so it never collides with django.forms."""

    name = "forms"
    label = "selfservice"
    verbose_name = "Self-service forms"
    default_auto_field = "django.db.models.BigAutoField"
