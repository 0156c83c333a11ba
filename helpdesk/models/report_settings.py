"""Figures the Support Services reports need that only an administrator knows."""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


@register_setting(icon="table")
class ReportSettings(BaseGenericSetting):
    """The council's own figures behind the reports, edited in the admin."""

    cost_per_case = models.DecimalField(
        "cost per case (£)",
        max_digits=8,
        decimal_places=2,
        default=Decimal("0.00"),
        validators=[MinValueValidator(Decimal("0.00"))],
        help_text="What handling one case costs on average, in pounds. Reports "
        "multiply it by the requests self-service resolved to show the cost avoided.",
    )

    panels = [FieldPanel("cost_per_case")]

    class Meta:
        verbose_name = "report settings"
        verbose_name_plural = "report settings"

    def __str__(self) -> str:
        return "Report settings"
