"""Forms readers fill in: feedback on an article and the A to Z filters."""

from urllib.parse import urlencode

from django import forms as django_forms

from intranet.models import ServiceArea
from knowledge.models import Topic
from knowledge.models.feedback import COMMENT_MAX_LENGTH


class ArticleFeedbackForm(django_forms.Form):
    helpful = django_forms.TypedChoiceField(
        label="Did this answer your question?",
        choices=[("yes", "Yes"), ("no", "No")],
        coerce=lambda value: value == "yes",
        widget=django_forms.RadioSelect,
        error_messages={
            "required": "Select yes if this answered your question",
            "invalid_choice": "Select yes if this answered your question",
        },
    )
    comment = django_forms.CharField(
        label="How could we improve this article? (optional)",
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=django_forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "max_length": (
                f"Your comment must be {COMMENT_MAX_LENGTH} characters or fewer"
            ),
        },
    )

    def clean_comment(self) -> str:
        return self.cleaned_data["comment"].strip()


class ArticleFilterForm(django_forms.Form):
    service_area = django_forms.ModelChoiceField(
        queryset=ServiceArea.objects.order_by("position", "name"),
        to_field_name="slug",
        required=False,
        empty_label="All service areas",
        error_messages={"invalid_choice": "Choose a service area from the list"},
    )
    topic = django_forms.ModelChoiceField(
        queryset=Topic.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label="All topics",
        error_messages={"invalid_choice": "Choose a topic from the list"},
    )

    def filters(self) -> dict:
        """Return the valid filters, ignoring any the reader got wrong."""
        self.is_valid()
        return {
            name: self.cleaned_data.get(name)
            for name in self.fields
            if self.cleaned_data.get(name) is not None
        }

    def querystring(self) -> str:
        return urlencode({name: value.slug for name, value in self.filters().items()})
