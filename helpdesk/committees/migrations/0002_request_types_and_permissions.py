from django.contrib.auth.management import create_permissions
from django.db import migrations

# slug, name, service area slug, description
REQUEST_TYPES = [
    (
        "committee-support-booking",
        "Committee support booking",
        "democratic-services",
        "Everything one committee meeting needs from Support Services.",
    ),
    (
        "committee-room-set-up",
        "Committee room set-up",
        "pa-support",
        "Set out a committee room in the layout asked for.",
    ),
    (
        "committee-refreshments",
        "Committee refreshments",
        "pa-support",
        "Refreshments for a committee meeting.",
    ),
    (
        "committee-webcasting-av",
        "Webcasting and AV",
        "digital",
        "Webcast a committee meeting and run its microphones and screens.",
    ),
    (
        "committee-legal-adviser",
        "Legal adviser for committee",
        "legal",
        "A lawyer to advise a committee, read its reports and attend.",
    ),
    (
        "committee-minute-taker",
        "Minute-taker",
        "pa-support",
        "Take the minutes of a committee meeting and circulate the draft.",
    ),
    (
        "committee-agenda-pack-printing",
        "Agenda pack printing",
        "pa-support",
        "Print and send out a committee's agenda packs.",
    ),
]

MODELS = ["committee", "venue", "meeting"]
GRANTS = {
    "Democratic services officers": ["add", "change", "view"],
    "Administrators": ["add", "change", "delete", "view"],
}


def _permissions(apps, actions):
    app_config = apps.get_app_config("committees")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    return apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label="committees",
        codename__in=[f"{action}_{model}" for action in actions for model in MODELS],
    )


def create(apps, schema_editor):
    RequestType = apps.get_model("helpdesk", "RequestType")
    ServiceArea = apps.get_model("intranet", "ServiceArea")
    for slug, name, area_slug, description in REQUEST_TYPES:
        area = ServiceArea.objects.filter(slug=area_slug).first()
        if area is None:
            continue
        RequestType.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "service_area": area, "description": description},
        )
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    access_admin = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    for role, actions in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.add(*_permissions(apps, actions))
        if access_admin is not None:
            group.permissions.add(access_admin)


def remove(apps, schema_editor):
    RequestType = apps.get_model("helpdesk", "RequestType")
    Case = apps.get_model("helpdesk", "Case")
    slugs = [slug for slug, *_ in REQUEST_TYPES]
    unused = RequestType.objects.filter(slug__in=slugs).exclude(
        pk__in=Case.objects.values("request_type_id")
    )
    unused.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("committees", "0001_initial"),
        ("intranet", "0003_organisation_and_roles"),
    ]

    operations = [migrations.RunPython(create, remove)]
