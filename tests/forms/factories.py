"""Factories for request form tests: form pages and their questions."""

import factory
import wagtail_factories

from forms.models import Outcome, RequestFormField, RequestFormPage


class RequestFormPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = RequestFormPage

    title = factory.Sequence(lambda n: f"Request form {n}")
    outcome = Outcome.CASE


def question(page, label: str, field_type: str = "singleline", **fields):
    """Add a question to the end of a form page."""
    fields.setdefault("required", True)
    return RequestFormField.objects.create(
        page=page,
        label=label,
        field_type=field_type,
        sort_order=page.form_fields.count(),
        **fields,
    )
