from django.apps import AppConfig


class CommitteesConfig(AppConfig):
    name = "helpdesk.committees"
    label = "committees"
    verbose_name = "Committee support"
    default_auto_field = "django.db.models.BigAutoField"
