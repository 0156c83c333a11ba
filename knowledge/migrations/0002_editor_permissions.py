"""Let content editors manage topics and attach documents to articles."""

from django.db import migrations

TOPIC_ACTIONS = ["add", "change", "delete", "view"]
DOCUMENT_ACTIONS = ["add", "change", "choose"]


def permission(apps, app_label, model, action):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    found, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=f"{action}_{model}",
        defaults={"name": f"Can {action} {model}"},
    )
    return found


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    editors = Group.objects.filter(name="Content editors").first()
    if editors is None:
        return
    for action in TOPIC_ACTIONS:
        editors.permissions.add(permission(apps, "knowledge", "topic", action))
    root = Collection.objects.filter(depth=1).first()
    if root is None:
        return
    for action in DOCUMENT_ACTIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=editors,
            collection=root,
            permission=permission(apps, "wagtaildocs", "document", action),
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    editors = Group.objects.filter(name="Content editors").first()
    if editors is not None:
        editors.permissions.remove(
            *editors.permissions.filter(content_type__app_label="knowledge")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0001_initial"),
        ("intranet", "0003_organisation_and_roles"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
