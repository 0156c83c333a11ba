"""The header's navigation: fixed items plus those other apps register as hooks."""

from dataclasses import dataclass

from django.urls import reverse
from wagtail import hooks

NAVIGATION_HOOK = "intranet_navigation_items"


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str
    order: int = 100


def primary_navigation(request) -> list[dict]:
    """Return the header links this user may follow, marking the current one."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return []
    items = [NavItem("Home", "/", 0), NavItem("People", reverse("people:search"), 80)]
    for hook in hooks.get_hooks(NAVIGATION_HOOK):
        items.extend(hook(request) or [])
    path = request.path
    result = []
    for item in sorted(items, key=lambda i: (i.order, i.label)):
        current = path == item.url if item.url == "/" else path.startswith(item.url)
        result.append({"label": item.label, "url": item.url, "current": current})
    return result
