from helpdesk.retention.models import LegalHold, RetentionPolicy

from .attachments import Attachment
from .bulk_jobs import BulkJob
from .cases import FINISHED_STATUSES, Case, CaseLink, ReferenceCounter, Watcher
from .catalogue import CannedResponse, RequestType
from .mailboxes import InboundMailbox, InboundMessage
from .report_settings import ReportSettings
from .routing import RoutingRule
from .satisfaction import SatisfactionRating
from .saved_views import SavedView
from .sla import BusinessCalendar, ClosureDay, Priority, SLAPolicy, SLATarget
from .teams import Membership, Queue, SupportTeam
from .timeline import TimelineEvent

__all__ = [
    "FINISHED_STATUSES",
    "Attachment",
    "BulkJob",
    "BusinessCalendar",
    "CannedResponse",
    "Case",
    "CaseLink",
    "ClosureDay",
    "InboundMailbox",
    "InboundMessage",
    "LegalHold",
    "Membership",
    "Priority",
    "Queue",
    "ReferenceCounter",
    "ReportSettings",
    "RequestType",
    "RetentionPolicy",
    "RoutingRule",
    "SLAPolicy",
    "SLATarget",
    "SatisfactionRating",
    "SavedView",
    "SupportTeam",
    "TimelineEvent",
    "Watcher",
]
