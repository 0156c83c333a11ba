from django.apps import AppConfig


class HelpdeskConfig(AppConfig):
    name = "helpdesk"
    label = "helpdesk"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Hooks registered outside wagtail_hooks.py load with the app.
        from helpdesk.reports import navigation  # noqa: F401
