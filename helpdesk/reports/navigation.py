"""The header's "Reports" link, for those who may read the reports."""

from django.urls import reverse
from wagtail import hooks

from helpdesk.reports.access import can_view_reports
from intranet.navigation import NAVIGATION_HOOK, NavItem


@hooks.register(NAVIGATION_HOOK)
def reports_navigation(request):
    if not can_view_reports(request.user):
        return []
    return [NavItem("Reports", reverse("reports:dashboard"), 70)]
