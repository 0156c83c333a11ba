"""The retention command, the nightly task and retention of form submissions."""

import uuid
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from forms.models import Submission
from helpdesk.models import Case, RetentionPolicy
from helpdesk.retention import erase
from helpdesk.retention.tasks import retention_apply_task
from intranet.audit.models import AuditEntry
from tests.helpdesk import conftest as helpdesk_fixtures
from tests.helpdesk.retention_data import aged_case

desk = helpdesk_fixtures.desk
make_case = helpdesk_fixtures.make_case
FORTY_DAYS_AGO = timezone.localtime() - timedelta(days=40)


@pytest.fixture
def due_case(desk, make_case):
    """A case closed 40 days ago under a 30-day policy: due today."""
    RetentionPolicy.objects.create(
        request_type=desk.hr_query, retain_days=30, action="anonymise"
    )
    return aged_case(desk, make_case, closed_at=FORTY_DAYS_AGO)


def submission_for(case: Case) -> Submission:
    return Submission.objects.create(
        form_title="Pay query",
        submitter=case.requester,
        subject=case.subject,
        answers={"month": "June"},
        answer_labels={"month": "Which month?"},
        idempotency_key=uuid.uuid4(),
        outcome="case",
        status=Submission.Status.CASE_OPENED,
        case=case,
        created_at=case.created_at,
        updated_at=case.created_at,
    )


def test_retention_command_dry_run_reports_and_changes_nothing(due_case, capsys):
    call_command("retention", "--dry-run")

    out = capsys.readouterr().out
    assert "Dry run, nothing changed" in out
    closed = f"{FORTY_DAYS_AGO:%d %b %Y}"
    assert f"{due_case.reference}: Anonymise: closed {closed}, kept 30 days." in out
    assert "Totals: 0 delete, 1 anonymise" in out
    due_case.refresh_from_db()
    assert due_case.subject == "My payslip is wrong"


def test_retention_command_apply_anonymises(
    due_case, capsys, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("retention", "--apply")

    assert "Applied." in capsys.readouterr().out
    due_case.refresh_from_db()
    assert due_case.subject == erase.REMOVED


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ((), "one of the arguments --dry-run --apply is required"),
        (("--dry-run", "--apply"), "not allowed with argument"),
        (("--apply", "--batch-size", "0"), "--batch-size must be at least 1"),
    ],
)
def test_retention_command_refuses_bad_arguments(db, arguments, message):
    with pytest.raises(CommandError, match=message):
        call_command("retention", *arguments)


def test_retention_task_runs_the_schedule_at_the_current_time(
    desk, make_case, django_capture_on_commit_callbacks
):
    RetentionPolicy.objects.create(
        request_type=desk.hr_query, retain_days=30, action="delete"
    )
    case = aged_case(desk, make_case, closed_at=timezone.now() - timedelta(days=31))

    with django_capture_on_commit_callbacks(execute=True):
        counts = retention_apply_task.delay().get()

    assert counts["delete"] == 1
    assert not Case.objects.filter(pk=case.pk).exists()
    assert AuditEntry.objects.filter(action="data_protection").count() == 1


def test_retention_anonymises_the_submission_that_opened_the_case(
    due_case, django_capture_on_commit_callbacks
):
    submission = submission_for(due_case)

    with django_capture_on_commit_callbacks(execute=True):
        call_command("retention", "--apply")

    submission.refresh_from_db()
    assert submission.subject == erase.REMOVED
    assert submission.answers == submission.answer_labels == {}
    assert submission.submitter.username == erase.FORMER_STAFF_USERNAME


def test_retention_deletes_the_submission_with_its_case(
    due_case, django_capture_on_commit_callbacks
):
    RetentionPolicy.objects.filter(request_type=due_case.request_type).update(
        action="delete"
    )
    submission = submission_for(due_case)

    with django_capture_on_commit_callbacks(execute=True):
        call_command("retention", "--apply")

    assert not Case.objects.filter(pk=due_case.pk).exists()
    assert not Submission.objects.filter(pk=submission.pk).exists()
