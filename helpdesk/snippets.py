"""Admin screens for support teams, queues, request types and canned responses."""

from wagtail.snippets.views.snippets import SnippetViewSet

from helpdesk.models import CannedResponse, Queue, RequestType, SupportTeam


class SupportTeamViewSet(SnippetViewSet):
    model = SupportTeam
    icon = "group"
    menu_label = "Support teams"
    list_display = ["name", "kind", "service_area", "lead"]
    list_filter = ["kind", "service_area"]
    search_fields = ["name"]


class QueueViewSet(SnippetViewSet):
    model = Queue
    icon = "list-ul"
    list_display = ["name", "team", "is_triage"]


class RequestTypeViewSet(SnippetViewSet):
    model = RequestType
    icon = "form"
    menu_label = "Request types"
    list_display = ["name", "service_area", "default_priority", "confidential"]
    list_filter = ["service_area", "confidential"]
    search_fields = ["name"]


class CannedResponseViewSet(SnippetViewSet):
    model = CannedResponse
    icon = "openquote"
    menu_label = "Canned responses"
    list_display = ["title", "team"]
    search_fields = ["title", "body"]


VIEWSETS = (
    SupportTeamViewSet,
    QueueViewSet,
    RequestTypeViewSet,
    CannedResponseViewSet,
)
