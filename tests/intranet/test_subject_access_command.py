"""The subject_access_export command: progress, a real zip, clear refusals."""

import pytest
from django.core.management import CommandError, call_command

from intranet.audit.models import AuditEntry
from tests.intranet.subject_access_data import records, unzip

pytestmark = pytest.mark.django_db


def test_subject_access_command_writes_the_zip_and_shows_progress(
    staff_user, tmp_path, capsys
):
    output = tmp_path / "sam.zip"

    call_command("subject_access_export", user="sam.staff", output=str(output))

    out = capsys.readouterr().out
    assert "Collecting helpdesk records" in out
    assert f"Wrote {output}" in out
    files = unzip(output.read_bytes())
    assert records(files, "intranet/data.json")["profile"][0]["username"] == (
        "sam.staff"
    )
    entry = AuditEntry.objects.get(action=AuditEntry.Action.EXPORT)
    assert entry.actor_label == "subject access command"


def test_subject_access_command_refuses_an_unknown_user(db, tmp_path):
    output = tmp_path / "nobody.zip"

    with pytest.raises(CommandError, match="No member of staff has the username"):
        call_command("subject_access_export", user="no.one", output=str(output))

    assert not output.exists()
    assert not AuditEntry.objects.filter(action="export").exists()


def test_subject_access_command_refuses_an_unwritable_path(staff_user, tmp_path):
    output = tmp_path / "missing-folder" / "sam.zip"

    with pytest.raises(CommandError, match=r"Cannot write .*No such file"):
        call_command("subject_access_export", user="sam.staff", output=str(output))

    assert not AuditEntry.objects.filter(action="export").exists()


def test_subject_access_command_never_overwrites_a_file(staff_user, tmp_path):
    output = tmp_path / "sam.zip"
    output.write_bytes(b"an earlier export")

    with pytest.raises(CommandError, match="already exists"):
        call_command("subject_access_export", user="sam.staff", output=str(output))

    assert output.read_bytes() == b"an earlier export"
