"""Who may call the API.

DRF marks its views as exempt from the site's LoginRequiredMiddleware and
authenticates each request itself, so API clients get a 401 or 403 JSON
answer instead of the sign-in page.
"""

from rest_framework.permissions import BasePermission


class IsActiveUser(BasePermission):
    """Allow signed-in, active accounts; a disabled account's token stops working."""

    message = "Sign in with an active account to use the API."

    def has_permission(self, request, view) -> bool:
        user = request.user
        return bool(user and user.is_authenticated and user.is_active)


class ApiAuthMixin:
    """The API's access rule, shared by every endpoint."""

    permission_classes = [IsActiveUser]
