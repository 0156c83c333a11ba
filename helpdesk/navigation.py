"""The helpdesk's links in the site header."""

from django.urls import reverse
from wagtail import hooks

from helpdesk import selectors
from intranet.navigation import NAVIGATION_HOOK, NavItem


@hooks.register(NAVIGATION_HOOK)
def queues_navigation_item(request) -> list[NavItem]:
    """Offer the workspace to support staff only."""
    if not selectors.is_agent(request.user):
        return []
    return [NavItem("Queues", reverse("queues:my-work"), 20)]
