"""Write a subject access export for one member of staff to a zip file."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from intranet.data_protection import export


class Command(BaseCommand):
    help = "Export everything held about one member of staff as a zip file."

    def add_arguments(self, parser):
        parser.add_argument("--user", required=True, help="The person's username.")
        parser.add_argument(
            "--output", required=True, help="Where to write the zip, e.g. out.zip."
        )

    def handle(self, *args, user, output, **options):
        subject = get_user_model().objects.filter(username=user).first()
        if subject is None:
            raise CommandError(f"No member of staff has the username {user!r}.")
        path = Path(output)
        try:
            destination = path.open("xb")
        except FileExistsError as error:
            raise CommandError(
                f"{path} already exists; choose a new file name."
            ) from error
        except OSError as error:
            raise CommandError(f"Cannot write {path}: {error.strerror}.") from error
        try:
            with destination:
                summary = export.subject_access_export(
                    subject=subject,
                    destination=destination,
                    now=timezone.now(),
                    progress=self.stdout.write,
                )
        except BaseException:
            path.unlink(missing_ok=True)
            raise
        records = sum(sum(kinds.values()) for kinds in summary.counts.values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Wrote {path}: {records} records, {summary.files} files, "
                f"{summary.audit_entries} audit entries."
            )
        )
        for name in summary.missing_files:
            self.stderr.write(f"Missing from storage, not included: {name}")
