"""The roles of DESIGN.md §2, each a Django group created by a data migration."""

from django.db.models import TextChoices


class Role(TextChoices):
    STAFF = "Staff"
    LINE_MANAGER = "Line managers"
    CASE_MANAGER = "Case managers"
    SPECIALIST = "Specialists"
    BUSINESS_PARTNER = "Business partners"
    DEMOCRATIC_SERVICES = "Democratic services officers"
    CONTENT_EDITOR = "Content editors"
    SUPPORT_MANAGER = "Support services managers"
    ADMINISTRATOR = "Administrators"


AGENT_ROLES = frozenset({Role.CASE_MANAGER, Role.SPECIALIST, Role.BUSINESS_PARTNER})


def user_has_role(user, role: Role) -> bool:
    """Return whether the user is in the role's group; superusers hold every role."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    cache = getattr(user, "_role_names", None)
    if cache is None:
        cache = set(user.groups.values_list("name", flat=True))
        user._role_names = cache
    return role.value in cache
