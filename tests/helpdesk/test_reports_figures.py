"""Each dashboard figure checked against the constructed month in report_data."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.cache import cache

from helpdesk.reports.dashboard import dashboard_build, dashboard_get
from tests.helpdesk import report_data
from tests.helpdesk.report_data import NOW, PERIOD, at
from tests.intranet.factories import service_area


@pytest.fixture(autouse=True)
def no_shared_figures():
    """Start every test without figures another test worked out."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def data(desk, make_case, home_page):
    return report_data.build(desk=desk, make_case=make_case, home_page=home_page)


@pytest.fixture
def board(data, desk):
    return dashboard_build(user=desk.manager, period=PERIOD, service_area=None, now=NOW)


def headline(board, label):
    return next(h.value for h in board.headlines if h.label == label)


def rows_by_label(table):
    return {row[0]: row[1:] for row in table.rows}


def column(table, name):
    index = table.columns.index(name)
    return {row[0]: row[index] for row in table.rows}


def test_dashboard_counts_cases_opened_each_week_by_service_area(board):
    opened = board.table("opened")
    assert [row[0].isoformat() for row in opened.rows] == [
        "2026-06-01",
        "2026-06-08",
        "2026-06-15",
        "2026-06-22",
    ]
    hr, finance, total = (column(opened, n) for n in ("HR", "Finance", "All areas"))
    assert [hr[w] for w in hr] == [2, 1, 0, 1]
    assert [finance[w] for w in finance] == [0, 1, 1, 1]
    assert [total[w] for w in total] == [2, 2, 1, 2]
    assert headline(board, "Cases opened") == 7


def test_dashboard_counts_cases_resolved_each_week(board):
    total = column(board.table("resolved"), "All areas")
    assert list(total.values()) == [1, 1, 1, 0]
    assert headline(board, "Cases resolved") == 3


def test_dashboard_sla_compliance_counts_met_and_missed_targets(board):
    sla = rows_by_label(board.table("sla"))
    assert sla["HR"] == (2, 2, 50.0, 1, 1, 50.0)
    assert sla["Finance"] == (1, 0, 100.0, 1, 0, 100.0)
    assert sla["Legal"] == (0, 0, None, 0, 0, None)
    assert sla["All areas"] == (3, 2, 60.0, 2, 1, 66.7)
    assert headline(board, "First responses on time") == 60.0
    assert headline(board, "Resolutions on time") == 66.7


def test_dashboard_backlog_bands_cases_by_calendar_days_open(board):
    backlog = column(board.table("backlog"), "All areas")
    assert backlog == {
        "0 to 2 days": 1,
        "3 to 5 days": 0,
        "6 to 10 days": 1,
        "11 to 20 days": 1,
        "More than 20 days": 1,
    }
    assert headline(board, "Open cases at the end of the period") == 4


def test_dashboard_medians_are_in_hours(board):
    # first responses 1, 2, 4 and 24 hours; resolutions 23, 48 and 144 hours
    assert headline(board, "Median time to first response") == 3.0
    assert headline(board, "Median time to resolution") == 48.0


def test_dashboard_self_service_rate_by_service_area(board):
    areas = rows_by_label(board.table("self-service-areas"))
    assert areas["HR"] == (4, 4, 50.0)
    assert areas["Finance"] == (1, 3, 25.0)
    assert areas["All areas"] == (5, 7, 41.7)
    assert headline(board, "Self-service resolution rate") == 41.7


def test_dashboard_self_service_rate_by_form_and_article(board):
    assert rows_by_label(board.table("self-service-forms")) == {
        "Payslip query form": (2, 0, 100.0)
    }
    assert rows_by_label(board.table("self-service-articles")) == {
        "Reading your payslip": (3, 1, 75.0),
        "Paying an invoice": (1, 0, 100.0),
    }


def test_dashboard_lists_top_searches_with_no_results(board):
    assert board.table("searches").rows == [("parking permit", 3), ("lease car", 1)]


def test_dashboard_satisfaction_average_and_scores(board):
    assert headline(board, "Average satisfaction") == 3.0
    scores = column(board.table("satisfaction"), "Ratings given")
    assert list(scores.values()) == [1, 1, 0, 1, 1]


def test_dashboard_comments_withhold_confidential_cases(board, data):
    comments = [c["comment"] for c in board.comments]
    assert comments == ['=HYPERLINK("http://evil")', "Quick and clear"]


def test_dashboard_comments_show_confidential_case_to_its_access_team(data, desk):
    board = dashboard_build(
        user=desk.business_partner, period=PERIOD, service_area=None, now=NOW
    )
    assert board.comments[0]["comment"] == "My grievance about my manager"


def test_dashboard_cost_avoided_uses_admin_cost_per_case(board):
    assert headline(board, "Cost avoided by self-service") == Decimal("62.50")


def test_dashboard_service_area_filter_limits_every_figure(data, desk):
    board = dashboard_build(
        user=desk.manager, period=PERIOD, service_area=service_area("hr"), now=NOW
    )
    assert board.table("opened").columns == ("Week commencing", "HR", "All areas")
    assert headline(board, "Cases opened") == 4
    assert headline(board, "Self-service resolution rate") == 50.0
    assert headline(board, "Open cases at the end of the period") == 3
    assert headline(board, "Average satisfaction") == round((5 + 2 + 1) / 3, 1)
    assert rows_by_label(board.table("self-service-articles")) == {
        "Reading your payslip": (3, 1, 75.0)
    }


def test_dashboard_empty_period_shows_no_data(db):
    board = dashboard_build(user=None, period=PERIOD, service_area=None, now=NOW)
    assert headline(board, "Cases opened") == 0
    assert headline(board, "Median time to resolution") is None
    assert headline(board, "Self-service resolution rate") is None
    assert headline(board, "Average satisfaction") is None


def test_dashboard_get_reuses_figures_for_a_minute(data, desk, make_case):
    first = dashboard_get(user=desk.manager, period=PERIOD, service_area=None, now=NOW)
    make_case(now=at(3))
    later = NOW + timedelta(seconds=59)
    reused = dashboard_get(
        user=desk.manager, period=PERIOD, service_area=None, now=later
    )
    assert headline(reused, "Cases opened") == headline(first, "Cases opened") == 7
    assert reused.computed_at == NOW
    fresh = dashboard_get(
        user=desk.manager,
        period=PERIOD,
        service_area=None,
        now=NOW + timedelta(minutes=1),
    )
    assert headline(fresh, "Cases opened") == 8
    assert fresh.computed_at == NOW + timedelta(minutes=1)


def test_dashboard_get_keeps_each_period_and_area_apart(data, desk):
    everyone = dashboard_get(
        user=desk.manager, period=PERIOD, service_area=None, now=NOW
    )
    hr = dashboard_get(
        user=desk.manager, period=PERIOD, service_area=service_area("hr"), now=NOW
    )
    assert headline(everyone, "Cases opened") == 7
    assert headline(hr, "Cases opened") == 4
    assert hr.table("opened").columns == ("Week commencing", "HR", "All areas")


def test_dashboard_get_reads_comments_for_each_user(data, desk):
    manager = dashboard_get(
        user=desk.manager, period=PERIOD, service_area=None, now=NOW
    )
    partner = dashboard_get(
        user=desk.business_partner, period=PERIOD, service_area=None, now=NOW
    )
    assert partner.computed_at == manager.computed_at
    assert "My grievance about my manager" not in [
        c["comment"] for c in manager.comments
    ]
    assert partner.comments[0]["comment"] == "My grievance about my manager"
    again = dashboard_get(user=desk.manager, period=PERIOD, service_area=None, now=NOW)
    assert again.comments == manager.comments


def test_dashboard_medians_swap_odd_and_even_counts_for_one_area(data, desk):
    # HR alone: first responses 2, 4 and 24 hours; resolutions 48 and 144 hours.
    board = dashboard_build(
        user=desk.manager, period=PERIOD, service_area=service_area("hr"), now=NOW
    )
    assert headline(board, "Median time to first response") == 4.0
    assert headline(board, "Median time to resolution") == 96.0
