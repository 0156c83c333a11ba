"""Every write for request forms goes through these services."""

from .approvals import approval_decide, approval_delegation_set, approval_link_check
from .deflections import deflection_record
from .held_uploads import (
    held_uploads_expire,
    held_uploads_for_form,
    held_uploads_keep,
    held_uploads_release,
)
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
    "held_uploads_expire",
    "held_uploads_for_form",
    "held_uploads_keep",
    "held_uploads_release",
    "submission_create",
    "submission_process",
    "submission_retry_stalled",
]
