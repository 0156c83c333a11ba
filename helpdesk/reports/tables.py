"""The tables a report is made of: the one shape the page, charts and exports share."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Chart:
    """Which column of a table to draw as bars, labelled by the first column."""

    column: int
    description: str
    percent: bool = False


@dataclass(frozen=True)
class Table:
    """A titled grid of figures; ``None`` cells mean there is nothing to measure."""

    key: str
    title: str
    columns: tuple[str, ...]
    rows: list[tuple] = field(default_factory=list)
    note: str = ""
    chart: Chart | None = None

    def column_values(self, index: int) -> list:
        return [row[index] for row in self.rows]


def display(value) -> str:
    """Return a cell as the page shows it: dates spelt out, empty cells as a dash."""
    if value is None:
        return "\u2013"
    if isinstance(value, date):
        return f"{value.day} {value:%b %Y}"
    if isinstance(value, float):
        return f"{value:,.1f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def display_rows(table: Table) -> list[list[str]]:
    """Return the table's rows as the page shows them."""
    return [[display(value) for value in row] for row in table.rows]
