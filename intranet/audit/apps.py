from django.apps import AppConfig


class AuditConfig(AppConfig):
    """The append-only audit log of sign-ins, refusals, sensitive views and changes."""

    name = "intranet.audit"
    label = "audit"
    verbose_name = "Audit log"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from intranet.audit import receivers  # noqa: F401
