"""Seed the sample staff through the staff import, then the demo sign-in accounts."""

import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from intranet.roles import Role
from intranet.services import staff_import
from intranet.services.staff_csv import COLUMNS, StaffRow

from .staff import DEMO_ACCOUNTS, DEMO_PASSWORD, STAFF, SUPERUSERS


def demo_staff_rows() -> list[StaffRow]:
    """Return the sample staff as import rows.

    Employee numbers follow the order of STAFF, so new people go at the end.
    """
    rows = []
    for index, person in enumerate(STAFF, start=1):
        username, first, last, title, directorate, team, manager, location = person
        address = re.sub(r"[^a-z.]", "", f"{first}.{last}".lower())
        values = {
            "employee_number": f"AV{1000 + index}",
            "username": username,
            "email": f"{address}@avonford.gov.uk",
            "first_name": first,
            "last_name": last,
            "job_title": title,
            "directorate": directorate,
            "team": team,
            "line_manager": manager,
            "phone": f"01632 960{index:03d}",
            "location": location,
        }
        rows.append(StaffRow(line=index + 1, values=values))
    return rows


def demo_people_seed(*, log) -> None:
    """Create or refresh the sample staff, their role groups and demo passwords."""
    result = staff_import.staff_import(rows=demo_staff_rows(), columns=COLUMNS)
    log(f"Staff: {result.created} created, {result.updated} already there")

    user_model = get_user_model()
    usernames = [person[0] for person in STAFF]
    people = {u.username: u for u in user_model.objects.filter(username__in=usernames)}
    managers = set(
        user_model.objects.filter(direct_reports__username__in=usernames).values_list(
            "username", flat=True
        )
    )
    groups = {group.name: group for group in Group.objects.filter(name__in=Role)}
    for username, person in people.items():
        roles = [Role.STAFF, *DEMO_ACCOUNTS.get(username, [])]
        if username in managers:
            roles.append(Role.LINE_MANAGER)
        person.groups.add(*(groups[role.value] for role in roles))
    for username in DEMO_ACCOUNTS:
        _ready_for_sign_in(people[username], superuser=username in SUPERUSERS)
    log(f"Demo accounts: {', '.join(DEMO_ACCOUNTS)} (password '{DEMO_PASSWORD}')")


def _ready_for_sign_in(person, *, superuser: bool) -> None:
    changed = []
    # Checking costs one hash, as setting does, but a second run then writes nothing.
    if not person.check_password(DEMO_PASSWORD):
        person.set_password(DEMO_PASSWORD)
        changed.append("password")
    if superuser and not (person.is_superuser and person.is_staff):
        person.is_superuser = person.is_staff = True
        changed += ["is_superuser", "is_staff"]
    if changed:
        person.save(update_fields=changed)
