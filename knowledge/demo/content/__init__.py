"""Demo articles, one module per service area."""

from . import democratic_services, digital, finance, hr, legal, pa_support

SERVICE_AREAS = [hr, legal, finance, digital, pa_support, democratic_services]
