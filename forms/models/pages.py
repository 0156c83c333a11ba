"""Request form pages as editors build them: fields, conditions and outcomes."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.contrib.forms.models import AbstractForm, AbstractFormField
from wagtail.fields import RichTextField

from forms import fields as field_types

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]
DEFAULT_COST_CODE_PATTERN = r"[A-Z]{2}[0-9]{4}"
DEFAULT_COST_CODE_HINT = "Two letters then four numbers, for example AB1234"


class Outcome(models.TextChoices):
    INSTANT = "instant", "Show an answer straight away (no case)"
    CASE = "case", "Open a case"
    APPROVAL = "approval", "Ask the line manager to approve, then open a case"


class RequestFormField(AbstractFormField):
    """One question on a request form, optionally shown only after another answer."""

    page = ParentalKey(
        "RequestFormPage", on_delete=models.CASCADE, related_name="form_fields"
    )
    field_type = models.CharField(
        "field type", max_length=16, choices=field_types.FieldType.choices
    )
    condition_field = models.CharField(
        "show only when",
        max_length=255,
        blank=True,
        help_text="The label of an earlier question. Leave empty to always show "
        "this one.",
    )
    condition_value = models.CharField(
        "has the answer",
        max_length=255,
        blank=True,
        help_text="The answer that earlier question must have (for a yes or no "
        "question: Yes or No). Leave empty for any answer.",
    )

    panels = [
        FieldPanel("label"),
        FieldPanel("help_text"),
        FieldPanel("required"),
        FieldPanel("field_type", classname="formbuilder-type"),
        FieldPanel("choices", classname="formbuilder-choices"),
        FieldPanel("default_value", classname="formbuilder-default"),
        FieldRowPanel([FieldPanel("condition_field"), FieldPanel("condition_value")]),
    ]

    def clean(self) -> None:
        super().clean()
        name = self.clean_name or self.get_field_clean_name()
        if name in field_types.RESERVED_NAMES:
            raise ValidationError(
                {
                    "label": f"“{self.label}” is used by every request form already; "
                    "choose another label."
                }
            )
        if self.field_type in field_types.NEEDS_CHOICES and not self.choices.strip():
            raise ValidationError({"choices": "Give at least one choice."})
        if self.condition_value and not self.condition_field:
            raise ValidationError(
                {"condition_field": "Say which question the answer belongs to."}
            )


class RequestFormPage(AbstractForm):
    """A self-service request form under a service area page."""

    service_area_listing = "form"

    intro = models.CharField(max_length=255, blank=True)
    request_type = models.ForeignKey(
        "helpdesk.RequestType",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="request_forms",
        help_text="The kind of case this form opens.",
    )
    outcome = models.CharField(
        max_length=10, choices=Outcome.choices, default=Outcome.CASE
    )
    instant_answer = RichTextField(
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="Shown on the confirmation page when the outcome is an answer.",
    )
    fallback_approver = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="Who approves when the requester has no line manager on record. "
        "Leave empty to send such requests to Support Services to check.",
    )
    subject_label = models.CharField(
        max_length=150, default="Summarise your request in a few words"
    )
    subject_hint = models.CharField(
        max_length=255,
        blank=True,
        default="We will suggest guidance that may answer it.",
    )
    cost_code_pattern = models.CharField(
        max_length=100,
        default=DEFAULT_COST_CODE_PATTERN,
        help_text="A regular expression every cost code must match in full.",
    )
    cost_code_hint = models.CharField(max_length=150, default=DEFAULT_COST_CODE_HINT)

    content_panels = [
        *AbstractForm.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("subject_label"), FieldPanel("subject_hint")],
            heading="Subject question",
        ),
        InlinePanel("form_fields", label="Questions"),
        MultiFieldPanel(
            [
                FieldPanel("outcome"),
                FieldPanel("request_type"),
                FieldPanel("instant_answer"),
                FieldPanel("fallback_approver"),
            ],
            heading="What happens on submit",
        ),
        MultiFieldPanel(
            [FieldPanel("cost_code_pattern"), FieldPanel("cost_code_hint")],
            heading="Cost codes",
        ),
    ]
    parent_page_types = ["intranet.ServiceAreaPage"]
    subpage_types = []
    preview_modes = [("form", "Form")]
    form_builder = field_types.RequestFormBuilder

    class Meta:
        verbose_name = "request form"

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.outcome == Outcome.INSTANT and not self.instant_answer:
            errors["instant_answer"] = "Write the answer people will see."
        if self.outcome != Outcome.INSTANT and not self.request_type_id:
            errors["request_type"] = "Choose the kind of case this form opens."
        try:
            re.compile(self.cost_code_pattern)
        except re.error as error:
            errors["cost_code_pattern"] = f"This is not a valid pattern: {error}."
        if errors:
            raise ValidationError(errors)

    @property
    def service_area(self):
        """Return the service area of the page this form sits under."""
        parent = self.get_parent()
        return getattr(parent.specific, "service_area", None) if parent else None

    def serve(self, request, *args, **kwargs):
        from forms.views import request_form

        return request_form.serve(request, page=self)

    def serve_preview(self, request, mode_name):
        from forms.views import request_form

        return request_form.serve(request, page=self, preview=True)
