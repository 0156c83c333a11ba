"""Every write to cases goes through these services."""

from .cases import case_cancel, case_create
from .claims import case_assign, case_claim, case_transfer
from .confidential import case_record_confidential_view
from .merges import case_link, case_merge
from .replies import case_note, case_reply
from .sla_checks import case_sla_check
from .statuses import (
    case_change_status,
    case_close_resolved,
    case_reopen,
    case_resolve,
)

__all__ = [
    "case_assign",
    "case_cancel",
    "case_change_status",
    "case_claim",
    "case_close_resolved",
    "case_create",
    "case_link",
    "case_merge",
    "case_note",
    "case_record_confidential_view",
    "case_reopen",
    "case_reply",
    "case_resolve",
    "case_sla_check",
    "case_transfer",
]
