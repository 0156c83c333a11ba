"""Who may read the Support Services reports."""

from intranet.roles import Role, user_has_role


def can_view_reports(user) -> bool:
    """Return whether the user may open the reports: managers and administrators."""
    return user_has_role(user, Role.SUPPORT_MANAGER) or user_has_role(
        user, Role.ADMINISTRATOR
    )
