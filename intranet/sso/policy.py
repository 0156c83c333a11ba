"""Who may sign in how: council single sign-on, and local passwords for the few."""

from django.conf import settings


def sso_enabled() -> bool:
    """Return whether single sign-on is configured; it is off without a client id."""
    return bool(settings.OIDC_RP_CLIENT_ID)


def local_sign_in_allowed(user) -> bool:
    """Return whether the user may sign in with a local password.

    With LOCAL_SIGN_IN_ROLES empty everyone may; otherwise only superusers and
    holders of one of those roles, so that a leaked password of an ordinary account
    is useless once staff sign in through the council's identity provider.
    """
    roles = settings.LOCAL_SIGN_IN_ROLES
    if not roles or user.is_superuser:
        return True
    return user.groups.filter(name__in=roles).exists()
