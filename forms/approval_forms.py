"""Forms an approver fills in: the decision, and who covers while they are away."""

from django import forms

from forms.fields import DateAnswerField, PersonField

APPROVE, DECLINE = "approve", "decline"


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label="Do you approve this request?",
        choices=[(APPROVE, "Approve"), (DECLINE, "Decline")],
        widget=forms.RadioSelect,
        error_messages={"required": "Select approve or decline"},
    )
    comment = forms.CharField(
        label="Comment",
        help_text="Needed if you decline: the requester will see it.",
        widget=forms.Textarea,
        required=False,
        max_length=2000,
    )

    def clean(self):
        cleaned = super().clean()
        comment = cleaned.get("comment", "").strip()
        if cleaned.get("decision") == DECLINE and not comment:
            self.add_error(
                "comment",
                "Explain why you are declining, so the requester knows what to do next",
            )
        return cleaned

    @property
    def approves(self) -> bool:
        return self.cleaned_data["decision"] == APPROVE


class DelegationForm(forms.Form):
    absent_until = DateAnswerField(
        label="Last day you are away",
        help_text="For example, 27 3 2026. Leave empty if you are not away.",
        required=False,
        require_all_fields=False,
    )
    delegate = PersonField(
        label="Who approves requests while you are away?",
        help_text="Their name, username or email address. Leave empty to send "
        "approvals to your own line manager.",
        required=False,
    )
