"""Background bulk actions, delivered through the outbox so none is lost."""

from helpdesk.services import bulk
from intranet import outbox


@outbox.handler(bulk.TOPIC)
def bulk_job_deliver(message) -> None:
    """Run the bulk job the message names; a second run changes nothing more."""
    bulk.bulk_job_run(job_id=message.payload["job_id"])
