"""Read a CSV of meetings into rows, each with its line number; no lookups here."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

REQUIRED_COLUMNS = ("committee", "date", "start", "end")
OPTIONAL_COLUMNS = ("venue", "title", "public", "status", "clerk")
COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS


class MeetingsCsvError(ValueError):
    """The file as a whole cannot be read, so no row is looked at."""


@dataclass(frozen=True)
class MeetingRow:
    line: int
    values: dict[str, str]

    def get(self, column: str) -> str:
        return self.values.get(column, "")


def meetings_csv_parse(data: bytes) -> list[MeetingRow]:
    """Decode a UTF-8 CSV with a header row and return its non-blank rows.

    :raises MeetingsCsvError: if the file is empty, not UTF-8 or not CSV, or its
        header lacks a required column or names an unknown one
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise MeetingsCsvError(
            "The file is not UTF-8 text. Save it from your spreadsheet as "
            "'CSV UTF-8' and try again."
        ) from exc
    if "\x00" in text:
        raise MeetingsCsvError("The file contains NUL characters: it is not CSV.")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next((r for r in reader if any(c.strip() for c in r)), None)
        if header is None:
            raise MeetingsCsvError("The file is empty: it needs a header row.")
        columns = _check_header(header, reader.line_num)
        rows = []
        last = reader.line_num
        for record in reader:
            start, last = last + 1, reader.line_num
            if not any(cell.strip() for cell in record):
                continue
            values = dict.fromkeys(columns, "")
            values.update(
                (c, cell.strip()) for c, cell in zip(columns, record, strict=False)
            )
            rows.append(MeetingRow(line=start, values=values))
    except csv.Error as exc:
        raise MeetingsCsvError(
            f"Line {reader.line_num} is not valid CSV: {exc}."
        ) from exc
    if not rows:
        raise MeetingsCsvError("The file has a header row but no meetings.")
    return rows


def _check_header(header: list[str], line: int) -> tuple[str, ...]:
    columns = tuple(name.strip().lower() for name in header)
    problems = []
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    if missing:
        problems.append(f"missing column(s): {', '.join(missing)}")
    unknown = [name or "(blank)" for name in columns if name not in COLUMNS]
    if unknown:
        problems.append(f"unknown column(s): {', '.join(unknown)}")
    if len(set(columns)) != len(columns):
        problems.append("a repeated column")
    if problems:
        raise MeetingsCsvError(
            f"The header row (line {line}) has {'; '.join(problems)}. "
            f"Columns: {', '.join(COLUMNS)} (required: {', '.join(REQUIRED_COLUMNS)})."
        )
    return columns
