from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLE = "Administrators"
# Mailboxes are settings to manage; the message log is a record, so view only.
CODENAMES = [
    "add_inboundmailbox",
    "change_inboundmailbox",
    "delete_inboundmailbox",
    "view_inboundmailbox",
    "view_inboundmessage",
]


def _permissions(apps):
    # Permissions are normally created after migrating; create them now so the
    # group can be given them in the same run.
    app_config = apps.get_app_config("helpdesk")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    return apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label="helpdesk", codename__in=CODENAMES
    )


def grant(apps, schema_editor):
    group, _ = apps.get_model("auth", "Group").objects.get_or_create(name=ROLE)
    group.permissions.add(*_permissions(apps))


def revoke(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name=ROLE).first()
    if group:
        group.permissions.remove(*_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("helpdesk", "0009_due_changed_event"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
