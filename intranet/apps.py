from django.apps import AppConfig


class IntranetConfig(AppConfig):
    name = "intranet"
    label = "intranet"
    verbose_name = "Intranet"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from intranet.search import signals

        signals.connect()
