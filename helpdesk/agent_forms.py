"""Forms for the agent workspace and case page: they parse and validate, never save."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from helpdesk import workflow
from helpdesk.models import BulkJob, CannedResponse, Case, Priority, Queue
from helpdesk.services.statuses import MANUAL_STATUSES
from helpdesk.sla_states import LABELS
from helpdesk.widgets import Select

User = get_user_model()
Status = Case.Status

SORTS = (
    ("due", "Due soonest"),
    ("created", "Newest"),
    ("priority", "Highest priority"),
    ("updated", "Recently updated"),
)
ANY = ("", "Any")


def add_service_error(form: forms.Form, error: ValidationError) -> None:
    """Show a service's refusal on the form field it names, or above the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, messages in error.message_dict.items():
        target = field if field in form.fields else None
        for message in messages:
            form.add_error(target, message)


def _offer_listed(field: forms.ModelChoiceField) -> None:
    """Read the field's choices once, so showing the form reads no more rows.

    A model choice field otherwise runs its query each time it is shown; it
    still checks a submitted value against its queryset.
    """
    empty = [] if field.empty_label is None else [("", field.empty_label)]
    field.choices = [
        *empty,
        *((obj.pk, field.label_from_instance(obj)) for obj in field.queryset),
    ]


def _choice(label: str, **kwargs) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        required=False,
        widget=Select,
        error_messages={
            "invalid_choice": f"Choose a {label.lower()} from the list; "
            "%(value)s is not one of them."
        },
        **kwargs,
    )


class QueueFilterForm(forms.Form):
    """Filters and sort order for a queue's list, read from the query string."""

    status = _choice(
        "Status",
        choices=[("", "Not finished"), ("all", "All statuses"), *Status.choices],
    )
    priority = _choice("Priority", choices=[ANY, *Priority.choices])
    request_type = forms.ModelChoiceField(
        label="Request type",
        queryset=None,
        widget=Select,
        required=False,
        empty_label="Any",
        error_messages={"invalid_choice": "Choose a request type from the list."},
    )
    assignee = _choice("Assignee", choices=[])
    sla = _choice(
        "SLA", choices=[ANY, *((state, label) for state, label in LABELS.items())]
    )
    created_from = forms.DateField(
        label="Created from",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": "Enter the created from date like 2026-06-01."},
    )
    created_to = forms.DateField(
        label="Created to",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": "Enter the created to date like 2026-06-30."},
    )
    sort = _choice("Sort by", choices=SORTS)

    def __init__(self, data, *, request_types, members):
        super().__init__(data)
        self.fields["request_type"].queryset = request_types
        _offer_listed(self.fields["request_type"])
        self.fields["assignee"].choices = [
            ("", "Anyone"),
            ("me", "Me"),
            ("unassigned", "Unassigned"),
            *((str(member.pk), member.display_name) for member in members),
        ]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("created_from"), cleaned.get("created_to")
        if start and end and start > end:
            self.add_error("created_to", "Created to must be on or after created from.")
        return cleaned


class SavedViewForm(forms.Form):
    name = forms.CharField(
        label="Name for these filters",
        max_length=80,
        error_messages={"required": "Enter a name for the saved view."},
    )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Any number of files; the attachment service checks each of them."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [
                super(MultipleFileField, self).clean(item, initial) for item in data
            ]
        return [super().clean(data, initial)] if data else []


class ReplyForm(forms.Form):
    body = forms.CharField(
        label="Reply to the requester",
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
    )
    attachments = MultipleFileField(label="Attach files", required=False)


class NoteForm(forms.Form):
    body = forms.CharField(
        label="Internal note",
        help_text="Only people working on this case can see internal notes.",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )
    attachments = MultipleFileField(label="Attach files", required=False)


class CannedChoiceForm(forms.Form):
    canned = forms.ModelChoiceField(
        label="Canned response",
        queryset=CannedResponse.objects.none(),
        empty_label="Choose a response",
        error_messages={
            "required": "Choose a canned response.",
            "invalid_choice": "Choose a canned response from the list.",
        },
    )

    def __init__(self, data=None, *, case: Case, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["canned"].queryset = canned_for(case)
        self.responses = list(self.fields["canned"].queryset)


def canned_for(case: Case):
    """Return the canned responses offered on the case: its team's and everyone's."""
    return CannedResponse.objects.filter(
        team__isnull=True
    ) | CannedResponse.objects.filter(team_id=case.queue.team_id)


class ClaimForm(forms.Form):
    """Claiming takes no input; the form carries the service's refusal, if any."""


def assignable_members(case: Case):
    team_id = case.access_team_id if case.confidential else case.queue.team_id
    return User.objects.filter(
        support_memberships__team_id=team_id, is_active=True
    ).order_by("first_name", "last_name")


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(
        label="Assign to",
        queryset=User.objects.none(),
        empty_label="Choose a person",
        widget=Select,
        error_messages={
            "required": "Choose who should work on this case.",
            "invalid_choice": "Choose a member of the case's team.",
        },
    )

    def __init__(self, data=None, *, case: Case, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["assignee"].queryset = assignable_members(case)
        self.fields["assignee"].label_from_instance = lambda user: user.display_name
        _offer_listed(self.fields["assignee"])


class TransferForm(forms.Form):
    queue = forms.ModelChoiceField(
        label="Transfer to queue",
        queryset=Queue.objects.none(),
        empty_label="Choose a queue",
        widget=Select,
        error_messages={
            "required": "Choose the queue to transfer to.",
            "invalid_choice": "Choose a queue from the list.",
        },
    )
    reason = forms.CharField(
        label="Reason for the transfer",
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Say why you are transferring the case."},
    )

    def __init__(self, data=None, *, case: Case, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["queue"].queryset = Queue.objects.exclude(pk=case.queue_id)
        _offer_listed(self.fields["queue"])


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label="New status",
        choices=[],
        widget=Select,
        error_messages={
            "required": "Choose the new status.",
            "invalid_choice": "Choose one of the statuses this case can move to.",
        },
    )

    def __init__(self, data=None, *, case: Case, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["status"].choices = [
            ("", "Choose a status"),
            *(
                (status.value, status.label)
                for status in MANUAL_STATUSES
                if workflow.can_transition(case.status, status)
            ),
        ]


class ReferenceField(forms.CharField):
    def to_python(self, value):
        return super().to_python(value).strip().upper()


class LinkForm(forms.Form):
    other = ReferenceField(
        label="Link to case reference",
        max_length=20,
        error_messages={"required": "Enter the reference of the related case."},
    )


class MergeForm(forms.Form):
    target = ReferenceField(
        label="Merge into case reference",
        max_length=20,
        error_messages={"required": "Enter the reference of the case to keep."},
    )
    confirm = forms.BooleanField(
        label="Yes, close this case as a duplicate of that one",
        error_messages={"required": "Confirm that you want to merge the cases."},
    )


class ResolveForm(forms.Form):
    resolution_summary = forms.CharField(
        label="Resolution summary",
        help_text="The requester reads this.",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )


class BulkActionForm(forms.Form):
    """What to do to the selected cases; the service checks each case itself."""

    cases = forms.TypedMultipleChoiceField(
        label="Cases",
        coerce=int,
        choices=[],
        required=False,
        error_messages={"invalid_choice": "Select cases from the list."},
    )
    all_matching = forms.BooleanField(required=False)
    action = forms.ChoiceField(
        label="Action",
        choices=[("", "Choose an action"), *BulkJob.Action.choices],
        widget=Select,
        error_messages={
            "required": "Choose what to do to the selected cases.",
            "invalid_choice": "Choose an action from the list.",
        },
    )
    assignee = forms.ModelChoiceField(
        label="Assign to",
        queryset=User.objects.none(),
        required=False,
        empty_label="Choose a person",
        widget=Select,
        error_messages={"invalid_choice": "Choose a person from the list."},
    )
    queue = forms.ModelChoiceField(
        label="Transfer to queue",
        queryset=Queue.objects.all(),
        required=False,
        empty_label="Choose a queue",
        widget=Select,
        error_messages={"invalid_choice": "Choose a queue from the list."},
    )
    reason = forms.CharField(label="Reason, for a transfer", required=False)
    status = forms.ChoiceField(
        label="New status",
        required=False,
        widget=Select,
        choices=[
            ("", "Choose a status"),
            *((s.value, s.label) for s in MANUAL_STATUSES),
        ],
        error_messages={"invalid_choice": "Choose a status from the list."},
    )

    def __init__(self, data=None, *, case_ids, members):
        super().__init__(data, auto_id="bulk-%s")
        for name in ("action", "assignee", "queue", "status"):
            self.fields[name].widget.attrs["class"] = "govuk-select"
        self.fields["reason"].widget.attrs["class"] = "govuk-input"
        self.fields["cases"].choices = [(pk, pk) for pk in case_ids]
        self.fields["assignee"].queryset = members
        self.fields["assignee"].label_from_instance = lambda user: user.display_name
        _offer_listed(self.fields["assignee"])
        _offer_listed(self.fields["queue"])

    def clean(self):
        cleaned = super().clean()
        action = cleaned.get("action")
        needs = {
            BulkJob.Action.ASSIGN: ("assignee", "Choose who to assign the cases to."),
            BulkJob.Action.TRANSFER: ("queue", "Choose the queue to transfer to."),
            BulkJob.Action.CHANGE_STATUS: ("status", "Choose the new status."),
        }
        if action in needs:
            field, message = needs[action]
            if not cleaned.get(field) and field not in self.errors:
                self.add_error(field, message)
        if action == BulkJob.Action.TRANSFER and not cleaned.get("reason", "").strip():
            self.add_error("reason", "Say why you are transferring the cases.")
        chosen = cleaned.get("cases") or cleaned.get("all_matching")
        if not chosen and "cases" not in self.errors:
            self.add_error("cases", "Select at least one case.")
        return cleaned

    def visible_action_fields(self):
        return [
            self[name] for name in ("action", "assignee", "queue", "status", "reason")
        ]
