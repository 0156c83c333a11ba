"""Every write for request forms goes through these services."""

from .approvals import approval_decide, approval_delegation_set, approval_link_check
from .deflections import deflection_record
from .submissions import (
    submission_create,
    submission_process,
    submission_retry_stalled,
)

__all__ = [
    "approval_decide",
    "approval_delegation_set",
    "approval_link_check",
    "deflection_record",
    "submission_create",
    "submission_process",
    "submission_retry_stalled",
]
