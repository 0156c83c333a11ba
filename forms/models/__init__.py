from .approvals import Approval, ApprovalDelegation
from .held_uploads import HeldUpload
from .pages import Outcome, RequestFormField, RequestFormPage
from .submissions import Submission, SubmissionFile

__all__ = [
    "Approval",
    "ApprovalDelegation",
    "HeldUpload",
    "Outcome",
    "RequestFormField",
    "RequestFormPage",
    "Submission",
    "SubmissionFile",
]
