"""Create the council's directorates and teams, the service areas and the role groups."""

from django.db import migrations
from django.utils.text import slugify

DIRECTORATES = {
    "Strategy": [
        "Policy & Performance",
        "Communications",
        "Corporate Projects",
        "Economic Development",
        "Governance & Democratic Services",
    ],
    "Service Delivery": [
        "Customer Services",
        "Waste & Street Scene",
        "Countryside & Parks",
        "Culture & Theatres",
        "Property & Commercial",
    ],
    "Support Services": [
        "HR",
        "Legal",
        "Finance",
        "Digital & Design",
        "PA Support",
        "Case Management",
    ],
}

SERVICE_AREAS = [
    ("HR", "hr", "HR", "Pay, leave, recruitment, employee relations and wellbeing."),
    ("Legal", "legal", "LEG", "Contracts, legal advice, FOI and subject access support."),
    ("Finance", "finance", "FIN", "Suppliers, purchase orders, expenses and invoices."),
    (
        "Digital & Design",
        "digital",
        "DIG",
        "IT kit and access, the website, and design work.",
    ),
    ("PA Support", "pa-support", "PA", "Diaries, meetings, rooms and minute-taking."),
    (
        "Democratic Services",
        "democratic-services",
        "DEM",
        "Committee meetings, report deadlines and committee support.",
    ),
]

ROLES = [
    "Staff",
    "Line managers",
    "Case managers",
    "Specialists",
    "Business partners",
    "Democratic services officers",
    "Content editors",
    "Support services managers",
    "Administrators",
]

ADMIN_ACCESS_ROLES = ["Content editors", "Administrators"]


def create(apps, schema_editor):
    Directorate = apps.get_model("intranet", "Directorate")
    Team = apps.get_model("intranet", "Team")
    ServiceArea = apps.get_model("intranet", "ServiceArea")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")

    for directorate_name, team_names in DIRECTORATES.items():
        directorate, _ = Directorate.objects.get_or_create(
            name=directorate_name, defaults={"slug": slugify(directorate_name)}
        )
        for team_name in team_names:
            Team.objects.get_or_create(
                directorate=directorate,
                name=team_name,
                defaults={"slug": slugify(team_name.replace("&", "and"))},
            )
    for position, (name, slug, code, summary) in enumerate(SERVICE_AREAS):
        ServiceArea.objects.update_or_create(
            slug=slug,
            defaults={"name": name, "code": code, "summary": summary, "position": position},
        )

    admin_type, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin, _ = Permission.objects.get_or_create(
        content_type=admin_type,
        codename="access_admin",
        defaults={"name": "Can access Wagtail admin"},
    )
    for role in ROLES:
        group, _ = Group.objects.get_or_create(name=role)
        if role in ADMIN_ACCESS_ROLES:
            group.permissions.add(access_admin)


def remove(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("intranet", "0002_pages"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create, remove)]
