"""Routing rules as administrators edit them; `to_rule()` hands them to routing."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from helpdesk import routing


class RoutingRule(models.Model):
    """An ordered condition-and-action pair: the first enabled match routes a case."""

    class Confidentiality(models.TextChoices):
        ANY = "any", "Confidential or not"
        YES = "yes", "Only confidential requests"
        NO = "no", "Only requests that are not confidential"

    name = models.CharField(max_length=150, unique=True)
    position = models.PositiveIntegerField(
        default=0, db_index=True, help_text="Rules are tried from the lowest number."
    )
    enabled = models.BooleanField(default=True)

    service_area = models.ForeignKey(
        "intranet.ServiceArea",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="routing_rules",
    )
    request_type = models.ForeignKey(
        "helpdesk.RequestType",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="routing_rules",
    )
    directorates = models.ManyToManyField(
        "intranet.Directorate",
        blank=True,
        related_name="routing_rules",
        help_text="The requester's directorate is one of these.",
    )
    teams = models.ManyToManyField(
        "intranet.Team",
        blank=True,
        related_name="routing_rules",
        help_text="The requester's team is one of these.",
    )
    keywords = models.CharField(
        max_length=500,
        blank=True,
        help_text="Words or phrases separated by commas. The rule matches when "
        "the subject or description contains any of them as whole words, in any "
        "letter case.",
    )
    answer_field = models.CharField(
        max_length=100,
        blank=True,
        help_text="The name of a form field, such as reason.",
    )
    answer_value = models.CharField(
        max_length=200,
        blank=True,
        help_text="The answer (or one of the chosen answers) that field must have.",
    )
    confidential = models.CharField(
        max_length=3, choices=Confidentiality.choices, default=Confidentiality.ANY
    )

    queue = models.ForeignKey(
        "helpdesk.Queue",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="routing_rules",
        help_text="Send matching cases to this queue.",
    )
    to_business_partner = models.BooleanField(
        "send to the business partner",
        default=False,
        help_text="Send matching cases to the business partners for the "
        "requester's directorate, or to triage if there are none.",
    )
    mark_confidential = models.BooleanField(
        default=False, help_text="Treat matching cases as confidential."
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("position")]),
        FieldPanel("enabled"),
        MultiFieldPanel(
            [
                FieldPanel("service_area"),
                FieldPanel("request_type"),
                FieldPanel("directorates"),
                FieldPanel("teams"),
                FieldPanel("keywords"),
                FieldRowPanel([FieldPanel("answer_field"), FieldPanel("answer_value")]),
                FieldPanel("confidential"),
            ],
            heading="When",
            help_text="Every condition you set must hold; empty ones are ignored.",
        ),
        MultiFieldPanel(
            [
                FieldPanel("queue"),
                FieldPanel("to_business_partner"),
                FieldPanel("mark_confidential"),
            ],
            heading="Then",
            help_text="Choose a queue or the business partner, not both.",
        ),
    ]

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(queue__isnull=False, to_business_partner=False)
                | Q(queue__isnull=True, to_business_partner=True),
                name="routingrule_one_action",
                violation_error_message="Send matching cases to a queue or to the "
                "business partner, not both.",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def keyword_list(self) -> tuple[str, ...]:
        """Return the keywords with blanks and surrounding spaces removed."""
        words = (word.strip() for word in self.keywords.split(","))
        return tuple(word for word in words if word)

    def clean(self) -> None:
        errors = {}
        if self.queue_id and self.to_business_partner:
            errors["to_business_partner"] = (
                "Send matching cases to a queue or to the business partner, not "
                "both: clear the queue or untick this box."
            )
        elif not self.queue_id and not self.to_business_partner:
            errors["queue"] = (
                "Choose a queue, or tick “send to the business partner”, so the "
                "rule knows where matching cases go."
            )
        if self.answer_field.strip() and not self.answer_value.strip():
            errors["answer_value"] = "Give the answer the field must have."
        elif self.answer_value.strip() and not self.answer_field.strip():
            errors["answer_field"] = "Give the name of the field to check."
        if (
            self.request_type_id
            and self.service_area_id
            and self.request_type.service_area_id != self.service_area_id
        ):
            errors["request_type"] = (
                f"“{self.request_type.name}” belongs to "
                f"{self.request_type.service_area}, not {self.service_area}."
            )
        if self.keywords and not self.keyword_list():
            errors["keywords"] = "Give at least one word, or leave this empty."
        if errors:
            raise ValidationError(errors)

    def to_rule(self) -> routing.Rule:
        """Return the rule as routing sees it; prefetch the M2Ms when building many."""
        confidential = {
            self.Confidentiality.YES: True,
            self.Confidentiality.NO: False,
        }.get(self.confidential)
        return routing.Rule(
            id=self.pk,
            name=self.name,
            service_area=self.service_area.slug if self.service_area_id else None,
            request_type=self.request_type.slug if self.request_type_id else None,
            directorates=frozenset(d.slug for d in self.directorates.all()),
            teams=frozenset(t.slug for t in self.teams.all()),
            keywords=self.keyword_list(),
            answer_field=self.answer_field.strip() or None,
            answer_value=self.answer_value.strip() or None,
            confidential=confidential,
            queue_id=self.queue_id,
            to_business_partner=self.to_business_partner,
            mark_confidential=self.mark_confidential,
        )
