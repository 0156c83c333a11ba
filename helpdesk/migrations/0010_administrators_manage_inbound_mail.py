from django.db import migrations

from intranet.migration_operations import grant_permissions

ROLE = "Administrators"
# Mailboxes are settings to manage; the message log is a record, so view only.
CODENAMES = [
    "add_inboundmailbox",
    "change_inboundmailbox",
    "delete_inboundmailbox",
    "view_inboundmailbox",
    "view_inboundmessage",
]


class Migration(migrations.Migration):
    dependencies = [
        ("helpdesk", "0009_due_changed_event"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [grant_permissions("helpdesk", ROLE, CODENAMES)]
