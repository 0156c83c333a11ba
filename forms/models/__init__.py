from .approvals import Approval, ApprovalDelegation
from .pages import Outcome, RequestFormField, RequestFormPage
from .submissions import Submission, SubmissionFile

__all__ = [
    "Approval",
    "ApprovalDelegation",
    "Outcome",
    "RequestFormField",
    "RequestFormPage",
    "Submission",
    "SubmissionFile",
]
