"""The requester's place on the rest of the site: the home panel and the menu link."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from wagtail import hooks

from helpdesk import selectors_requests
from intranet.models.pages import HOME_PANELS_HOOK
from intranet.navigation import NAVIGATION_HOOK, NavItem

PANEL_LIMIT = 5


@hooks.register(HOME_PANELS_HOOK)
def my_open_requests_panel(request) -> str | None:
    """Render "My open requests": up to five of the user's open requests."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    cases = selectors_requests.request_list_mine(
        user=user, state=selectors_requests.OPEN
    )
    return mark_safe(  # noqa: S308  the template escapes every value it shows
        render_to_string(
            "helpdesk/requests/home_panel.html",
            {"cases": list(cases[:PANEL_LIMIT]), "user": user},
            request=request,
        )
    )


@hooks.register(NAVIGATION_HOOK)
def my_requests_navigation(request) -> list[NavItem]:
    """Add "My requests" to the header for everyone signed in."""
    return [NavItem("My requests", reverse("helpdesk:requests"), 20)]
