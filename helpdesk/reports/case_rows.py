"""The case-level export: every case opened in the period, details only if allowed."""

from __future__ import annotations

from collections.abc import Iterator

from django.db.models import BooleanField, ExpressionWrapper, Q

from helpdesk import selectors
from helpdesk.models import Case, Priority
from helpdesk.reports.cases import cases_in_area
from helpdesk.reports.periods import Period
from intranet.models import ServiceArea

WITHHELD = "Confidential"
CHUNK = 2000

HEADER = (
    "Reference",
    "Service area",
    "Request type",
    "Queue",
    "Status",
    "Priority",
    "Confidential",
    "Opened",
    "First response due",
    "First responded",
    "Resolution due",
    "Resolved",
    "SLA breached",
    "Requester",
    "Subject",
    "Description",
)
_FIELDS = (
    "reference",
    "service_area__name",
    "request_type__name",
    "queue__name",
    "status",
    "priority",
    "confidential",
    "created_at",
    "first_response_due_at",
    "first_responded_at",
    "resolution_due_at",
    "resolved_at",
    "sla_breached_at",
)
_PRIVATE = (
    "requester__first_name",
    "requester__last_name",
    "subject",
    "description",
)


def case_export_rows(
    *, user, period: Period, service_area: ServiceArea | None
) -> Iterator[tuple]:
    """Yield one row per case opened in the period, oldest first.

    Every case is listed, so the rows add up to the report's totals, but a
    confidential case's requester, subject and description read "Confidential"
    unless the user may open that case.
    """
    visible = selectors.case_list_visible_to(user=user).values("pk")
    statuses = dict(Case.Status.choices)
    priorities = dict(Priority.choices)
    rows = (
        cases_in_area(service_area)
        .filter(created_at__gte=period.start_at, created_at__lt=period.end_at)
        .annotate(
            shown=ExpressionWrapper(
                Q(confidential=False) | Q(pk__in=visible),
                output_field=BooleanField(),
            )
        )
        .order_by("created_at", "pk")
        .values_list(*_FIELDS, *_PRIVATE, "shown")
    )
    for row in rows.iterator(chunk_size=CHUNK):
        *facts, first, last, subject, description, shown = row
        facts[4] = statuses.get(facts[4], facts[4])
        facts[5] = priorities.get(facts[5], facts[5])
        if shown:
            yield (*facts, f"{first} {last}".strip(), subject, description)
        else:
            yield (*facts, WITHHELD, WITHHELD, WITHHELD)
