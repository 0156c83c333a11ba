"""The report's filters, read from the query string; they validate, never save."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django import forms

from helpdesk.reports.periods import MAX_DAYS, Period, default_period
from intranet.models import ServiceArea

DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        # Browsers' date pickers send and expect ISO dates.
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class ReportFilterForm(forms.Form):
    from_date = forms.DateField(
        label="From",
        required=False,
        input_formats=DATE_FORMATS,
        widget=DateInput(attrs={"class": "govuk-input govuk-input--width-10"}),
        error_messages={"invalid": "Enter the start date as a real date."},
    )
    to_date = forms.DateField(
        label="To",
        required=False,
        input_formats=DATE_FORMATS,
        widget=DateInput(attrs={"class": "govuk-input govuk-input--width-10"}),
        error_messages={"invalid": "Enter the end date as a real date."},
    )
    service_area = forms.ModelChoiceField(
        label="Service area",
        queryset=ServiceArea.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label="All service areas",
        widget=forms.Select(attrs={"class": "govuk-select"}),
        error_messages={"invalid_choice": "Choose a service area from the list."},
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("from_date"), cleaned.get("to_date")
        if start and end and start > end:
            self.add_error(
                "to_date", "The end date must be on or after the start date."
            )
        elif start and end and (end - start).days >= MAX_DAYS:
            self.add_error("to_date", "Choose a period of two years or less.")
        return cleaned


@dataclass(frozen=True)
class ReportFilters:
    form: ReportFilterForm
    period: Period
    service_area: ServiceArea | None

    def query(self) -> dict[str, str]:
        """Return the filters in force, as query string values for export links."""
        query = {
            "from_date": self.period.from_date.isoformat(),
            "to_date": self.period.to_date.isoformat(),
        }
        if self.service_area:
            query["service_area"] = self.service_area.slug
        return query


def report_filters(data, *, today: date) -> ReportFilters:
    """Return the filters asked for; a bad date range falls back to the default.

    The form keeps its errors, so the page can say what was not used.
    """
    form = ReportFilterForm(data)
    form.is_valid()
    default = default_period(today=today)
    cleaned = form.cleaned_data
    period = default
    if not form.has_error("from_date") and not form.has_error("to_date"):
        start = cleaned.get("from_date")
        end = cleaned.get("to_date") or (
            start + (default.to_date - default.from_date) if start else None
        )
        if start and end:
            period = Period(start, end)
        elif end:
            period = Period(end - (default.to_date - default.from_date), end)
    service_area = (
        None if form.has_error("service_area") else cleaned.get("service_area")
    )
    return ReportFilters(form=form, period=period, service_area=service_area)
