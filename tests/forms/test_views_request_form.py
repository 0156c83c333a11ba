"""The request form page: rendering, submitting, refusing, deflecting."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from forms.models import HeldUpload, Submission
from forms.services import held_uploads
from helpdesk.models import Case
from helpdesk.storage import get_private_storage as default_private_storage
from knowledge.models import SelfServiceResolution
from tests.forms.conftest import pay_answers
from tests.forms.factories import question
from tests.helpdesk import uploads
from tests.knowledge.factories import KnowledgeArticlePageFactory


@pytest.fixture
def requester_client(client, desk):
    client.force_login(desk.requester)
    return client


def _post(client, page, data, capture):
    with capture(execute=True):
        return client.post(page.url, data)


def _private_files() -> list[Path]:
    root = Path(settings.PRIVATE_MEDIA_ROOT)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_form_page_shows_questions_hints_and_a_submission_key(
    requester_client, pay_form
):
    response = requester_client.get(pay_form.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Which month?" in html
    assert 'data-show-when="was_overtime_missing"' in html
    assert "Only answer if you answered “Yes” to “Was overtime missing?”." in html
    assert re.search(r'name="submission_key" value="[0-9a-f-]{36}"', html)
    assert 'enctype="multipart/form-data"' in html
    assert "js/forms-conditions.js" in html


def test_form_page_is_listed_under_make_a_request(requester_client, pay_form):
    response = requester_client.get(pay_form.get_parent().url)
    assert 'data-testid="forms"' in response.content.decode()
    assert "Pay query" in response.content.decode()


def test_submit_redirects_to_a_confirmation_with_the_case_reference(
    requester_client, pay_form, desk, django_capture_on_commit_callbacks
):
    response = _post(
        requester_client, pay_form, pay_answers(), django_capture_on_commit_callbacks
    )
    submission = Submission.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("selfservice:submission", args=[submission.pk])
    page = requester_client.get(response.url).content.decode()
    assert submission.case.reference in page
    assert "Request sent" in page


def test_confirmation_opens_only_for_the_submitter(
    client, requester_client, pay_form, desk, django_capture_on_commit_callbacks
):
    response = _post(
        requester_client, pay_form, pay_answers(), django_capture_on_commit_callbacks
    )
    client.force_login(desk.colleague)
    assert client.get(response.url).status_code == 404


def test_double_submit_makes_one_case_and_the_same_confirmation(
    requester_client, pay_form, django_capture_on_commit_callbacks
):
    data = pay_answers()
    first = _post(requester_client, pay_form, data, django_capture_on_commit_callbacks)
    second = _post(requester_client, pay_form, data, django_capture_on_commit_callbacks)
    assert first.url == second.url
    assert Submission.objects.count() == 1
    assert Case.objects.count() == 1


def test_errors_show_in_a_summary_linked_to_each_question(requester_client, pay_form):
    response = requester_client.post(pay_form.url, pay_answers(how_many_hours=None))
    html = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in html
    assert '<a href="#id_how_many_hours">Answer “How many hours?”</a>' in html
    assert html.count("Answer “How many hours?”") == 2
    assert "<title>Error: Pay query" in html
    assert not Submission.objects.exists()


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (lambda: SimpleUploadedFile("payslip.exe", uploads.EXE), "not an allowed type"),
        (
            lambda: SimpleUploadedFile("payslip.pdf", uploads.HTML),
            "does not look like a PDF",
        ),
        (
            lambda: SimpleUploadedFile("big.pdf", uploads.PDF + b"0" * 4096),
            "files must be smaller than",
        ),
    ],
)
def test_refused_upload_shows_why_and_saves_nothing(
    requester_client, pay_form, settings, upload, message
):
    settings.HELPDESK_MAX_ATTACHMENT_BYTES = 2048
    before = _private_files()
    response = requester_client.post(
        pay_form.url, {**pay_answers(), "evidence": upload()}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Submission.objects.exists()
    assert not Case.objects.exists()
    assert _private_files() == before


def test_staff_cannot_raise_for_someone_else_by_adding_fields(
    requester_client, pay_form, desk, django_capture_on_commit_callbacks
):
    data = pay_answers(request_for="someone_else", on_behalf_of=desk.colleague.pk)
    _post(requester_client, pay_form, data, django_capture_on_commit_callbacks)
    assert Case.objects.get().requester == desk.requester


def test_manager_chooses_among_direct_reports_only(client, pay_form, desk):
    client.force_login(desk.manager)
    page = client.get(pay_form.url).content.decode()
    assert "Which of your direct reports is it for?" in page
    assert desk.requester.display_name in page
    response = client.post(
        pay_form.url,
        pay_answers(request_for="someone_else", on_behalf_of=desk.stranger.pk),
    )
    assert "Choose one of your direct reports" in response.content.decode()
    assert not Submission.objects.exists()


def test_case_manager_raises_for_anyone_by_name(
    client, pay_form, desk, django_capture_on_commit_callbacks
):
    client.force_login(desk.case_manager)
    data = pay_answers(request_for="someone_else", on_behalf_of=desk.stranger.username)
    _post(client, pay_form, data, django_capture_on_commit_callbacks)
    case = Case.objects.get()
    assert (case.requester, case.raised_by) == (desk.stranger, desk.case_manager)


# Deflection


@pytest.fixture
def payslip_article(area_pages):
    from intranet.search import indexing

    article = KnowledgeArticlePageFactory(
        parent=area_pages.hr,
        title="Understanding your payslip",
        summary="What each line of your payslip means, and overtime pay.",
    )
    indexing.search_rebuild_database()
    return article


def test_suggestions_show_up_to_three_matching_articles(
    requester_client, pay_form, payslip_article
):
    response = requester_client.get(
        reverse("selfservice:suggestions", args=[pay_form.pk]),
        {"subject": "payslip overtime"},
    )
    html = response.content.decode()
    assert "Understanding your payslip" in html
    assert "This answered my question" in html


def test_check_for_answers_without_scripts_keeps_answers_and_sends_nothing(
    requester_client, pay_form, payslip_article
):
    response = requester_client.post(
        pay_form.url,
        pay_answers(subject="payslip overtime", check_answers="1", which_month=None),
    )
    html = response.content.decode()
    assert "Understanding your payslip" in html
    assert 'value="payslip overtime"' in html
    assert "govuk-error-summary" not in html
    assert not Submission.objects.exists()


def test_this_answered_my_question_records_the_deflection(
    requester_client, pay_form, payslip_article, desk
):
    response = requester_client.post(
        reverse("selfservice:answered", args=[pay_form.pk]),
        {"article": payslip_article.pk},
    )
    assert "No request has been sent" in response.content.decode()
    resolution = SelfServiceResolution.objects.get()
    assert resolution.article_id == payslip_article.pk
    assert resolution.form_page_id == pay_form.pk
    assert resolution.user == desk.requester
    assert not Submission.objects.exists()


def test_deflection_for_an_unknown_article_is_not_found(requester_client, pay_form):
    response = requester_client.post(
        reverse("selfservice:answered", args=[pay_form.pk]), {"article": "nope"}
    )
    assert response.status_code == 404
    assert not SelfServiceResolution.objects.exists()


def test_instant_answer_shows_on_the_confirmation(
    requester_client, payslip_form, django_capture_on_commit_callbacks
):
    response = _post(
        requester_client,
        payslip_form,
        pay_answers(subject="When do I get paid?"),
        django_capture_on_commit_callbacks,
    )
    page = requester_client.get(response.url).content.decode()
    assert "You are paid on the 25th of each month." in page
    assert not Case.objects.exists()


def test_person_suggestions_list_matching_active_staff(requester_client, desk):
    response = requester_client.get(
        reverse("selfservice:people"),
        {"field": "budget_holder", "budget_holder": "Stan"},
    )
    html = response.content.decode()
    assert f'value="{desk.stranger.display_name} (stan.stranger)"' in html
    assert "rita.requester" not in html


def evidence() -> SimpleUploadedFile:
    return SimpleUploadedFile("june-timesheet.pdf", uploads.PDF)


def held_notices(response) -> list[str]:
    return re.findall(
        r'<div class="govuk-inset-text" data-testid="held-upload">'
        r".*?</div>\s*</div>\s*</div>",
        response.content.decode(),
        re.DOTALL,
    )


def test_a_file_chosen_before_checking_for_answers_is_kept_and_sent(
    requester_client, pay_form, payslip_article, django_capture_on_commit_callbacks
):
    answers = pay_answers(subject="payslip")
    checked = requester_client.post(
        pay_form.url, {**answers, "check_answers": "1", "evidence": evidence()}
    )
    [notice] = held_notices(checked)
    assert "You chose <strong>june-timesheet.pdf</strong>" in notice
    assert 'name="remove_upload" type="checkbox" value="evidence"' in notice
    assert not Submission.objects.exists()

    response = _post(
        requester_client, pay_form, answers, django_capture_on_commit_callbacks
    )
    submission = Submission.objects.get()
    assert response.status_code == 302
    [stored] = submission.files.all()
    assert (stored.original_name, stored.file.read()) == (
        "june-timesheet.pdf",
        uploads.PDF,
    )
    assert not HeldUpload.objects.exists()


def test_an_error_elsewhere_keeps_an_accepted_file(requester_client, pay_form):
    response = requester_client.post(
        pay_form.url, {**pay_answers(how_many_hours=None), "evidence": evidence()}
    )
    assert "Answer “How many hours?”" in response.content.decode()
    [notice] = held_notices(response)
    assert "june-timesheet.pdf" in notice


def test_a_kept_file_answers_a_required_file_question(
    requester_client, pay_form, django_capture_on_commit_callbacks
):
    question = pay_form.form_fields.get(clean_name="evidence")
    question.required = True
    question.save()
    answers = pay_answers()
    first = requester_client.post(
        pay_form.url, {**answers, "which_month": "", "evidence": evidence()}
    )
    assert "Choose a file" not in first.content.decode()
    response = _post(
        requester_client, pay_form, answers, django_capture_on_commit_callbacks
    )
    assert response.status_code == 302
    assert Submission.objects.get().files.count() == 1


def test_a_new_file_replaces_the_kept_one(
    requester_client, pay_form, django_capture_on_commit_callbacks
):
    answers = pay_answers(how_many_hours=None)
    requester_client.post(pay_form.url, {**answers, "evidence": evidence()})
    replacement = SimpleUploadedFile("july-timesheet.pdf", uploads.PDF)
    second = requester_client.post(pay_form.url, {**answers, "evidence": replacement})
    [notice] = held_notices(second)
    assert "july-timesheet.pdf" in notice
    assert HeldUpload.objects.get().original_name == "july-timesheet.pdf"
    _post(
        requester_client,
        pay_form,
        {**answers, "how_many_hours": "2"},
        django_capture_on_commit_callbacks,
    )
    assert Submission.objects.get().files.get().original_name == "july-timesheet.pdf"


def test_a_removed_file_is_not_sent(
    requester_client, pay_form, django_capture_on_commit_callbacks
):
    answers = pay_answers(how_many_hours=None)
    requester_client.post(pay_form.url, {**answers, "evidence": evidence()})
    held_file = HeldUpload.objects.get().file.name
    complete = {**answers, "how_many_hours": "2", "remove_upload": "evidence"}
    with django_capture_on_commit_callbacks(execute=True):
        response = requester_client.post(pay_form.url, complete)
    assert response.status_code == 302
    assert not Submission.objects.get().files.exists()
    assert not HeldUpload.objects.exists()
    assert not default_private_storage().exists(held_file)


def test_a_refused_file_is_named_in_its_error_and_not_kept(requester_client, pay_form):
    response = requester_client.post(
        pay_form.url,
        {
            **pay_answers(how_many_hours=None),
            "evidence": SimpleUploadedFile("payslip.exe", uploads.EXE),
        },
    )
    assert "not an allowed type" in response.content.decode()
    assert held_notices(response) == []
    assert not HeldUpload.objects.exists()


def test_a_kept_file_name_is_escaped(requester_client, pay_form):
    name = "<img src=x onerror=alert(1)>{{ request }}.pdf"
    response = requester_client.post(
        pay_form.url,
        {
            **pay_answers(check_answers="1"),
            "evidence": SimpleUploadedFile(name, uploads.PDF),
        },
    )
    [notice] = held_notices(response)
    # Angle brackets never reach a stored name; template syntax stays text.
    assert "onerror=alert(1){{ request }}.pdf</strong>" in notice
    assert "<img" not in notice


def test_someone_elses_kept_file_is_never_used(
    requester_client, pay_form, desk, client, django_capture_on_commit_callbacks
):
    answers = pay_answers(how_many_hours=None)
    requester_client.post(pay_form.url, {**answers, "evidence": evidence()})
    client.force_login(desk.colleague)
    response = _post(
        client,
        pay_form,
        {**answers, "how_many_hours": "2"},
        django_capture_on_commit_callbacks,
    )
    assert response.status_code == 302
    submission = Submission.objects.get(submitter=desk.colleague)
    assert not submission.files.exists()
    assert HeldUpload.objects.get().owner == desk.requester


def test_a_malformed_submission_key_holds_nothing(requester_client, pay_form):
    response = requester_client.post(
        pay_form.url,
        {**pay_answers(submission_key="not-a-key"), "evidence": evidence()},
    )
    assert response.status_code == 200
    assert held_notices(response) == []
    assert not HeldUpload.objects.exists()


def test_no_kept_file_without_a_file(requester_client, pay_form, payslip_article):
    response = requester_client.post(
        pay_form.url, pay_answers(subject="payslip", check_answers="1")
    )
    assert held_notices(response) == []


def test_a_number_question_is_a_styled_text_box_with_a_numeric_keyboard(
    requester_client, pay_form
):
    response = requester_client.post(pay_form.url, pay_answers(how_many_hours="seven"))
    [box] = re.findall(
        r'<input[^>]*name="how_many_hours"[^>]*>', response.content.decode()
    )
    assert 'type="text"' in box
    assert 'inputmode="decimal"' in box
    assert "govuk-input govuk-input--error" in box
    assert 'value="seven"' in box


def test_a_file_that_cannot_be_held_leaves_the_page_working(
    requester_client, pay_form, monkeypatch
):
    def refuse(upload):
        raise ValidationError("The file could not be read again.")

    monkeypatch.setattr(held_uploads, "attachment_check", refuse)
    response = requester_client.post(
        pay_form.url, {**pay_answers(how_many_hours=None), "evidence": evidence()}
    )
    assert response.status_code == 200
    assert "Answer “How many hours?”" in response.content.decode()
    assert held_notices(response) == []
    assert not HeldUpload.objects.exists()


def test_a_held_file_gone_from_storage_asks_for_the_file_again(
    requester_client, pay_form, django_capture_on_commit_callbacks
):
    answers = pay_answers(how_many_hours=None)
    requester_client.post(pay_form.url, {**answers, "evidence": evidence()})
    held = HeldUpload.objects.get()
    default_private_storage().delete(held.file.name)
    response = _post(
        requester_client,
        pay_form,
        {**answers, "how_many_hours": "2"},
        django_capture_on_commit_callbacks,
    )
    assert response.status_code == 200
    assert (
        "june-timesheet.pdf is no longer available: choose the file again"
        in response.content.decode()
    )
    assert not Submission.objects.exists()


def test_a_file_question_whose_name_starts_with_a_digit_shows_its_kept_file(
    requester_client, pay_form
):
    question(pay_form, "2nd document", "file", required=False)
    response = requester_client.post(
        pay_form.url,
        {**pay_answers(how_many_hours=None), "2nd_document": evidence()},
    )
    [notice] = held_notices(response)
    assert 'value="2nd_document"' in notice
