"""The question types editors can use, and how each becomes a form field."""

import re
from datetime import date

from crispy_forms_gds.fields import DateInputField
from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import models
from wagtail.contrib.forms.forms import FormBuilder

from forms.conditions import Condition
from helpdesk.attachments import attachment_check

RESERVED_NAMES = frozenset({"subject", "request_for", "on_behalf_of", "submission_key"})
_PERSON_IN_BRACKETS = re.compile(r"\(([\w.@+-]+)\)\s*$")


class FieldType(models.TextChoices):
    SHORT_TEXT = "singleline", "Short text"
    PARAGRAPH = "multiline", "Paragraph"
    EMAIL = "email", "Email address"
    NUMBER = "number", "Number"
    DATE = "date", "Date"
    CHOICE = "radio", "Choice (pick one)"
    MULTIPLE_CHOICE = "checkboxes", "Multiple choice (pick any)"
    YES_NO = "yesno", "Yes or no"
    FILE = "file", "File upload"
    PERSON = "person", "Member of staff"
    COST_CODE = "costcode", "Cost code"


NEEDS_CHOICES = frozenset({FieldType.CHOICE, FieldType.MULTIPLE_CHOICE})
YES_NO_CHOICES = [("yes", "Yes"), ("no", "No")]


class DateAnswerField(DateInputField):
    """A GOV.UK day, month and year date, refusing dates that do not exist."""

    def compress(self, data_list):
        day, month, year = data_list
        if not (day and month and year):
            return None
        try:
            return date(day=int(day), month=int(month), year=int(year))
        except ValueError as error:
            raise ValidationError("Enter a real date", code="invalid") from error


class PersonField(forms.CharField):
    """A member of staff, found by username, email address or full name."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 200)
        super().__init__(**kwargs)
        self.widget.attrs.update({"autocomplete": "off", "spellcheck": "false"})

    def clean(self, value):
        text = super().clean(value)
        if not text:
            return None
        return person_lookup(text)

    def prepare_value(self, value):
        if isinstance(value, get_user_model()):
            return person_label(value)
        return value


def person_label(person) -> str:
    return f"{person.display_name} ({person.username})"


def person_lookup(text: str):
    """Return the one active member of staff ``text`` names.

    :raises ValidationError: if nobody, or more than one person, matches
    """
    people = get_user_model().objects.filter(is_active=True)
    bracketed = _PERSON_IN_BRACKETS.search(text)
    key = bracketed.group(1) if bracketed else text.strip()
    found = list(
        people.filter(models.Q(username__iexact=key) | models.Q(email__iexact=key))[:2]
    )
    if not found:
        first, _, last = key.partition(" ")
        if last:
            found = list(
                people.filter(first_name__iexact=first, last_name__iexact=last)[:2]
            )
    if len(found) > 1:
        raise ValidationError(
            f"More than one person is called {key}: enter their email address",
            code="ambiguous",
        )
    if not found:
        raise ValidationError(
            f"No member of staff matches “{key}”: enter their name, username or "
            "email address",
            code="unknown",
        )
    return found[0]


class CostCodeField(forms.CharField):
    """A cost code matching the form's pattern, upper-cased and without spaces."""

    def __init__(self, *, pattern: str, hint: str, **kwargs):
        kwargs.setdefault("max_length", 50)
        super().__init__(**kwargs)
        self.pattern = re.compile(pattern)
        self.hint = hint

    def to_python(self, value):
        return re.sub(r"\s+", "", super().to_python(value) or "").upper()

    def validate(self, value):
        super().validate(value)
        if value and not self.pattern.fullmatch(value):
            raise ValidationError(
                f"Enter a cost code in the right format: {self.hint}", code="invalid"
            )


class UploadField(forms.FileField):
    """One file, refused unless its size, type and content all pass."""

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if upload:
            try:
                attachment_check(upload)
            except ValidationError as error:
                raise ValidationError(
                    "; ".join(error.messages), code="refused"
                ) from error
        return upload


def _required_message(field, verb: str) -> dict:
    return {"required": f"{verb} “{field.label}”"}


class RequestFormBuilder(FormBuilder):
    """Build form fields for the question types in `FieldType`."""

    def create_singleline_field(self, field, options):
        options["max_length"] = 255
        options["error_messages"] = _required_message(field, "Answer")
        return forms.CharField(**options)

    def create_multiline_field(self, field, options):
        options["error_messages"] = _required_message(field, "Answer")
        options["max_length"] = 5000
        return forms.CharField(widget=forms.Textarea, **options)

    def create_email_field(self, field, options):
        options["error_messages"] = {
            **_required_message(field, "Answer"),
            "invalid": "Enter an email address in the correct format, like "
            "name@avonford.gov.uk",
        }
        return forms.EmailField(**options)

    def create_number_field(self, field, options):
        options["error_messages"] = {
            **_required_message(field, "Answer"),
            "invalid": f"Enter a number for “{field.label}”, like 12 or 12.50",
        }
        # A text box with a numeric keyboard, as the GOV.UK design system asks:
        # browsers' number inputs change value on scroll and drop what they
        # cannot parse, and the design system only styles text inputs.
        options["widget"] = forms.TextInput(
            attrs={"inputmode": "decimal", "spellcheck": "false"}
        )
        return forms.DecimalField(max_digits=12, **options)

    def create_date_field(self, field, options):
        options.pop("initial", None)
        field_obj = DateAnswerField(require_all_fields=False, **options)
        field_obj.error_messages["required"] = f"Enter the date for “{field.label}”"
        return field_obj

    def create_radio_field(self, field, options):
        options["choices"] = self.get_formatted_field_choices(field)
        options["error_messages"] = _required_message(field, "Select an answer for")
        return forms.ChoiceField(widget=forms.RadioSelect, **options)

    def create_checkboxes_field(self, field, options):
        options["choices"] = self.get_formatted_field_choices(field)
        options["initial"] = [
            value for value in self.get_formatted_field_initial(field) if value
        ]
        options["error_messages"] = _required_message(field, "Select an answer for")
        return forms.MultipleChoiceField(widget=forms.CheckboxSelectMultiple, **options)

    def create_yesno_field(self, field, options):
        options["choices"] = YES_NO_CHOICES
        options["error_messages"] = _required_message(field, "Select yes or no for")
        return forms.ChoiceField(widget=forms.RadioSelect, **options)

    def create_file_field(self, field, options):
        options.pop("initial", None)
        options["error_messages"] = _required_message(field, "Choose a file for")
        return UploadField(**options)

    def create_person_field(self, field, options):
        options["error_messages"] = _required_message(field, "Answer")
        return PersonField(**options)

    def create_costcode_field(self, field, options):
        page = field.page
        options["error_messages"] = _required_message(field, "Answer")
        return CostCodeField(
            pattern=page.cost_code_pattern, hint=page.cost_code_hint, **options
        )

    def conditions(self) -> list[Condition]:
        """Return each question's condition, naming the earlier question it needs."""
        found, earlier = [], {}
        for field in self.fields:
            name = _name(field)
            wanted = field.condition_field.strip().casefold()
            if wanted:
                found.append(
                    Condition(
                        field=name,
                        depends_on=earlier.get(wanted, f"unknown:{wanted}"),
                        value=field.condition_value.strip(),
                    )
                )
            earlier[field.label.strip().casefold()] = name
            earlier[name.casefold()] = name
        return found

    def get_field_options(self, field):
        options = super().get_field_options(field)
        if field.condition_field.strip():
            # Required only when shown; the form checks that once it knows.
            options["required"] = False
            options["help_text"] = " ".join(
                part for part in (_condition_hint(field), options["help_text"]) if part
            )
        return options

    def get_form_class(self):
        from forms.validation import RequestForm

        conditions = tuple(self.conditions())
        required = {_name(field) for field in self.fields if field.required}
        attrs = {
            **self.formfields,
            "conditions": conditions,
            "required_when_shown": frozenset(
                condition.field
                for condition in conditions
                if condition.field in required
            ),
        }
        return type("RequestFormFields", (RequestForm,), attrs)


def _name(field) -> str:
    return field.clean_name or field.get_field_clean_name()


def _condition_hint(field) -> str:
    if field.condition_value.strip():
        return (
            f"Only answer if you answered “{field.condition_value.strip()}” to "
            f"“{field.condition_field.strip()}”."
        )
    return f"Only answer if you answered “{field.condition_field.strip()}”."
