"""Self-service submissions under data protection: subject access and retention.

Registered with the intranet's subject access registry and the helpdesk's
retention registry; both find this module by name, so forms/apps.py needs no
wiring.
"""

from django.db.models import Q
from django.utils.text import get_valid_filename

from forms.models import Approval, HeldUpload, Submission, SubmissionFile
from helpdesk.retention import erase
from helpdesk.retention import registry as retention
from intranet.data_protection import registry


def _approval_row(submission: Submission) -> dict | None:
    approval = getattr(submission, "approval", None)
    if approval is None:
        return None
    return {
        "approver": str(approval.approver),
        "decision": approval.get_decision_display(),
        "comment": approval.comment,
        "decided_by": str(approval.decided_by) if approval.decided_by_id else None,
        "decided_at": approval.decided_at,
    }


@registry.register("forms")
def subject_data(user) -> registry.SubjectData:
    """Return the forms the person submitted or that were submitted for them."""
    submissions = (
        Submission.objects.filter(Q(submitter=user) | Q(on_behalf_of=user))
        .select_related("submitter", "on_behalf_of", "case", "approval__approver")
        .order_by("created_at", "pk")
    )
    rows, files = [], []
    for submission in submissions:
        rows.append(
            {
                "reference": submission.reference,
                "form": submission.form_title,
                "submitted_by": str(submission.submitter),
                "on_behalf_of": (
                    str(submission.on_behalf_of) if submission.on_behalf_of else None
                ),
                "subject": submission.subject,
                "answers": submission.answers,
                "questions": submission.answer_labels,
                "status": submission.get_status_display(),
                "case": submission.case.reference if submission.case_id else None,
                "approval": _approval_row(submission),
                "created_at": submission.created_at,
            }
        )
        for upload in SubmissionFile.objects.filter(submission=submission):
            name = get_valid_filename(upload.original_name) or "file"
            files.append(
                registry.SubjectFile(
                    archive_name=f"submissions/{submission.reference}/"
                    f"{upload.pk}-{name}",
                    storage=upload.file.storage,
                    name=upload.file.name,
                )
            )
    held_rows = []
    for held in HeldUpload.objects.filter(owner=user).select_related("form_page"):
        name = get_valid_filename(held.original_name) or "file"
        archive_name = f"held-files/{held.pk}-{name}"
        held_rows.append(
            {
                "form": held.form_page.title,
                "question": held.field_name,
                "file": f"attachments/{archive_name}",
                "held_since": held.created_at,
            }
        )
        files.append(
            registry.SubjectFile(
                archive_name=archive_name,
                storage=held.file.storage,
                name=held.file.name,
            )
        )
    return registry.SubjectData(
        records={"submissions": rows, "files_held_for_unsent_forms": held_rows},
        files=files,
    )


@retention.register_case_eraser
def erase_case_submissions(*, case_ids, action, placeholder):
    """Delete or anonymise the submissions that opened the given cases."""
    submissions = Submission.objects.filter(case_id__in=case_ids)
    uploads = SubmissionFile.objects.filter(submission__in=submissions)
    files = [
        retention.StoredFile(storage=upload.file.storage, name=upload.file.name)
        for upload in uploads
        if upload.file.name
    ]
    uploads.delete()
    if action == "delete":
        submissions.delete()
        return files
    Approval.objects.filter(submission__in=submissions).update(comment="")
    submissions.update(
        subject=erase.REMOVED,
        form_title=erase.REMOVED,
        answers={},
        answer_labels={},
        submitter=placeholder,
        on_behalf_of=None,
        last_error="",
    )
    return files
