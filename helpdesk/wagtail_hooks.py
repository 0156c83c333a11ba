"""The helpdesk's settings in the Wagtail admin, under "Support Services"."""

from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from helpdesk import (
    navigation,  # noqa: F401  registers the header link
    requester_hooks,  # noqa: F401  registers "My requests" and the home panel
    snippets,
)
from helpdesk.committees import wagtail_hooks as committee_hooks
from helpdesk.demo import seed as demo_seed  # noqa: F401  registers the demo content
from helpdesk.email_in import snippets as email_in_snippets
from helpdesk.models import BusinessCalendar, RoutingRule, SLAPolicy
from helpdesk.retention import wagtail_hooks as retention_hooks


def _destination(rule: RoutingRule) -> str:
    if rule.to_business_partner:
        return "Business partner for the requester's directorate"
    return str(rule.queue)


class BusinessCalendarViewSet(SnippetViewSet):
    model = BusinessCalendar
    icon = "date"
    menu_label = "Business calendars"
    list_display = [
        "name",
        BooleanColumn("use_bank_holidays", label="Closed on bank holidays"),
    ]
    search_fields = ["name"]


class SLAPolicyViewSet(SnippetViewSet):
    model = SLAPolicy
    icon = "time"
    menu_label = "SLA policies"
    list_display = ["name", Column("calendar", label="Business calendar")]
    search_fields = ["name"]


class RoutingRuleViewSet(SnippetViewSet):
    model = RoutingRule
    icon = "resubmit"
    menu_label = "Routing rules"
    sort_order_field = "position"
    list_display = [
        "name",
        BooleanColumn("enabled"),
        Column("destination", label="Sends to", accessor=_destination),
    ]
    list_filter = ["enabled", "service_area"]
    list_per_page = 100
    search_fields = ["name", "keywords"]


class SupportServicesViewSetGroup(SnippetViewSetGroup):
    menu_label = "Support Services"
    menu_icon = "group"
    menu_order = 300
    items = (
        *snippets.VIEWSETS,
        RoutingRuleViewSet,
        SLAPolicyViewSet,
        BusinessCalendarViewSet,
        *retention_hooks.VIEWSETS,
        *email_in_snippets.VIEWSETS,
        *committee_hooks.VIEWSETS,
    )


register_snippet(SupportServicesViewSetGroup)
