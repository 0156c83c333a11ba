"""Navigation, admin screens and demo content for request forms."""

from django.urls import reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from forms import demo, selectors
from forms.models import ApprovalDelegation
from intranet.navigation import NAVIGATION_HOOK, NavItem


class ApprovalDelegationViewSet(SnippetViewSet):
    model = ApprovalDelegation
    icon = "user"
    menu_label = "Approval cover"
    list_display = ["user", "delegate", "absent_until"]
    search_fields = ["user__first_name", "user__last_name"]


register_snippet(ApprovalDelegationViewSet)


@hooks.register("intranet_demo_seed")
def seed_request_forms():
    demo.seed_request_forms()


@hooks.register(NAVIGATION_HOOK)
def approvals_navigation(request):
    user = request.user
    if (
        user.direct_reports.exists()
        or selectors.approvals_for(user=user, today=timezone.localdate()).exists()
    ):
        return [NavItem("Approvals", reverse("selfservice:approvals"), 60)]
    return []
