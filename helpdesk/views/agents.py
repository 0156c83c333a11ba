"""Access rules shared by the agent screens."""

from functools import wraps

from django.core.exceptions import PermissionDenied

from helpdesk import selectors


def agent_required(view):
    """Refuse with 403 anyone who is not in a support team."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not selectors.is_agent(request.user):
            raise PermissionDenied("Only support staff can use the workspace.")
        return view(request, *args, **kwargs)

    return wrapped


def is_htmx(request) -> bool:
    # History restores re-request the whole page, so they get the full page.
    return (
        request.headers.get("HX-Request") == "true"
        and request.headers.get("HX-History-Restore-Request") != "true"
    )
