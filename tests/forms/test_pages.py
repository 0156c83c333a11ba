"""Request form pages as editors set them up in the Wagtail admin."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from forms.models import Outcome, RequestFormField, RequestFormPage


def test_editor_can_open_the_new_request_form_page(client, make_user, area_pages):
    admin = make_user(is_superuser=True, is_staff=True)
    client.force_login(admin)
    url = reverse(
        "wagtailadmin_pages:add",
        args=["selfservice", "requestformpage", area_pages.hr.pk],
    )
    response = client.get(url)
    assert response.status_code == 200
    assert "Show only when" in response.content.decode()


@pytest.mark.parametrize(
    ("fields", "error_field", "message"),
    [
        ({"outcome": Outcome.INSTANT}, "instant_answer", "Write the answer"),
        ({"outcome": Outcome.CASE}, "request_type", "Choose the kind of case"),
        (
            {
                "outcome": Outcome.INSTANT,
                "instant_answer": "<p>x</p>",
                "cost_code_pattern": "[A-Z",
            },
            "cost_code_pattern",
            "not a valid pattern",
        ),
    ],
)
def test_form_page_refuses_incomplete_settings(
    area_pages, fields, error_field, message
):
    page = RequestFormPage(title="Broken", slug="broken", **fields)
    with pytest.raises(ValidationError) as raised:
        page.clean()
    assert message in " ".join(raised.value.message_dict[error_field])


def test_question_may_not_take_a_name_every_form_uses():
    field = RequestFormField(label="Subject", field_type="singleline")
    with pytest.raises(ValidationError, match="used by every request form"):
        field.clean()


def test_choice_question_needs_choices():
    field = RequestFormField(label="Colour", field_type="radio")
    with pytest.raises(ValidationError, match="Give at least one choice"):
        field.clean()


def test_form_page_takes_its_service_area_from_its_parent(pay_form):
    assert pay_form.service_area.slug == "hr"
