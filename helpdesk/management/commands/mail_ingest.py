"""Read every enabled inbound mailbox once and turn its mail into cases."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from helpdesk.email_in import mailboxes


class Command(BaseCommand):
    help = "Read every enabled inbound mailbox once and turn its mail into cases."

    def handle(self, *args, **options):
        results = mailboxes.mailboxes_poll(now=timezone.now)
        if not results:
            self.stdout.write("No enabled mailbox could be read.")
        for address, result in results.items():
            outcomes = ", ".join(
                f"{name}: {count}" for name, count in sorted(result.outcomes.items())
            )
            self.stdout.write(
                f"{address}: {result.processed} processed, {result.failed} failed"
                + (f" ({outcomes})" if outcomes else "")
            )
