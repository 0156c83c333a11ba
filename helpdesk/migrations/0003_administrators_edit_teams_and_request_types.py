from django.db import migrations

from intranet.migration_operations import grant_permissions, model_codenames

ROLE = "Administrators"
CODENAMES = model_codenames(
    "supportteam",
    "membership",
    "queue",
    "requesttype",
    "cannedresponse",
)


class Migration(migrations.Migration):
    dependencies = [("helpdesk", "0002_administrators_edit_sla_and_routing")]

    operations = [grant_permissions("helpdesk", ROLE, CODENAMES)]
