"""Committees in the Wagtail admin, the header link, and the demo content."""

from django.urls import reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.snippets.views.snippets import SnippetViewSet

from helpdesk.committees import demo, services
from helpdesk.committees.models import Committee, Meeting, Venue
from intranet.navigation import NAVIGATION_HOOK, NavItem


class MeetingViewSet(SnippetViewSet):
    model = Meeting
    icon = "date"
    menu_label = "Meetings"
    list_display = [
        Column("committee"),
        "start_at",
        Column("venue"),
        "status",
        Column("clerk"),
    ]
    list_filter = ["committee", "status", "venue"]
    ordering = ["start_at"]
    search_fields = ["title", "committee__name"]


class CommitteeViewSet(SnippetViewSet):
    model = Committee
    icon = "group"
    menu_label = "Committees"
    list_display = ["name", Column("clerk"), Column("default_venue")]
    search_fields = ["name"]


class VenueViewSet(SnippetViewSet):
    model = Venue
    icon = "home"
    menu_label = "Venues"
    list_display = [
        "name",
        "capacity",
        BooleanColumn("webcasting"),
        BooleanColumn("hearing_loop"),
    ]


# Listed in the admin's "Support Services" menu, beside the other helpdesk settings.
VIEWSETS = (MeetingViewSet, CommitteeViewSet, VenueViewSet)


@hooks.register("before_edit_snippet")
def remember_meeting_before_edit(request, instance):
    if isinstance(instance, Meeting):
        request.committee_meeting_before = (instance.status, instance.start_at)


@hooks.register("after_edit_snippet")
def follow_meeting_edit(request, instance):
    """Carry an edit made in the admin through to the meeting's support cases."""
    if not isinstance(instance, Meeting):
        return
    before_status, before_start = getattr(
        request, "committee_meeting_before", (instance.status, instance.start_at)
    )
    now = timezone.now()
    if instance.is_cancelled and before_status != Meeting.Status.CANCELLED:
        services.booking_cancelled_record(
            meeting=instance,
            body=f"{instance} is cancelled. This support is no longer needed.",
            actor=request.user,
            now=now,
        )
    elif instance.start_at != before_start:
        services.booking_due_sync(
            meeting=instance,
            reason=f"{instance.committee} moved to "
            f"{timezone.localtime(instance.start_at):%-d %B %Y %H:%M}",
            actor=request.user,
            now=now,
        )


@hooks.register(NAVIGATION_HOOK)
def committees_navigation(request):
    return [NavItem("Committees", reverse("committees:calendar"), 60)]


@hooks.register("intranet_demo_seed")
def seed_committees():
    demo.demo_committees_seed()
