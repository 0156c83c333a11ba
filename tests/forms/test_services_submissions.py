"""Submissions: stored first, then answered, sent for approval or opened as a case."""

import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from forms import services
from forms.models import Submission
from helpdesk.models import Attachment, Case, Queue
from knowledge.models import SelfServiceResolution
from tests.forms.conftest import MONDAY_10AM
from tests.helpdesk import uploads
from tests.intranet.factories import UserFactory


def submit(page, submitter, *, key=None, uploads_=(), on_behalf_of=None, **answers):
    return services.submission_create(
        page=page,
        submitter=submitter,
        subject="My June payslip is wrong",
        answers=answers or {"which_month": "June"},
        labels={name: name.replace("_", " ") for name in answers or ["which_month"]},
        key=key or uuid.uuid4(),
        uploads=uploads_,
        on_behalf_of=on_behalf_of,
        now=MONDAY_10AM,
    )


def private_files() -> list[Path]:
    root = Path(settings.PRIVATE_MEDIA_ROOT)
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def test_submission_is_stored_before_its_case_opens(
    pay_form, desk, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as pending:
        submission, created = submit(pay_form, desk.requester)
    assert created
    assert Submission.objects.get().status == Submission.Status.RECEIVED
    assert not Case.objects.exists()
    for callback in pending:
        callback()
    submission.refresh_from_db()
    assert submission.status == Submission.Status.CASE_OPENED
    assert submission.case.requester == desk.requester
    assert submission.case.request_type == desk.hr_query
    assert submission.case.answers == {"which_month": "June"}
    assert "which month: June" in submission.case.description


def test_same_key_twice_makes_one_submission_and_one_case(
    pay_form, desk, django_capture_on_commit_callbacks
):
    key = uuid.uuid4()
    with django_capture_on_commit_callbacks(execute=True):
        first, _ = submit(pay_form, desk.requester, key=key)
    with django_capture_on_commit_callbacks(execute=True):
        second, created = submit(pay_form, desk.requester, key=key)
    assert not created
    assert second.pk == first.pk
    assert Case.objects.count() == 1


def test_storing_a_submission_reads_only_whether_its_key_was_used(pay_form, desk):
    with CaptureQueriesContext(connection) as queries:
        submit(pay_form, desk.requester)
    reads = [
        q["sql"] for q in queries.captured_queries if q["sql"].startswith("SELECT")
    ]
    assert len(reads) == 1
    assert '"selfservice_submission"."idempotency_key"' in reads[0]
    assert Submission.objects.get().form_page == pay_form


def test_uploads_reach_the_case_as_attachments(
    pay_form, desk, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        submission, _ = submit(
            pay_form,
            desk.requester,
            uploads_=[("evidence", uploads.upload("payslip.pdf"))],
        )
    submission.refresh_from_db()
    attachment = Attachment.objects.get(case=submission.case)
    assert attachment.original_name == "payslip.pdf"
    assert attachment.file.read() == uploads.PDF


def test_refused_upload_saves_nothing(pay_form, desk):
    before = private_files()
    with pytest.raises(ValidationError, match="not an allowed type"):
        submit(
            pay_form,
            desk.requester,
            uploads_=[("evidence", SimpleUploadedFile("run.exe", uploads.EXE))],
        )
    assert not Submission.objects.exists()
    assert not Case.objects.exists()
    assert private_files() == before


def test_failed_outcome_keeps_the_submission_and_a_retry_opens_the_case(
    pay_form, desk, django_capture_on_commit_callbacks
):
    triage = Queue.objects.get(is_triage=True)
    Queue.objects.filter(pk=triage.pk).update(is_triage=False)
    with django_capture_on_commit_callbacks(execute=True):
        submission, _ = submit(pay_form, desk.requester)
    submission.refresh_from_db()
    assert submission.status == Submission.Status.FAILED
    assert "triage" in submission.last_error
    assert not Case.objects.exists()

    Queue.objects.filter(pk=triage.pk).update(is_triage=True)
    # The failed attempt ran on the real clock, as the task does.
    later = timezone.now() + timedelta(minutes=5)
    tried = services.submission_retry_stalled(now=later)
    submission.refresh_from_db()
    assert tried == [submission.pk]
    assert submission.status == Submission.Status.CASE_OPENED
    assert submission.attempts == 2


def test_processing_twice_opens_one_case(
    pay_form, desk, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        submission, _ = submit(pay_form, desk.requester)
    services.submission_process(submission_id=submission.pk)
    assert Case.objects.count() == 1


def test_instant_answer_records_a_resolution_without_a_case(
    payslip_form, desk, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        submission, _ = submit(payslip_form, desk.requester)
    submission.refresh_from_db()
    assert submission.status == Submission.Status.RESOLVED
    resolution = SelfServiceResolution.objects.get()
    assert resolution.source == SelfServiceResolution.Source.FORM
    assert resolution.form_page_id == payslip_form.pk
    assert resolution.user == desk.requester
    assert not Case.objects.exists()


# On behalf of


def test_line_manager_submits_for_a_direct_report(
    pay_form, desk, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        submission, _ = submit(pay_form, desk.manager, on_behalf_of=desk.requester)
    submission.refresh_from_db()
    assert submission.case.requester == desk.requester
    assert submission.case.raised_by == desk.manager


def test_line_manager_may_not_submit_for_someone_else(pay_form, desk):
    with pytest.raises(PermissionDenied):
        submit(pay_form, desk.manager, on_behalf_of=desk.stranger)
    assert not Submission.objects.exists()


def test_staff_may_not_submit_for_a_colleague(pay_form, desk):
    with pytest.raises(PermissionDenied):
        submit(pay_form, desk.requester, on_behalf_of=desk.colleague)


def test_case_manager_submits_for_anyone(
    pay_form, desk, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        submission, _ = submit(pay_form, desk.case_manager, on_behalf_of=desk.stranger)
    submission.refresh_from_db()
    assert submission.case.requester == desk.stranger
    assert submission.case.raised_by == desk.case_manager


def test_nobody_submits_for_someone_who_has_left(pay_form, desk):
    gone = UserFactory(is_active=False)
    with pytest.raises(PermissionDenied):
        submit(pay_form, desk.case_manager, on_behalf_of=gone)
