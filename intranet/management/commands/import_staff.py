"""manage.py import_staff FILE.csv — load staff records from an HR export."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from intranet.services import staff_csv, staff_import
from intranet.services.staff_csv import COLUMNS, REQUIRED_COLUMNS


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
        "Import staff from a UTF-8 CSV export with a header row. Required columns: "
        f"{', '.join(REQUIRED_COLUMNS)}. Optional: "
        f"{', '.join(c for c in COLUMNS if c not in REQUIRED_COLUMNS)}. "
        "Every row is checked first; if any is bad nothing is imported."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="the CSV file to import")

    def handle(self, *args, file: Path, **options):
        try:
            data = file.read_bytes()
        except FileNotFoundError as exc:
            raise CommandError(f"{file}: no such file.") from exc
        except OSError as exc:
            raise CommandError(f"{file}: cannot be read ({exc.strerror}).") from exc
        try:
            parsed = staff_csv.staff_csv_parse(data)
        except staff_csv.StaffCsvError as exc:
            raise CommandError(f"{file}: {exc}") from exc

        try:
            with tqdm(
                total=len(parsed.rows),
                desc="Importing staff",
                unit="row",
                file=_ProgressStream(self.stderr),
                disable=options["verbosity"] == 0,
            ) as bar:
                result = staff_import.staff_import(
                    rows=parsed.rows, columns=parsed.columns, progress=bar.update
                )
        except staff_import.StaffImportInvalid as exc:
            for error in exc.errors:
                self.stderr.write(str(error))
            raise CommandError(
                f"{len(exc.errors)} problem(s) in {file}; nothing was imported."
            ) from exc
        except ValidationError as exc:
            raise CommandError(f"Nothing was imported: {exc}") from exc
        self.stdout.write(
            self.style.SUCCESS(f"{result.created} created, {result.updated} updated")
        )
