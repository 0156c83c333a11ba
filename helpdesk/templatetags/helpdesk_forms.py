"""`govuk_form`: the GOV.UK markup crispy-forms-gds gives a form, built in Python.

The agent's pages show up to ten forms; rendering each field through the
template pack's nested templates was a large part of their time. This builds
the same markup, field by field, for the widgets the agent forms use, and
hands any other form to the template pack.
"""

from __future__ import annotations

from crispy_forms.templatetags.crispy_forms_filters import as_crispy_form
from django import forms, template
from django.template.defaultfilters import unordered_list
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

#: The template pack's class for each widget, by lower-cased widget class name.
_CLASSES = {
    "checkboxinput": "govuk-checkboxes__input",
    "select": "govuk-select",
    "textinput": "govuk-input",
    "emailinput": "govuk-input",
    "passwordinput": "govuk-input",
    "textarea": "govuk-textarea",
    "clearablefileinput": "govuk-file-upload",
}
_PLAIN = (forms.Select, forms.TextInput, forms.DateInput, forms.Textarea)
_SUPPORTED = (*_PLAIN, forms.CheckboxInput, forms.FileInput, forms.HiddenInput)
_UNSUPPORTED = (forms.SelectMultiple, forms.RadioSelect, forms.MultiWidget)


def _supported(form: forms.BaseForm) -> bool:
    return all(
        isinstance(field.widget, _SUPPORTED)
        and not isinstance(field.widget, _UNSUPPORTED)
        for field in form.fields.values()
    )


def _prepare(field: forms.BoundField) -> None:
    """Set the widget's class and aria-describedby as the template pack does."""
    widget = field.field.widget
    name = type(widget).__name__
    classes = _CLASSES.get(name.lower(), name.lower()).split()
    classes += [c for c in widget.attrs.get("class", "").split() if c not in classes]
    css_class = " ".join(classes)
    if field.help_text:
        widget.attrs["aria-describedby"] = f"{field.auto_id}_hint"
    if field.errors:
        if name in ("Select", "TextInput", "Textarea"):
            css_class += " govuk-input--error"
        elif name in ("FileInput", "ClearableFileInput"):
            css_class += " govuk-file-upload--error"
        if not field.help_text:
            widget.attrs["aria-describedby"] = ""
        for number in range(1, len(field.errors) + 1):
            described = widget.attrs.get("aria-describedby", "")
            widget.attrs["aria-describedby"] = " ".join(
                filter(None, [described, f"{field.auto_id}_{number}_error"])
            )
    widget.attrs["class"] = css_class


def _hint_and_errors(field: forms.BoundField) -> SafeString:
    hint = (
        format_html(
            '<div id="{}_hint" class="govuk-hint">{}</div>',
            field.auto_id,
            mark_safe(field.help_text),  # noqa: S308  as the template pack: |safe
        )
        if field.help_text
        else ""
    )
    errors = format_html_join(
        "",
        '<span id="{}_{}_error" class="govuk-error-message">'
        '<span class="govuk-visually-hidden">Error:</span> {}</span>',
        ((field.auto_id, n, error) for n, error in enumerate(field.errors, 1)),
    )
    return format_html("{}{}", hint, errors)


def _field(field: forms.BoundField) -> SafeString:
    if field.is_hidden:
        return field.as_widget()
    _prepare(field)
    group = "govuk-form-group" + (" govuk-form-group--error" if field.errors else "")
    if field.css_classes():
        group += f" {field.css_classes()}"
    label = mark_safe(field.label)  # noqa: S308  as the template pack: |safe
    if isinstance(field.field.widget, forms.CheckboxInput):
        inner = format_html(
            '{}<div class="govuk-checkboxes"><div class="govuk-checkboxes__item">{}'
            '<label class="govuk-label govuk-checkboxes__label" for="{}">{}</label>'
            "</div></div>",
            _hint_and_errors(field),
            field.as_widget(),
            field.id_for_label,
            label,
        )
    else:
        label_tag = (
            format_html(
                '<label for="{}" class="govuk-label">{}</label>',
                field.id_for_label,
                label,
            )
            if field.label
            else ""
        )
        inner = format_html(
            "{}{}{}", label_tag, _hint_and_errors(field), field.as_widget()
        )
    return format_html(
        '<div id="div_{}" class="{}">{}</div>', field.auto_id, group, inner
    )


@register.filter
def govuk_form(form: forms.BaseForm) -> SafeString:
    """Render the form as `{{ form|crispy }}` does with the GOV.UK template pack."""
    if not _supported(form):
        return as_crispy_form(form)
    errors = (
        format_html(
            '<div class="alert alert-block alert-danger"><ul>{}</ul></div>',
            unordered_list(form.non_field_errors()),
        )
        if form.non_field_errors()
        else ""
    )
    return format_html(
        "{}{}", errors, format_html_join("", "{}", ((_field(f),) for f in form))
    )
