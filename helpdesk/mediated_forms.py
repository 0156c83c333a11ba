"""The form case managers use to raise a request for someone who phoned or called in."""

from __future__ import annotations

from django import forms
from django.db.models import TextChoices

from helpdesk import selectors_requests
from helpdesk.agent_forms import MultipleFileField
from helpdesk.models import RequestType


class Channel(TextChoices):
    PHONE = "phone", "Phone call"
    WALK_IN = "walk_in", "Walk-in"
    EMAIL = "email", "Email"
    TEAMS = "teams", "Microsoft Teams"


class OnBehalfForm(forms.Form):
    person = forms.CharField(
        label="Who is the request for?",
        help_text="Enter their name or council email address.",
        max_length=200,
        error_messages={"required": "Enter the name or email address of the person."},
    )
    request_type = forms.ModelChoiceField(
        label="Request type",
        queryset=RequestType.objects.select_related("service_area"),
        empty_label="Choose a request type",
        error_messages={
            "required": "Choose a request type.",
            "invalid_choice": "Choose a request type from the list.",
        },
    )
    channel = forms.ChoiceField(
        label="How did they contact us?",
        choices=Channel.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose how they contacted us.",
            "invalid_choice": "Choose how they contacted us.",
        },
    )
    subject = forms.CharField(
        label="Subject",
        max_length=200,
        error_messages={
            "required": "Enter a subject.",
            "max_length": "The subject must be 200 characters or fewer.",
        },
    )
    description = forms.CharField(
        label="What do they need?",
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": "Describe what they need."},
    )
    attachments = MultipleFileField(label="Attach files (optional)", required=False)

    def clean_person(self):
        """Resolve the text to exactly one active member of staff."""
        text = self.cleaned_data["person"].strip()
        people = selectors_requests.people_matching(text=text, limit=2)
        if not people:
            raise forms.ValidationError(
                f"No member of staff matches “{text}”. Check the spelling, or "
                "enter their email address."
            )
        if len(people) > 1:
            raise forms.ValidationError(
                f"More than one member of staff matches “{text}”. Enter their "
                "email address, or choose them from the suggestions."
            )
        return people[0]
