"""Read an HR export (CSV bytes) into staff rows, each with its line number."""

import csv
import io
from dataclasses import dataclass, field

REQUIRED_COLUMNS = ("employee_number", "username", "email", "first_name", "last_name")
OPTIONAL_COLUMNS = (
    "job_title",
    "directorate",
    "team",
    "line_manager",
    "phone",
    "location",
)
COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS


class StaffCsvError(ValueError):
    """The file as a whole cannot be read: no rows are looked at."""


@dataclass(frozen=True)
class StaffRow:
    """One person from the export; ``values`` holds only the file's columns."""

    line: int
    values: dict[str, str] = field(default_factory=dict)
    extra_cells: int = 0

    def get(self, column: str) -> str:
        return self.values.get(column, "")


@dataclass(frozen=True)
class StaffCsv:
    columns: tuple[str, ...]
    rows: list[StaffRow]


def staff_csv_parse(data: bytes) -> StaffCsv:
    """Decode and parse an export, checking its header.

    A UTF-8 byte order mark is accepted. Header names are matched without regard to
    case or surrounding spaces; optional columns may be left out.

    :raises StaffCsvError: if the file is empty, not UTF-8, not CSV, or its header
        lacks a required column or names an unknown one
    """
    text = _decode(data)
    if not text.strip():
        raise StaffCsvError("The file is empty: it needs a header row and staff rows.")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header, header_line = _next_nonblank(reader)
        columns = _check_header(header, header_line)
        rows = _read_rows(reader, columns)
    except csv.Error as exc:
        raise StaffCsvError(f"Line {reader.line_num} is not valid CSV: {exc}.") from exc
    if not rows:
        raise StaffCsvError("The file has a header row but no staff rows.")
    return StaffCsv(columns=columns, rows=rows)


def _decode(data: bytes) -> str:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise StaffCsvError(
            f"The file is not UTF-8 text (byte 0x{data[exc.start]:02x} on line "
            f"{line}). Save it from your spreadsheet as 'CSV UTF-8' and try again."
        ) from exc
    if "\x00" in text:
        raise StaffCsvError("The file contains NUL characters: it is not a CSV file.")
    return text


def _next_nonblank(reader) -> tuple[list[str], int]:
    for record in reader:
        if any(cell.strip() for cell in record):
            return record, reader.line_num
    raise StaffCsvError("The file is empty: it needs a header row and staff rows.")


def _check_header(header: list[str], line: int) -> tuple[str, ...]:
    columns = tuple(name.strip().lower() for name in header)
    problems = []
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    if missing:
        problems.append(f"missing required column(s): {', '.join(missing)}")
    unknown = [name or "(blank)" for name in columns if name not in COLUMNS]
    if unknown:
        problems.append(f"unknown column(s): {', '.join(unknown)}")
    repeated = sorted({name for name in columns if columns.count(name) > 1})
    if repeated:
        problems.append(f"repeated column(s): {', '.join(repeated)}")
    if problems:
        raise StaffCsvError(
            f"The header row (line {line}) has {'; '.join(problems)}. "
            f"Expected columns: {', '.join(COLUMNS)} "
            f"(required: {', '.join(REQUIRED_COLUMNS)})."
        )
    return columns


def _read_rows(reader, columns: tuple[str, ...]) -> list[StaffRow]:
    rows = []
    last_line = reader.line_num
    for record in reader:
        # A quoted value may span lines, so a row starts just after the last one.
        start, last_line = last_line + 1, reader.line_num
        if not any(cell.strip() for cell in record):
            continue
        values = dict.fromkeys(columns, "")
        values.update(
            (column, cell.strip())
            for column, cell in zip(columns, record, strict=False)
        )
        rows.append(
            StaffRow(
                line=start,
                values=values,
                extra_cells=max(0, len(record) - len(columns)),
            )
        )
    return rows
