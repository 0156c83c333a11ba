from django.db import migrations

from intranet.migration_operations import grant_permissions, model_codenames

ROLE = "Administrators"
CODENAMES = model_codenames(
    "businesscalendar",
    "closureday",
    "slapolicy",
    "slatarget",
    "routingrule",
)


class Migration(migrations.Migration):
    dependencies = [
        ("helpdesk", "0001_initial"),
        ("intranet", "0003_organisation_and_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [grant_permissions("helpdesk", ROLE, CODENAMES)]
