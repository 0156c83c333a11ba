from django.apps import AppConfig


class DataProtectionConfig(AppConfig):
    """Subject access exports, assembled from every app's ``data_protection``."""

    name = "intranet.data_protection"
    label = "data_protection"
    verbose_name = "Data protection"

    def ready(self):
        # The intranet's own provider, then every other app's.
        from intranet.data_protection import providers, registry  # noqa: F401

        registry.autodiscover()
