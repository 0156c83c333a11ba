"""Read the routing rules in force, ready for `routing.decide()`."""

from helpdesk import routing
from helpdesk.models import RoutingRule


def routing_rules_active() -> list[routing.Rule]:
    """Return the enabled routing rules in the order they are tried."""
    rules = (
        RoutingRule.objects.filter(enabled=True)
        .select_related("service_area", "request_type")
        .prefetch_related("directorates", "teams")
        .order_by("position", "pk")
    )
    return [rule.to_rule() for rule in rules]
