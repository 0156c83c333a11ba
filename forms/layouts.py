"""Crispy layouts for request forms and approval decisions, in GOV.UK markup."""

import re

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import HTML, Button, Div, Field, Fixed, Layout, Size
from django import forms as django_forms
from django.urls import reverse

from forms.fields import PersonField

CHECK_ANSWERS = "check_answers"
REMOVE_UPLOAD = "remove_upload"
SAFE_NAME = re.compile(r"[A-Za-z0-9_]+")
HELD_UPLOAD = '{{% include "forms/includes/held_upload.html" with field_name="{}" %}}'


def _field(name: str, field, *, page) -> object:
    widget = field.widget
    if isinstance(widget, django_forms.HiddenInput):
        return Field(name)
    if isinstance(widget, django_forms.RadioSelect):
        return Field.radios(name, legend_size=Size.SMALL, small=len(field.choices) > 4)
    if isinstance(widget, django_forms.CheckboxSelectMultiple):
        return Field.checkboxes(name, legend_size=Size.SMALL, small=True)
    if isinstance(widget, django_forms.Textarea):
        return Field.textarea(name, rows=5)
    if isinstance(field, PersonField):
        options = f"{name}-options"
        return Div(
            Field.text(
                name,
                field_width=Fixed.TWENTY,
                list=options,
                hx_get=f"{reverse('selfservice:people')}?field={name}",
                hx_trigger="input changed delay:300ms",
                hx_target=f"#{options}",
            ),
            HTML(f'<datalist id="{options}"></datalist>'),
        )
    if name == "subject":
        return Field.text(
            name,
            hx_get=reverse("selfservice:suggestions", args=[page.pk]),
            hx_trigger="input changed delay:400ms",
            hx_target="#deflection-suggestions",
            hx_swap="innerHTML",
        )
    if isinstance(widget, django_forms.Select | django_forms.MultiWidget):
        return Field(name)
    if isinstance(field, django_forms.FileField) and SAFE_NAME.fullmatch(name):
        # Only letters, digits and underscores go into the template's text.
        return Div(Field.text(name), HTML(HELD_UPLOAD.format(name)))
    return Field.text(name)


def request_form_helper(form, *, page, show_errors: bool = True) -> FormHelper:
    """Return the layout of a request form: each question, conditions marked.

    A conditional question is wrapped in a block naming the question it depends
    on, which the browser script reads to show or hide it.
    """
    conditions = {condition.field: condition for condition in form.conditions}
    items = []
    for name, field in form.fields.items():
        item = _field(name, field, page=page)
        condition = conditions.get(name)
        if condition is not None:
            item = Div(
                item,
                css_class="app-conditional",
                data_show_when=condition.depends_on,
                data_show_value=condition.value,
            )
        items.append(item)
        if name == "subject":
            items.append(HTML('{% include "forms/includes/deflection.html" %}'))
    items.append(Button("submit", "Send request"))
    helper = FormHelper()
    helper.form_tag = False
    helper.form_show_errors = show_errors
    helper.layout = Layout(*items)
    return helper


def decision_form_helper() -> FormHelper:
    """Return the layout of the approve-or-decline form."""
    helper = FormHelper()
    helper.form_tag = False
    helper.layout = Layout(
        Field.radios("decision", legend_size=Size.MEDIUM, inline=True),
        Field.textarea("comment", rows=4),
        Button("submit", "Send decision"),
    )
    return helper


def delegation_form_helper() -> FormHelper:
    """Return the layout of the "while I am away" form."""
    helper = FormHelper()
    helper.form_tag = False
    helper.layout = Layout(
        Field("absent_until"),
        Field.text("delegate"),
        Button("submit", "Save"),
    )
    return helper
