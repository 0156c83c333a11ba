"""Show or apply the retention schedule to closed cases."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from helpdesk.retention import services


class Command(BaseCommand):
    help = (
        "Report which closed cases the retention schedule would delete or "
        "anonymise (--dry-run), or do it (--apply)."
    )

    def add_arguments(self, parser):
        mode = parser.add_mutually_exclusive_group(required=True)
        mode.add_argument(
            "--dry-run", action="store_true", help="Report only; change nothing."
        )
        mode.add_argument(
            "--apply", action="store_true", help="Delete or anonymise the due cases."
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=100,
            help="Cases per transaction when applying (default 100).",
        )

    def handle(self, *args, **options):
        if options["batch_size"] < 1:
            raise CommandError("--batch-size must be at least 1.")
        now = timezone.now()
        if options["apply"]:
            report = services.retention_apply(now=now, batch_size=options["batch_size"])
        else:
            report = services.retention_plan(now=now)
        for line in report.lines():
            self.stdout.write(line)
