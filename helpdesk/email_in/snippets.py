"""Admin screens for inbound mailboxes and the read-only log of what they received."""

from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import SnippetViewSet

from helpdesk.models import InboundMailbox, InboundMessage


class LogPermissionPolicy(ModelPermissionPolicy):
    """Let people who may view the log read it; nobody may change it here.

    The log is the record of what mail-in did with each message, so editing it
    in the admin would falsify that record, even for superusers.
    """

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(
            [action for action in actions if action == "view"]
        )


register_permission_policy(InboundMessage, LogPermissionPolicy(InboundMessage))


class InboundMailboxViewSet(SnippetViewSet):
    model = InboundMailbox
    icon = "mail"
    menu_label = "Inbound mailboxes"
    list_display = [
        "address",
        Column("service_area"),
        "kind",
        BooleanColumn("enabled"),
    ]
    list_filter = ["kind", "enabled", "service_area"]
    search_fields = ["address"]


class InboundMessageViewSet(SnippetViewSet):
    model = InboundMessage
    icon = "list-ul"
    menu_label = "Inbound mail log"
    inspect_view_enabled = True
    list_display = [
        "subject",
        "sender",
        "outcome",
        Column("case"),
        DateColumn("received_at", label="Received"),
    ]
    list_filter = ["outcome", "mailbox"]
    search_fields = ["subject", "sender", "message_id"]
    ordering = ["-received_at", "-pk"]


VIEWSETS = (InboundMailboxViewSet, InboundMessageViewSet)
