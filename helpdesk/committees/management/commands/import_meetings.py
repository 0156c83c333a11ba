"""manage.py import_meetings FILE.csv — load committee meetings from a spreadsheet."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from tqdm import tqdm

from helpdesk.committees import meetings_csv
from helpdesk.committees.services import imports


class _ProgressStream:
    """Let tqdm redraw its bar in place: the command's stderr adds newlines."""

    def __init__(self, wrapper):
        self.wrapper = wrapper

    def write(self, text: str) -> None:
        self.wrapper.write(text, ending="")

    def flush(self) -> None:
        self.wrapper.flush()


class Command(BaseCommand):
    help = (
        "Import committee meetings from a UTF-8 CSV with a header row. Required "
        f"columns: {', '.join(meetings_csv.REQUIRED_COLUMNS)} (date as 2026-06-16, "
        "times as 18:30, Europe/London). Optional: "
        f"{', '.join(meetings_csv.OPTIONAL_COLUMNS)}. Every row is checked first; "
        "if any is bad nothing is imported. Running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="the CSV file to import")

    def handle(self, *args, file: Path, **options):
        try:
            rows = meetings_csv.meetings_csv_parse(file.read_bytes())
        except FileNotFoundError as exc:
            raise CommandError(f"{file}: no such file.") from exc
        except OSError as exc:
            raise CommandError(f"{file}: cannot be read ({exc.strerror}).") from exc
        except meetings_csv.MeetingsCsvError as exc:
            raise CommandError(f"{file}: {exc}") from exc
        try:
            with tqdm(
                total=len(rows),
                desc="Importing meetings",
                unit="row",
                file=_ProgressStream(self.stderr),
                disable=options["verbosity"] == 0,
            ) as bar:
                result = imports.meetings_import(
                    rows=rows, now=timezone.now(), progress=bar.update
                )
        except imports.MeetingImportInvalid as exc:
            for error in exc.errors:
                self.stderr.write(error)
            raise CommandError(
                f"{len(exc.errors)} problem(s) in {file}; nothing was imported."
            ) from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"{result.created} created, {result.updated} updated, "
                f"{result.unchanged} unchanged"
            )
        )
