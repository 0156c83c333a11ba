"""The request form as people fill it in: built-in questions, conditions, answers.

Editors' questions come from `fields.RequestFormBuilder`; this base class adds the
questions every form asks (who the request is for, and a subject), the hidden
submission key that makes a repeated submit harmless, and the server-side half
of conditional questions.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django import forms
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import UploadedFile
from wagtail.contrib.forms.forms import BaseForm

from forms import conditions, fields, selectors

MYSELF = "myself"
SOMEONE_ELSE = "someone_else"
BUILT_IN = ("request_for", "on_behalf_of", "subject", "submission_key")
HELD_FILE_GONE = "{} is no longer available: choose the file again"


@dataclass(frozen=True)
class CleanAnswers:
    """What a valid form holds, ready to store."""

    subject: str
    on_behalf_of: object | None
    answers: dict
    labels: dict
    uploads: list[tuple[str, UploadedFile]]
    key: uuid.UUID


class RequestForm(BaseForm):
    conditions: tuple[conditions.Condition, ...] = ()
    required_when_shown: frozenset[str] = frozenset()
    held: dict = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        built_in = {
            "submission_key": forms.UUIDField(
                widget=forms.HiddenInput,
                initial=uuid.uuid4,
                error_messages={
                    "required": "The form has expired: reload the page and try again",
                    "invalid": "The form has expired: reload the page and try again",
                },
            ),
        }
        self.conditions = tuple(self.conditions)
        self.required_when_shown = set(self.required_when_shown)
        built_in.update(self._on_behalf_fields())
        built_in["subject"] = forms.CharField(
            label=self.page.subject_label,
            help_text=self.page.subject_hint,
            max_length=200,
            error_messages={"required": "Enter a summary of your request"},
        )
        self.fields = {**built_in, **self.fields}

    def _on_behalf_fields(self) -> dict:
        who = selectors.may_raise_for(user=self.user)
        if who is None:
            return {}
        self.conditions += (
            conditions.Condition("on_behalf_of", "request_for", SOMEONE_ELSE),
        )
        self.required_when_shown.add("on_behalf_of")
        if who == selectors.ANYONE:
            person = fields.PersonField(
                label="Who is it for?",
                help_text="Their name, username or email address.",
                required=False,
                error_messages={"required": "Enter who the request is for"},
            )
        else:
            person = forms.ModelChoiceField(
                queryset=who,
                label="Which of your direct reports is it for?",
                required=False,
                empty_label="Choose someone",
                error_messages={
                    "required": "Choose which of your direct reports it is for",
                    "invalid_choice": "Choose one of your direct reports",
                },
            )
        return {
            "request_for": forms.ChoiceField(
                label="Who is this request for?",
                choices=[(MYSELF, "Myself"), (SOMEONE_ELSE, "Someone else")],
                initial=MYSELF,
                widget=forms.RadioSelect,
                error_messages={"required": "Select who the request is for"},
            ),
            "on_behalf_of": person,
        }

    def clean(self):
        cleaned = super().clean()
        for name, held in self.held.items():
            if cleaned.get(name) or name in self._errors:
                continue
            try:
                cleaned[name] = _held_file(held)
            except OSError:
                self.add_error(name, HELD_FILE_GONE.format(held.original_name))
        shown = conditions.visible_fields(
            names=list(self.fields), conditions=self.conditions, answers=cleaned
        )
        for name, field in self.fields.items():
            if name not in shown:
                # A hidden question is never required, and whatever was sent for
                # it (typed before it was hidden, or forged) is dropped.
                cleaned.pop(name, None)
                self._errors.pop(name, None)
            elif (
                name in self.required_when_shown
                and cleaned.get(name) in conditions.EMPTY
                and name not in self._errors
            ):
                self.add_error(name, field.error_messages["required"])
        return cleaned

    def hold(self, held: dict) -> None:
        """Answer with these held files the questions sent without a new file.

        Call before validating. A question with a held file needs no new one;
        a new file chosen for it replaces the held one.
        """
        self.held = {
            name: upload
            for name, upload in held.items()
            if isinstance(self.fields.get(name), forms.FileField)
        }
        for name in self.held:
            self.fields[name].required = False

    def uploads_to_hold(self) -> list[tuple[str, UploadedFile]]:
        """Return (question, file) for each new file that passed its checks.

        A refused file is named in its own error, and a file for a hidden
        question is not needed, so neither is returned.
        """
        if not self.is_bound or not self.files:
            return []
        self.is_valid()  # validates once; cleaned_data then holds what passed
        return [
            (name, self.cleaned_data[name])
            for name in self.fields
            if name in self.files and self.cleaned_data.get(name) is self.files[name]
        ]

    def clean_answers(self) -> CleanAnswers:
        """Return the valid form's answers; call only after `is_valid()`."""
        data = self.cleaned_data
        answers, labels, uploads = {}, {}, []
        for name, field in self.fields.items():
            if name in BUILT_IN or name not in data:
                continue
            value = data[name]
            if isinstance(value, UploadedFile):
                uploads.append((name, value))
                value = value.name
            value = _storable(value)
            if value in conditions.EMPTY:
                continue
            answers[name] = value
            labels[name] = str(field.label)
        return CleanAnswers(
            subject=data["subject"],
            on_behalf_of=data.get("on_behalf_of"),
            answers=answers,
            labels=labels,
            uploads=uploads,
            key=data["submission_key"],
        )


def _held_file(held) -> UploadedFile:
    return UploadedFile(
        file=held.file.storage.open(held.file.name, "rb"),
        name=held.original_name,
        content_type=held.content_type,
        size=held.size,
    )


def _storable(value):
    """Return the answer as JSON can hold it: text, numbers as text, lists."""
    if isinstance(value, get_user_model()):
        return value.username
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, list | tuple):
        return [str(item) for item in value]
    if value is None:
        return None
    return str(value)
