"""Write report tables and case lists as CSV or XLSX, safe to open in a spreadsheet.

Text that a spreadsheet would run as a formula (starting with = + - @, a tab or
a carriage return) is prefixed with a single quote, so a case subject such as
``=HYPERLINK(...)`` shows as text instead of running.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal

from openpyxl import Workbook

from helpdesk.reports.tables import Table
from helpdesk.sla import LONDON

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
SHEET_TITLE_CHARS = 31
CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def safe_text(value: str) -> str:
    """Return text a spreadsheet shows as typed, never as a formula."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def cell_value(value, *, for_xlsx: bool = False):
    """Return a value ready for a cell: numbers stay numbers, text made safe."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, int | float | Decimal):
        return value
    if isinstance(value, datetime):
        local = value.astimezone(LONDON)
        # openpyxl cannot store a time zone; the workbook is in London time.
        return local.replace(tzinfo=None) if for_xlsx else local.isoformat()
    if isinstance(value, date):
        return value if for_xlsx else value.isoformat()
    return safe_text(str(value))


def csv_rows(header: Sequence[str], rows: Iterable[Sequence]) -> Iterable[str]:
    """Yield CSV lines, the header first, one at a time for streaming."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([cell_value(v) for v in header])
    yield _drain(buffer)
    for row in rows:
        writer.writerow([cell_value(v) for v in row])
        yield _drain(buffer)


def _drain(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text


def tables_csv(tables: Sequence[Table]) -> str:
    """Return the tables as one CSV, each headed by its title and a blank line apart."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for number, table in enumerate(tables):
        if number:
            writer.writerow([])
        writer.writerow([cell_value(table.title)])
        writer.writerow([cell_value(v) for v in table.columns])
        for row in table.rows:
            writer.writerow([cell_value(v) for v in row])
    return buffer.getvalue()


def tables_xlsx(tables: Sequence[Table]) -> bytes:
    """Return the tables as a workbook with one sheet per table."""
    workbook = Workbook(write_only=True)
    for table in tables:
        sheet = workbook.create_sheet(title=table.title[:SHEET_TITLE_CHARS])
        sheet.append([cell_value(v, for_xlsx=True) for v in table.columns])
        for row in table.rows:
            sheet.append([cell_value(v, for_xlsx=True) for v in row])
    return _save(workbook)


def rows_xlsx(title: str, header: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    """Return one sheet of rows under a header as a workbook."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:SHEET_TITLE_CHARS])
    sheet.append([cell_value(v, for_xlsx=True) for v in header])
    for row in rows:
        sheet.append([cell_value(v, for_xlsx=True) for v in row])
    return _save(workbook)


def _save(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
