"""Operations data migrations share: giving a role the permissions of new models."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ACTIONS = ("add", "change", "delete", "view")


def model_codenames(*models: str) -> list[str]:
    """Return the add, change, delete and view codenames of each model."""
    return [f"{action}_{model}" for action in ACTIONS for model in models]


def grant_permissions(app_label: str, role: str, codenames: list[str]):
    """Return a reversible operation giving `role` these permissions of `app_label`.

    Permissions are normally created after migrating; they are created here first
    so that the group can be given them in the same run.
    """

    def permissions(apps):
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
        return apps.get_model("auth", "Permission").objects.filter(
            content_type__app_label=app_label, codename__in=codenames
        )

    def grant(apps, schema_editor):
        group, _ = apps.get_model("auth", "Group").objects.get_or_create(name=role)
        group.permissions.add(*permissions(apps))

    def revoke(apps, schema_editor):
        group = apps.get_model("auth", "Group").objects.filter(name=role).first()
        if group:
            group.permissions.remove(*permissions(apps))

    return migrations.RunPython(grant, revoke)
