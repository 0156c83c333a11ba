"""The reports' pure parts: periods, rates, medians, charts and safe exports."""

import csv
import io
import re
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from helpdesk.reports import charts, exports, figures
from helpdesk.reports.periods import Period, default_period
from helpdesk.reports.tables import Chart, Table, display
from helpdesk.sla import LONDON


def test_period_runs_from_midnight_to_midnight_in_london():
    period = Period(date(2026, 3, 29), date(2026, 3, 29))  # clocks go forward
    assert period.start_at == datetime(2026, 3, 29, tzinfo=LONDON)
    length = period.end_at.astimezone(UTC) - period.start_at.astimezone(UTC)
    assert length == timedelta(hours=23)


def test_period_week_starts_cover_partial_weeks():
    weeks = Period(date(2026, 6, 3), date(2026, 6, 15)).week_starts()
    assert weeks == [date(2026, 6, 1), date(2026, 6, 8), date(2026, 6, 15)]


def test_period_as_at_is_now_while_the_period_runs():
    period = Period(date(2026, 6, 1), date(2026, 6, 28))
    now = datetime(2026, 6, 10, 9, tzinfo=LONDON)
    assert period.as_at(now) == now
    assert period.as_at(now + timedelta(days=60)) == period.end_at


def test_default_period_is_twelve_weeks_ending_today():
    period = default_period(today=date(2026, 6, 28))
    assert period == Period(date(2026, 4, 6), date(2026, 6, 28))
    assert len(period.week_starts()) == 12


@pytest.mark.parametrize(
    ("values", "expected"), [([1], 1.0), ([1, 2], 1.5), ([], None)]
)
def test_median_hours_averages_the_middle_pair(values, expected):
    middle = [timedelta(hours=v) for v in values]
    assert figures.median_hours(middle, len(values)) == expected


def test_self_service_rate_and_cost_avoided():
    assert figures.self_service_rate(deflections=1, cases=2) == 33.3
    assert figures.self_service_rate(deflections=0, cases=0) is None
    assert figures.cost_avoided(
        deflections=3, cost_per_case=Decimal("9.99")
    ) == Decimal("29.97")


def test_nice_maximum_rounds_up_to_a_readable_scale():
    assert [charts.nice_maximum(v) for v in (0, 3, 7, 12, 180)] == [1, 5, 10, 20, 200]


def _table(rows, percent=False):
    return Table(
        key="t",
        title="Open <cases>",
        columns=("Label", "Count"),
        rows=rows,
        chart=Chart(column=1, description="One bar a label.", percent=percent),
    )


def test_bar_chart_is_an_image_named_and_described_for_screen_readers():
    svg = charts.bar_chart(_table([("HR", 4), ("Finance", 2)]))
    assert svg.startswith("<svg")
    assert 'role="img"' in svg
    assert 'aria-labelledby="chart-t-title chart-t-desc"' in svg
    assert '<title id="chart-t-title">Chart: Open &lt;cases&gt;</title>' in svg
    assert "The table after the chart gives every figure." in svg
    assert "style=" not in svg


def test_bar_chart_bar_heights_follow_the_values():
    svg = charts.bar_chart(_table([("HR", 4), ("Finance", 2), ("Legal", None)]))
    heights = [float(h) for h in re.findall(r'<rect [^>]*height="([0-9.]+)"', svg)]
    assert heights[0] == 2 * heights[1]
    assert heights[2] == 0


def test_bar_chart_percentages_scale_to_one_hundred():
    svg = charts.bar_chart(_table([("HR", 50.0)], percent=True))
    assert ">100</text>" in svg


@pytest.mark.parametrize("text", ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tTAB", "\rCR"])
def test_exports_neutralise_formula_text(text):
    assert exports.cell_value(text) == "'" + text


def test_exports_keep_numbers_and_plain_text():
    assert exports.cell_value(-5) == -5
    assert exports.cell_value(Decimal("1.50")) == Decimal("1.50")
    assert exports.cell_value("Pay query") == "Pay query"
    assert exports.cell_value(None) == ""
    assert exports.cell_value(True) == "Yes"


def test_exports_write_london_times():
    moment = datetime(2026, 6, 1, 9, tzinfo=LONDON)
    assert exports.cell_value(moment) == "2026-06-01T09:00:00+01:00"
    assert exports.cell_value(moment, for_xlsx=True) == datetime(2026, 6, 1, 9)


def test_tables_csv_and_xlsx_hold_the_same_safe_cells():
    table = Table(
        key="s",
        title="Searches",
        columns=("Search", "Times"),
        rows=[('=HYPERLINK("x")', 3)],
    )
    rows = list(csv.reader(io.StringIO(exports.tables_csv([table]))))
    assert rows == [["Searches"], ["Search", "Times"], ['\'=HYPERLINK("x")', "3"]]
    sheet = load_workbook(io.BytesIO(exports.tables_xlsx([table])))["Searches"]
    assert [c.value for c in sheet[2]] == ['\'=HYPERLINK("x")', 3]
    assert sheet["A2"].data_type == "s"


def test_display_formats_cells_for_the_page():
    assert display(date(2026, 6, 1)) == "1 Jun 2026"
    assert display(1234) == "1,234"
    assert display(66.66) == "66.7"
    assert display(None) == "\u2013"
