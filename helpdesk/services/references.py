"""Case references: HR-000123, numbered per service area without gaps or repeats."""

from django.db import transaction

from helpdesk.models import ReferenceCounter
from intranet.models import ServiceArea


@transaction.atomic
def reference_allocate(*, service_area: ServiceArea) -> str:
    """Return the next reference in the service area.

    The counter row is locked until the caller's transaction ends, so two cases
    created at once never share a number (SQLite gets the same effect from its
    write lock).
    """
    counter, _ = ReferenceCounter.objects.select_for_update().get_or_create(
        service_area=service_area
    )
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return f"{service_area.code}-{counter.last_number:06d}"
