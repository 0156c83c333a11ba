"""Retention policies and legal holds in the admin, and the demo schedule."""

from django.utils import timezone
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from helpdesk.retention import demo
from helpdesk.retention.models import LegalHold, RetentionPolicy


class RetentionPolicyViewSet(SnippetViewSet):
    model = RetentionPolicy
    icon = "history"
    menu_label = "Retention policies"
    list_display = [
        "request_type",
        Column("period_label", label="Kept for"),
        "action",
    ]
    list_filter = ["action", "request_type__service_area"]


class LegalHoldCreateView(CreateView):
    def get_initial_form_instance(self):
        # Who placed the hold, and when, is recorded rather than typed in.
        return self.model(placed_by=self.request.user, placed_at=timezone.now())


class LegalHoldViewSet(SnippetViewSet):
    model = LegalHold
    icon = "lock"
    menu_label = "Legal holds"
    add_view_class = LegalHoldCreateView
    list_display = [
        "__str__",
        "placed_by",
        DateColumn("placed_at", label="Placed"),
        DateColumn("released_at", label="Released"),
    ]
    list_filter = ["released_at"]
    search_fields = ["reason"]


VIEWSETS = (RetentionPolicyViewSet, LegalHoldViewSet)


@hooks.register("intranet_demo_seed", order=900)
def seed_retention_policies():
    demo.seed_retention_policies()
