"""A drop-directory mailbox per service area, so email-in works on a laptop.

Save a message as ``var/mail/<area>/<name>.eml`` and run ``manage.py
mail_ingest``: it becomes a case, or a reply when its subject carries a
reference.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

from helpdesk.models import InboundMailbox, RequestType
from intranet.models import ServiceArea

DOMAIN = "avonford.gov.uk"


def drop_directory(area: ServiceArea) -> Path:
    """Return the folder mail to the service area is dropped into."""
    return Path(settings.VAR_DIR) / "mail" / area.slug


def demo_mailboxes_seed(*, request_types: dict[str, RequestType]) -> int:
    """Give each service area without a mailbox a drop directory; return how many.

    Mail without a reference becomes the area's general enquiry.
    """
    created = 0
    for area in ServiceArea.objects.exclude(mailboxes__isnull=False):
        folder = drop_directory(area)
        folder.mkdir(parents=True, exist_ok=True)
        mailbox = InboundMailbox(
            service_area=area,
            address=f"{area.slug}@{DOMAIN}",
            kind=InboundMailbox.Kind.DIRECTORY,
            folder=str(folder),
            default_request_type=request_types[f"{area.slug}-general-enquiry"],
        )
        mailbox.full_clean()
        mailbox.save()
        created += 1
    return created
