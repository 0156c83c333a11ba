"""What the intranet itself holds about a person: their staff record and roles."""

from intranet.data_protection import registry


@registry.register("intranet")
def subject_data(user) -> registry.SubjectData:
    """Return the person's staff record, roles and direct line manager."""
    manager = user.line_manager
    profile = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "employee_number": user.employee_number,
        "job_title": user.job_title,
        "directorate": str(user.directorate) if user.directorate_id else None,
        "team": str(user.team) if user.team_id else None,
        "line_manager": str(manager) if manager else None,
        "phone": user.phone,
        "location": user.location,
        "active": user.is_active,
        "date_joined": user.date_joined,
        "last_login": user.last_login,
    }
    roles = [{"role": name} for name in user.groups.values_list("name", flat=True)]
    return registry.SubjectData(records={"profile": [profile], "roles": roles})
