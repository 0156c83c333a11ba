"""The subject access export: complete for the person, nothing of anyone else's."""

import io

import pytest
from django.utils import timezone

from intranet.audit.models import AuditEntry
from intranet.data_protection import export
from intranet.roles import Role
from tests.helpdesk import conftest as helpdesk_fixtures
from tests.intranet.subject_access_data import person_data, records, unzip

desk = helpdesk_fixtures.desk
make_case = helpdesk_fixtures.make_case


@pytest.fixture
def data(desk, make_case, home_page):
    return person_data(desk, make_case, home_page)


def export_for(user, requested_by=None) -> dict[str, bytes]:
    buffer = io.BytesIO()
    export.subject_access_export(
        subject=user, destination=buffer, now=timezone.now(), requested_by=requested_by
    )
    return unzip(buffer.getvalue())


def test_subject_access_export_holds_every_part(data):
    files = export_for(data.subject)

    assert {
        "README.txt",
        "audit.json",
        "intranet/data.json",
        "helpdesk/data.json",
        "knowledge/data.json",
        "forms/data.json",
    } <= set(files)
    readme = files["README.txt"].decode()
    assert "Rita" in readme
    assert "internal notes" in readme
    profile = records(files, "intranet/data.json")
    assert profile["profile"][0]["username"] == data.subject.username
    assert {"role": Role.LINE_MANAGER.value} in profile["roles"]


def test_subject_access_export_holds_their_cases_timeline_and_notes_about_them(data):
    helpdesk = records(export_for(data.subject), "helpdesk/data.json")

    cases = {row["reference"]: row for row in helpdesk["cases"]}
    assert set(cases) == {data.own.reference, data.on_behalf.reference}
    assert cases[data.on_behalf.reference]["raised_by"] == str(data.on_behalf.raised_by)
    bodies = {row["body"] for row in helpdesk["timeline"]}
    assert {
        "Rita chasing",
        "Agent answering Rita",
        "Note about Rita's attendance",
        "Private note Mo must not see",
    } <= bodies
    assert helpdesk["satisfaction_ratings"] == [
        {
            "case": data.own.reference,
            "rating": 4,
            "comment": "Rita's rating comment",
            "at": helpdesk["satisfaction_ratings"][0]["at"],
        }
    ]


def test_subject_access_export_holds_every_file_on_their_cases(data):
    files = export_for(data.subject)

    attachments = {
        name.rsplit("/", 1)[-1].split("-", 1)[1]: content
        for name, content in files.items()
        if name.startswith("attachments/")
    }
    assert set(attachments) == {
        "rita-payslip.pdf",
        "agent-letter.pdf",
        "attendance-notes.pdf",
        "rita-form.pdf",
    }
    assert all(content.startswith(b"%PDF") for content in attachments.values())
    rows = records(files, "helpdesk/data.json")["attachments"]
    assert all(row["file"] in files for row in rows)


def test_subject_access_export_holds_feedback_submissions_and_audit(data):
    files = export_for(data.subject)

    feedback = records(files, "knowledge/data.json")["article_feedback"]
    assert [row["comment"] for row in feedback] == ["Rita's feedback"]
    submissions = records(files, "forms/data.json")["submissions"]
    assert [row["subject"] for row in submissions] == ["rita-form"]
    audit = records(files, "audit.json")
    assert {"who": "rita"} in [row["detail"] for row in audit]
    assert "Changed roles" in {row["action"] for row in audit}


def test_subject_access_export_leaves_out_other_peoples_data(data):
    files = export_for(data.subject)

    everything = b"".join(files.values())
    for text in (
        "Cal's private matter",
        "Note about Cal",
        "Cal's rating comment",
        "Cal's feedback",
        "cal-form",
        "cal-secret",
        data.others.reference,
        '"who": "cal"',
    ):
        assert text.encode() not in everything, text


def test_subject_access_export_of_who_raised_a_case_shows_what_they_could_see(
    data, desk
):
    helpdesk = records(export_for(desk.manager), "helpdesk/data.json")

    assert [row["reference"] for row in helpdesk["cases"]] == [data.on_behalf.reference]
    bodies = {row["body"] for row in helpdesk["timeline"]}
    assert "Private note Mo must not see" not in bodies
    assert all(row["seen_by_requester"] for row in helpdesk["timeline"])


def test_subject_access_export_is_recorded_in_the_audit_log(data, make_user):
    administrator = make_user(Role.ADMINISTRATOR)

    export_for(data.subject, requested_by=administrator)

    entry = AuditEntry.objects.get(action=AuditEntry.Action.EXPORT)
    assert entry.actor == administrator
    assert (entry.object_type, entry.object_id) == (
        "intranet.user",
        str(data.subject.pk),
    )
    assert entry.detail["files"] == 4
    assert entry.detail["records"]["helpdesk"]["cases"] == 2


def test_subject_access_export_lists_a_file_missing_from_storage(data):
    attachment = data.own.attachments.get(original_name="agent-letter.pdf")
    attachment.file.storage.delete(attachment.file.name)

    files = export_for(data.subject)

    assert "agent-letter.pdf" in files["README.txt"].decode()
    assert not any(name.endswith("letter.pdf") for name in files)
