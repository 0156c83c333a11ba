"""Files held for a request form shown again: kept for their owner, then let go."""

import io
import uuid
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone

from forms import services, tasks
from forms.models import HeldUpload
from forms.services import held_uploads
from helpdesk.storage import get_private_storage
from intranet.celery import app
from intranet.data_protection import export
from tests.helpdesk import uploads
from tests.intranet.subject_access_data import records, unzip

pytestmark = pytest.mark.django_db


def hold(pay_form, owner, *, key=None, name="june.pdf", now=None, content=None):
    return services.held_uploads_keep(
        owner=owner,
        page=pay_form,
        key=key or uuid.uuid4(),
        uploads=[("evidence", uploads.upload(name, content or uploads.PDF))],
        now=now or timezone.now(),
    )["evidence"]


def stored(held: HeldUpload) -> bool:
    return get_private_storage().exists(held.file.name)


def test_holds_older_than_a_day_are_let_go_with_their_files(
    pay_form, desk, django_capture_on_commit_callbacks
):
    now = timezone.now()
    old = hold(pay_form, desk.requester, now=now - timedelta(hours=25))
    recent = hold(pay_form, desk.requester, now=now - timedelta(hours=23))
    with django_capture_on_commit_callbacks(execute=True):
        assert services.held_uploads_expire(now=now) == 1
    assert list(HeldUpload.objects.all()) == [recent]
    assert not stored(old)
    assert stored(recent)


def test_the_hourly_task_expires_holds(pay_form, desk):
    held = hold(pay_form, desk.requester, now=timezone.now() - timedelta(days=2))
    tasks.held_uploads_expire_task()
    assert not HeldUpload.objects.filter(pk=held.pk).exists()


def test_every_scheduled_task_is_one_the_worker_knows():
    app.loader.import_default_modules()
    for entry in settings.CELERY_BEAT_SCHEDULE.values():
        assert entry["task"] in app.tasks, entry["task"]


def test_a_new_file_for_the_same_question_replaces_the_held_one(
    pay_form, desk, django_capture_on_commit_callbacks
):
    key = uuid.uuid4()
    first = hold(pay_form, desk.requester, key=key)
    with django_capture_on_commit_callbacks(execute=True):
        second = hold(pay_form, desk.requester, key=key, name="july.pdf")
    assert list(HeldUpload.objects.all()) == [second]
    assert not stored(first)
    assert get_private_storage().open(second.file.name).read() == uploads.PDF


def test_a_file_failing_its_checks_is_not_held(pay_form, desk):
    with pytest.raises(ValidationError, match="does not look like a PDF"):
        hold(pay_form, desk.requester, content=uploads.HTML)
    assert not HeldUpload.objects.exists()


def test_only_the_owner_reads_or_removes_their_holds(pay_form, desk):
    key = uuid.uuid4()
    held = hold(pay_form, desk.requester, key=key)
    theirs = services.held_uploads_for_form(
        owner=desk.colleague, key=str(key), remove=["evidence"]
    )
    assert theirs == {}
    assert services.held_uploads_for_form(owner=desk.requester, key=str(key)) == {
        "evidence": held
    }


@pytest.mark.parametrize("key", [None, "", "not-a-key", "1' OR '1'='1"])
def test_a_malformed_key_holds_and_finds_nothing(pay_form, desk, key):
    assert services.held_uploads_for_form(owner=desk.requester, key=key) == {}
    assert (
        services.held_uploads_keep(
            owner=desk.requester,
            page=pay_form,
            key=key,
            uploads=[("evidence", uploads.upload("june.pdf"))],
            now=timezone.now(),
        )
        == {}
    )
    assert not HeldUpload.objects.exists()


def test_held_files_are_in_their_owners_subject_access_export_only(pay_form, desk):
    hold(pay_form, desk.requester, name="rita-evidence.pdf")
    hold(pay_form, desk.colleague, name="cal-evidence.pdf")
    buffer = io.BytesIO()
    export.subject_access_export(
        subject=desk.requester, destination=buffer, now=timezone.now()
    )
    files = unzip(buffer.getvalue())

    [row] = records(files, "forms/data.json")["files_held_for_unsent_forms"]
    assert (row["form"], row["question"]) == ("Pay query", "evidence")
    assert row["file"].endswith("rita-evidence.pdf")
    assert files[row["file"]] == uploads.PDF
    assert b"cal-evidence" not in b"".join(files.values())


def test_two_sends_of_one_form_at_once_hold_one_file(pay_form, desk, monkeypatch):
    key = uuid.uuid4()
    first = hold(pay_form, desk.requester, key=key)
    folder = f"held/{desk.requester.pk}"
    files_before = set(get_private_storage().listdir(folder)[1])
    # As if the other request stored its file after this one looked for it.
    monkeypatch.setattr(held_uploads, "held_uploads_release", lambda **kwargs: 0)
    kept = hold(pay_form, desk.requester, key=key, name="again.pdf")

    assert kept == first
    assert list(HeldUpload.objects.all()) == [first]
    assert set(get_private_storage().listdir(folder)[1]) == files_before
