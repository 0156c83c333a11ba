"""Each question type with good and bad input, and conditional questions."""

import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.forms.factories import RequestFormPageFactory, question
from tests.helpdesk import uploads
from tests.intranet.factories import UserFactory


@pytest.fixture
def every_type(area_pages, desk):
    page = RequestFormPageFactory(
        parent=area_pages.finance, title="Everything", request_type=desk.invoice
    )
    for label, field_type, extra in [
        ("Short", "singleline", {}),
        ("Long", "multiline", {}),
        ("Email", "email", {}),
        ("Amount", "number", {}),
        ("Needed by", "date", {}),
        ("Colour", "radio", {"choices": "Red\nBlue"}),
        ("Sizes", "checkboxes", {"choices": "Small\nLarge"}),
        ("Urgent", "yesno", {}),
        ("Receipt", "file", {}),
        ("Budget holder", "person", {}),
        ("Cost code", "costcode", {}),
    ]:
        question(page, label, field_type, required=False, **extra)
    return page


def _form(page, user, data=None, files=None):
    data = {"submission_key": str(uuid.uuid4()), "subject": "Help", **(data or {})}
    return page.get_form(data, files or {}, page=page, user=user)


def _error(page, user, name, value=None, files=None):
    form = _form(page, user, {name: value} if value is not None else {}, files)
    assert not form.is_valid()
    return " ".join(form.errors[name])


GOOD = [
    ("short", "Hello", "Hello"),
    ("long", "Line one\nLine two", "Line one\nLine two"),
    ("email", "ann@avonford.gov.uk", "ann@avonford.gov.uk"),
    ("amount", "12.50", "12.50"),
    ("colour", "Blue", "Blue"),
    ("urgent", "no", "no"),
    ("cost_code", "ab 1234", "AB1234"),
]


@pytest.mark.parametrize(("name", "value", "stored"), GOOD)
def test_question_accepts_good_input(every_type, staff_user, name, value, stored):
    form = _form(every_type, staff_user, {name: value})
    assert form.is_valid(), form.errors
    assert form.clean_answers().answers[name] == stored


BAD = [
    ("email", "ann-at-avonford", "Enter an email address in the correct format"),
    ("amount", "twelve", "Enter a number for “Amount”"),
    ("colour", "Green", "Select a valid choice"),
    ("urgent", "maybe", "Select a valid choice"),
    ("cost_code", "A12345", "Two letters then four numbers, for example AB1234"),
    ("budget_holder", "nobody.here", "No member of staff matches “nobody.here”"),
]


@pytest.mark.parametrize(("name", "value", "message"), BAD)
def test_question_refuses_bad_input_saying_why(
    every_type, staff_user, name, value, message
):
    assert message in _error(every_type, staff_user, name, value)


def test_date_question_takes_day_month_and_year(every_type, staff_user):
    form = _form(
        every_type,
        staff_user,
        {"needed_by_0": "1", "needed_by_1": "6", "needed_by_2": "2026"},
    )
    assert form.is_valid(), form.errors
    assert form.clean_answers().answers["needed_by"] == "2026-06-01"


def test_date_question_refuses_a_date_that_does_not_exist(every_type, staff_user):
    form = _form(
        every_type,
        staff_user,
        {"needed_by_0": "31", "needed_by_1": "2", "needed_by_2": "2026"},
    )
    assert not form.is_valid()
    assert form.errors["needed_by"] == ["Enter a real date"]


def test_multiple_choice_question_keeps_every_choice(every_type, staff_user):
    data = {"submission_key": str(uuid.uuid4()), "subject": "Help"}
    query = every_type.get_form(
        _querydict({**data, "sizes": ["Small", "Large"]}),
        {},
        page=every_type,
        user=staff_user,
    )
    assert query.is_valid(), query.errors
    assert query.clean_answers().answers["sizes"] == ["Small", "Large"]


def _querydict(values):
    from django.http import QueryDict

    result = QueryDict(mutable=True)
    for key, value in values.items():
        result.setlist(key, value if isinstance(value, list) else [value])
    return result


@pytest.mark.parametrize(
    "typed",
    ["bo.holder", "BO.HOLDER@avonford.gov.uk", "Bo Holder", "Bo Holder (bo.holder)"],
)
def test_person_question_finds_staff_by_username_email_or_name(
    every_type, staff_user, typed
):
    holder = UserFactory(
        username="bo.holder",
        email="bo.holder@avonford.gov.uk",
        first_name="Bo",
        last_name="Holder",
    )
    form = _form(every_type, staff_user, {"budget_holder": typed})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["budget_holder"] == holder
    assert form.clean_answers().answers["budget_holder"] == "bo.holder"


def test_person_question_ignores_people_who_have_left(every_type, staff_user):
    UserFactory(username="gone.away", is_active=False)
    assert "No member of staff matches" in _error(
        every_type, staff_user, "budget_holder", "gone.away"
    )


def test_person_question_asks_for_an_email_when_two_share_a_name(
    every_type, staff_user
):
    UserFactory(first_name="Sam", last_name="Smith")
    UserFactory(first_name="Sam", last_name="Smith")
    assert "enter their email address" in _error(
        every_type, staff_user, "budget_holder", "Sam Smith"
    )


def test_file_question_accepts_a_real_pdf(every_type, staff_user):
    pdf = uploads.upload("receipt.pdf")
    form = _form(every_type, staff_user, files={"receipt": pdf})
    assert form.is_valid(), form.errors
    assert form.clean_answers().answers["receipt"] == "receipt.pdf"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("setup.exe", uploads.EXE, "setup.exe is not an allowed type"),
        ("receipt.pdf", uploads.EXE, "receipt.pdf does not look like a PDF"),
    ],
)
def test_file_question_refuses_a_wrong_type(
    every_type, staff_user, name, content, message
):
    upload = SimpleUploadedFile(name, content)
    assert message in _error(
        every_type, staff_user, "receipt", files={"receipt": upload}
    )


def test_file_question_refuses_an_oversized_file(every_type, staff_user, settings):
    settings.HELPDESK_MAX_ATTACHMENT_BYTES = 1024
    big = SimpleUploadedFile("big.pdf", uploads.PDF + b"0" * 2048)
    assert "files must be smaller than 1.0" in _error(
        every_type, staff_user, "receipt", files={"receipt": big}
    )


def test_required_question_says_what_to_answer(area_pages, desk, staff_user):
    page = RequestFormPageFactory(parent=area_pages.hr, request_type=desk.hr_query)
    question(page, "Your new address", "multiline")
    question(page, "Start date", "date")
    question(page, "Team", "radio", choices="A\nB")
    form = _form(page, staff_user, {"subject": ""})
    assert not form.is_valid()
    assert form.errors["subject"] == ["Enter a summary of your request"]
    assert form.errors["your_new_address"] == ["Answer “Your new address”"]
    assert form.errors["start_date"] == ["Enter the date for “Start date”"]
    assert form.errors["team"] == ["Select an answer for “Team”"]


def test_cost_code_follows_the_pattern_set_on_the_form(area_pages, desk, staff_user):
    page = RequestFormPageFactory(
        parent=area_pages.finance,
        request_type=desk.invoice,
        cost_code_pattern=r"[0-9]{6}",
        cost_code_hint="Six numbers, for example 123456",
    )
    question(page, "Cost code", "costcode")
    assert _form(page, staff_user, {"cost_code": "123456"}).is_valid()
    assert "Six numbers, for example 123456" in _error(
        page, staff_user, "cost_code", "AB1234"
    )


# Conditional questions


def test_hidden_required_question_is_not_required(pay_form, staff_user):
    form = _form(
        pay_form,
        staff_user,
        {"which_month": "June", "was_overtime_missing": "no"},
    )
    assert form.is_valid(), form.errors


def test_shown_required_question_is_required(pay_form, staff_user):
    form = _form(
        pay_form, staff_user, {"which_month": "June", "was_overtime_missing": "yes"}
    )
    assert not form.is_valid()
    assert form.errors["how_many_hours"] == ["Answer “How many hours?”"]


def test_tampered_hidden_value_is_dropped_from_the_answers(pay_form, staff_user):
    form = _form(
        pay_form,
        staff_user,
        {
            "which_month": "June",
            "was_overtime_missing": "no",
            "how_many_hours": "not a number",
        },
    )
    assert form.is_valid(), form.errors
    assert "how_many_hours" not in form.clean_answers().answers


def test_conditional_question_carries_a_hint_for_browsers_without_scripts(
    pay_form, staff_user
):
    form = pay_form.get_form(page=pay_form, user=staff_user)
    assert form.fields["how_many_hours"].help_text == (
        "Only answer if you answered “Yes” to “Was overtime missing?”."
    )
