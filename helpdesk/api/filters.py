"""Query string filters for the API's lists; bad values answer 400 naming the field."""

from datetime import UTC

from django.core.exceptions import ValidationError
from django_filters import rest_framework as filters
from django_filters.fields import IsoDateTimeField

from helpdesk.committees.models import Meeting
from helpdesk.models import Case, RequestType


class CaseFilter(filters.FilterSet):
    status = filters.ChoiceFilter(choices=Case.Status.choices)
    service_area = filters.CharFilter(field_name="service_area__slug")

    class Meta:
        model = Case
        fields = ["status", "service_area"]


class RequestTypeFilter(filters.FilterSet):
    service_area = filters.CharFilter(field_name="service_area__slug")

    class Meta:
        model = RequestType
        fields = ["service_area"]


class UtcDateTimeField(IsoDateTimeField):
    """An ISO 8601 date and time, turned into UTC before it reaches the database.

    PostgreSQL refuses offsets of more than about sixteen hours, which ISO 8601
    allows, so every value is sent in UTC instead.
    """

    def to_python(self, value):
        value = super().to_python(value)
        if value is None:
            return None
        try:
            return value.astimezone(UTC)
        except OverflowError as exc:
            raise ValidationError(
                "Enter a date and time between the years 1 and 9999.", code="invalid"
            ) from exc


class UtcDateTimeFilter(filters.IsoDateTimeFilter):
    field_class = UtcDateTimeField


class MeetingFilter(filters.FilterSet):
    status = filters.ChoiceFilter(choices=Meeting.Status.choices)
    committee = filters.CharFilter(field_name="committee__slug")
    starts_after = UtcDateTimeFilter(field_name="start_at", lookup_expr="gte")
    starts_before = UtcDateTimeFilter(field_name="start_at", lookup_expr="lt")

    class Meta:
        model = Meeting
        fields = ["status", "committee", "starts_after", "starts_before"]
