"""Forms on the requester's side: they parse and validate; services do the rest."""

from __future__ import annotations

from django import forms

from helpdesk.agent_forms import MultipleFileField
from helpdesk.models.satisfaction import COMMENT_MAX_LENGTH, RATING_MAX, RATING_MIN
from helpdesk.selectors_requests import STATES

RATING_LABELS = {
    1: "1 (very poor)",
    2: "2 (poor)",
    3: "3 (adequate)",
    4: "4 (good)",
    5: "5 (excellent)",
}


class RequestFilterForm(forms.Form):
    state = forms.ChoiceField(
        label="Show",
        required=False,
        choices=[
            ("", "All requests"),
            *((s, f"{s.capitalize()} requests") for s in STATES),
        ],
    )

    def state_or_all(self) -> str:
        """Return the chosen state, or all requests when the choice is unknown."""
        return self.cleaned_data.get("state", "") if self.is_valid() else ""


class RequesterReplyForm(forms.Form):
    body = forms.CharField(
        label="Your reply",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Write your reply."},
    )
    attachments = MultipleFileField(label="Attach files (optional)", required=False)


class ReopenForm(forms.Form):
    reason = forms.CharField(
        label="Why does this request need reopening?",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Say why the request needs reopening."},
    )


class CancelForm(forms.Form):
    confirm = forms.BooleanField(
        label="Yes, I no longer need help with this request",
        error_messages={"required": "Confirm that you want to cancel this request."},
    )


class RatingForm(forms.Form):
    rating = forms.TypedChoiceField(
        label="How satisfied are you with how your request was handled?",
        choices=[(n, RATING_LABELS[n]) for n in range(RATING_MIN, RATING_MAX + 1)],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": f"Choose a rating from {RATING_MIN} to {RATING_MAX}.",
            "invalid_choice": f"Choose a rating from {RATING_MIN} to {RATING_MAX}.",
        },
    )
    comment = forms.CharField(
        label="Tell us more (optional)",
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "max_length": f"Your comment must be {COMMENT_MAX_LENGTH} characters "
            "or fewer."
        },
    )
