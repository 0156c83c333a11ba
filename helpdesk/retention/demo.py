"""Demo retention schedule: HR six years after closure, Legal seven, others two."""

from helpdesk.models import RequestType, RetentionPolicy

YEARS_BY_AREA = {"hr": 6, "legal": 7}
DEFAULT_YEARS = 2


def seed_retention_policies() -> int:
    """Give every request type without a policy the demo one; return how many."""
    created = 0
    missing = RequestType.objects.filter(retention_policy__isnull=True)
    for request_type in missing.select_related("service_area"):
        years = YEARS_BY_AREA.get(request_type.service_area.slug, DEFAULT_YEARS)
        RetentionPolicy.objects.create(
            request_type=request_type,
            retain_years=years,
            action=RetentionPolicy.Action.ANONYMISE,
        )
        created += 1
    return created
