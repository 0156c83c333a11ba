"""Attachment checks (size, type, content) and the permission-checked download."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse

from helpdesk import services
from helpdesk.attachments import attachment_check, safe_name
from helpdesk.models import Attachment, TimelineEvent
from tests.helpdesk import uploads
from tests.helpdesk.conftest import MONDAY_10AM
from tests.helpdesk.uploads import upload


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("report.pdf", uploads.PDF, "application/pdf"),
        ("photo.PNG", uploads.PNG, "image/png"),
        ("photo.jpg", uploads.JPEG, "image/jpeg"),
        ("anim.gif", uploads.GIF, "image/gif"),
        (
            "letter.docx",
            uploads.DOCX,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        (
            "sums.xlsx",
            uploads.XLSX,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        ("letter.odt", uploads.ODT, "application/vnd.oasis.opendocument.text"),
        ("notes.txt", "Café £5".encode(), "text/plain"),
        ("rows.csv", "name,amount\nAnn,£5\n".encode("cp1252"), "text/csv"),
    ],
)
def test_attachment_check_accepts_each_allowed_type(name, content, content_type):
    checked = attachment_check(upload(name, content))
    assert checked.content_type == content_type
    assert checked.size == len(content)
    assert len(checked.sha256) == 64


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("setup.exe", uploads.EXE, "not an allowed type"),
        ("no-extension", uploads.PDF, "not an allowed type"),
        ("invoice.pdf", uploads.EXE, "does not look like a PDF"),
        ("photo.png", uploads.HTML, "does not look like a PNG"),
        ("letter.docx", uploads.XLSX, "does not look like a Word"),
        ("letter.docx", b"PK\x03\x04 not really a zip", "does not look like a Word"),
        ("letter.odt", uploads.DOCX, "does not look like a OpenDocument"),
        ("notes.txt", uploads.HTML, "does not look like a text"),
        ("notes.txt", uploads.PNG, "does not look like a text"),
        ("empty.pdf", b"", "is empty"),
    ],
)
def test_attachment_check_refuses_wrong_type_or_content(name, content, reason):
    with pytest.raises(ValidationError) as error:
        attachment_check(upload(name, content))
    assert reason in error.value.message_dict["attachments"][0]


def test_attachment_check_refuses_oversize_files(settings):
    settings.HELPDESK_MAX_ATTACHMENT_BYTES = 100
    with pytest.raises(ValidationError) as error:
        attachment_check(upload("big.pdf", uploads.PDF + b"x" * 100))
    assert "must be smaller than 100" in error.value.message_dict["attachments"][0]


def test_safe_name_strips_folders_and_control_characters():
    assert safe_name('..\\..\\evil"\r\nname.pdf') == "evilname.pdf"
    assert safe_name("/etc/passwd") == "passwd"


def test_case_reply_refused_upload_saves_no_file(desk, make_case):
    case = make_case()
    private = Path(settings.PRIVATE_MEDIA_ROOT)
    files_before = sorted(private.rglob("*")) if private.exists() else []
    with pytest.raises(ValidationError):
        services.case_reply(
            case=case,
            author=desk.requester,
            body="Attached",
            attachments=[upload("ok.pdf"), upload("bad.pdf", uploads.EXE)],
            now=MONDAY_10AM,
        )
    assert not Attachment.objects.exists()
    assert not TimelineEvent.objects.filter(kind="reply").exists()
    files_after = sorted(private.rglob("*")) if private.exists() else []
    assert files_after == files_before


def test_attachment_is_stored_outside_public_media(desk, make_case):
    case = make_case(attachments=[upload("payslip.pdf")])
    path = Path(case.attachments.get().file.path).resolve()
    assert path.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT).resolve())
    assert not path.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    assert "payslip" not in path.name


def _url(attachment) -> str:
    return reverse("helpdesk:attachment-download", args=[attachment.pk])


def test_attachment_download_is_a_safe_download(client, desk, make_case):
    case = make_case(attachments=[upload('pay"slip\r\n.pdf')])
    client.force_login(desk.requester)
    response = client.get(_url(case.attachments.get()))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == uploads.PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="payslip.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]


def test_attachment_download_is_404_for_those_who_cannot_see_the_case(
    client, desk, make_case
):
    case = make_case(attachments=[upload("payslip.pdf")])
    client.force_login(desk.other_specialist)
    assert client.get(_url(case.attachments.get())).status_code == 404


def test_attachment_download_is_404_for_an_unknown_id(client, desk):
    client.force_login(desk.requester)
    assert client.get("/cases/attachments/999999/").status_code == 404


def test_attachment_download_on_internal_note_is_for_agents_only(
    client, desk, make_case
):
    case = make_case()
    services.case_note(
        case=case,
        author=desk.specialist,
        body="Payroll extract",
        attachments=[upload("extract.csv", b"a,b\n1,2\n")],
        now=MONDAY_10AM,
    )
    attachment = case.attachments.get()
    client.force_login(desk.requester)
    assert client.get(_url(attachment)).status_code == 404
    client.force_login(desk.specialist)
    assert client.get(_url(attachment)).status_code == 200


def test_attachment_download_of_a_confidential_case_is_recorded(
    client, desk, make_case
):
    case = make_case(request_type=desk.grievance, attachments=[upload("note.pdf")])
    client.force_login(desk.business_partner)
    assert client.get(_url(case.attachments.get())).status_code == 200
    viewed = case.events.get(kind="viewed_confidential")
    assert viewed.actor == desk.business_partner
    assert not viewed.public


def test_attachment_download_requires_sign_in(client, desk, make_case):
    case = make_case(attachments=[upload("payslip.pdf")])
    response = client.get(_url(case.attachments.get()))
    assert response.status_code == 302


def test_attachment_download_is_404_when_the_file_is_gone(client, desk, make_case):
    case = make_case(attachments=[upload("payslip.pdf")])
    attachment = case.attachments.get()
    Path(attachment.file.path).unlink()
    client.force_login(desk.requester)
    assert client.get(_url(attachment)).status_code == 404
