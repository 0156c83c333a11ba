"""The reports page and its downloads: who may see them, filters, queries, audit."""

import csv
import io
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook

from helpdesk.models import Case, ReportSettings
from helpdesk.reports.periods import default_period
from intranet.audit.models import AuditEntry
from intranet.roles import Role
from tests.helpdesk import report_data
from tests.helpdesk.report_data import PERIOD, at

DASHBOARD = "/reports/"
QUERY = {"from_date": "2026-06-01", "to_date": "2026-06-28"}


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
def manager(make_user):
    return make_user(Role.SUPPORT_MANAGER, username="sue.manager")


@pytest.fixture
def manager_client(client, manager):
    client.force_login(manager)
    return client


@pytest.mark.parametrize(
    "role", [Role.STAFF, Role.SPECIALIST, Role.CASE_MANAGER, Role.LINE_MANAGER]
)
@pytest.mark.parametrize(
    "url", [DASHBOARD, "/reports/export.csv", "/reports/cases.xlsx"]
)
def test_reports_refuse_everyone_but_managers(client, make_user, role, url):
    client.force_login(make_user(role))
    response = client.get(url)
    assert response.status_code == 403
    assert not AuditEntry.objects.filter(action="export").exists()


@pytest.mark.parametrize("role", [Role.SUPPORT_MANAGER, Role.ADMINISTRATOR])
def test_reports_open_for_managers_and_administrators(client, make_user, role):
    client.force_login(make_user(role))
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    assert b"Support Services reports" in response.content


def test_reports_link_in_navigation_only_for_managers(client, make_user, manager):
    client.force_login(make_user(Role.SPECIALIST))
    assert b'href="/reports/"' not in client.get("/people/").content
    client.force_login(manager)
    assert b'href="/reports/"' in client.get("/people/").content


def test_reports_page_shows_figures_charts_and_tables(manager_client, data):
    response = manager_client.get(DASHBOARD, QUERY)
    html = response.content.decode()
    assert "1 June 2026 to 28 June 2026" in html
    assert html.count('role="img"') == 6
    assert html.count('<table class="govuk-table">') == 9
    assert "£62.50" in html
    assert "parking permit" in html
    assert "My grievance" not in html
    assert "style=" not in html


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"from_date": "2026-02-30"}, "Enter the start date as a real date."),
        ({"to_date": "next tuesday"}, "Enter the end date as a real date."),
        (
            {"from_date": "2026-06-10", "to_date": "2026-06-01"},
            "The end date must be on or after the start date.",
        ),
        (
            {"from_date": "2020-01-01", "to_date": "2026-01-01"},
            "Choose a period of two years or less.",
        ),
        ({"service_area": "astrology"}, "Choose a service area from the list."),
    ],
)
def test_reports_bad_filters_say_why_and_use_defaults(manager_client, query, message):
    response = manager_client.get(DASHBOARD, query)
    assert response.status_code == 200
    assert message in response.content.decode()
    default = default_period(today=timezone.localdate())
    board = response.context["board"]
    if "service_area" in query:
        assert board.service_area is None
    else:
        assert board.period == default
    assert "There is a problem with the filters" in response.content.decode()


def test_reports_default_to_the_last_twelve_weeks(manager_client):
    period = manager_client.get(DASHBOARD).context["board"].period
    assert period.to_date - period.from_date == timedelta(weeks=12, days=-1)


def test_reports_service_area_filter_applies(manager_client, data):
    board = manager_client.get(DASHBOARD, {**QUERY, "service_area": "finance"}).context[
        "board"
    ]
    assert board.service_area.slug == "finance"
    assert board.table("opened").columns == ("Week commencing", "Finance", "All areas")


def test_reports_query_count_does_not_grow_with_cases(manager_client, data, make_case):
    # The first request also loads the session and settings caches.
    manager_client.get(DASHBOARD, QUERY)
    cache.clear()
    with CaptureQueriesContext(connection) as before:
        manager_client.get(DASHBOARD, QUERY)
    for day in range(2, 20):
        make_case(now=at(day, 11))
    cache.clear()
    with CaptureQueriesContext(connection) as after:
        response = manager_client.get(DASHBOARD, QUERY)
    assert response.context["board"].headlines[0].value == 7 + 18
    assert len(after) == len(before)


def test_reports_page_says_when_its_figures_were_worked_out(manager_client, data):
    response = manager_client.get(DASHBOARD, QUERY)
    worked_out = timezone.localtime(response.context["board"].computed_at)
    assert timezone.now() - worked_out < timedelta(minutes=1)
    assert (
        f"Figures as at {worked_out:%H:%M} on {worked_out.day} {worked_out:%B %Y}."
        in response.content.decode()
    )


def test_reports_page_reuses_recent_figures(manager_client, data, make_case):
    with CaptureQueriesContext(connection) as worked_out:
        first = manager_client.get(DASHBOARD, QUERY).context["board"]
    make_case(now=at(3))
    with CaptureQueriesContext(connection) as reused:
        again = manager_client.get(DASHBOARD, QUERY).context["board"]
    assert again.computed_at == first.computed_at
    assert again.headlines[0].value == first.headlines[0].value == 7
    assert len(reused) < len(worked_out) - 8


def _csv(response) -> list[list[str]]:
    body = (
        b"".join(response.streaming_content) if response.streaming else response.content
    )
    return list(csv.reader(io.StringIO(body.decode())))


def test_reports_export_tables_as_csv_and_audit_it(manager_client, manager, data):
    response = manager_client.get("/reports/export.csv", QUERY)
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = _csv(response)
    assert rows[0] == ["Cases opened each week"]
    assert rows[1][:2] == ["Week commencing", "HR"]
    assert rows[1][-1] == "All areas"
    assert rows[2] == ["2026-06-01", "2", "0", "0", "0", "0", "0", "2"]
    assert ["parking permit", "3"] in rows
    entry = AuditEntry.objects.get(action="export")
    assert entry.actor == manager
    assert entry.detail == {
        "report": "dashboard",
        "format": "csv",
        "from_date": "2026-06-01",
        "to_date": "2026-06-28",
    }


def test_reports_export_works_out_figures_afresh(manager_client, data, make_case):
    manager_client.get(DASHBOARD, QUERY)
    make_case(now=at(3))
    rows = _csv(manager_client.get("/reports/export.csv", QUERY))
    assert rows[2] == ["2026-06-01", "3", "0", "0", "0", "0", "0", "3"]


def test_reports_export_tables_as_xlsx(manager_client, data):
    response = manager_client.get("/reports/export.xlsx", QUERY)
    workbook = load_workbook(io.BytesIO(response.content))
    assert "Top searches with no results" in workbook.sheetnames
    sheet = workbook["Top searches with no results"]
    assert [c.value for c in sheet[2]] == ["parking permit", 3]


def test_reports_case_export_withholds_confidential_details(
    manager_client, manager, data
):
    rows = _csv(manager_client.get("/reports/cases.csv", QUERY))
    header, body = rows[0], rows[1:]
    assert len(body) == 7
    by_ref = {row[0]: dict(zip(header, row, strict=True)) for row in body}
    grievance = by_ref[data.cases["h4"].reference]
    assert grievance["Confidential"] == "Yes"
    assert grievance["Subject"] == grievance["Requester"] == "Confidential"
    assert grievance["Description"] == "Confidential"
    ordinary = by_ref[data.cases["h1"].reference]
    assert ordinary["Subject"] == "My payslip is wrong"
    assert ordinary["Requester"].startswith("Rita")
    assert AuditEntry.objects.get(action="export").detail["report"] == "cases"


def test_reports_case_export_shows_confidential_to_its_access_team(
    client, make_user, desk, data
):
    desk.business_partner.groups.add(*make_user(Role.SUPPORT_MANAGER).groups.all())
    client.force_login(desk.business_partner)
    rows = _csv(client.get("/reports/cases.csv", QUERY))
    subjects = {row[0]: row[14] for row in rows[1:]}
    assert subjects[data.cases["h4"].reference] == "My payslip is wrong"


def test_reports_case_export_neutralises_formulas(manager_client, data):
    Case.objects.filter(pk=data.cases["h1"].pk).update(
        subject='=HYPERLINK("http://evil","x")', description="+1+1"
    )
    rows = _csv(manager_client.get("/reports/cases.csv", QUERY))
    row = next(r for r in rows if r[0] == data.cases["h1"].reference)
    assert row[14] == '\'=HYPERLINK("http://evil","x")'
    assert row[15] == "'+1+1"
    xlsx = manager_client.get("/reports/cases.xlsx", QUERY)
    sheet = load_workbook(io.BytesIO(xlsx.content))["Cases"]
    cells = {r[0].value: r for r in sheet.iter_rows(min_row=2)}
    cell = cells[data.cases["h1"].reference][14]
    assert cell.data_type == "s"
    assert cell.value.startswith("'=")


def test_reports_unknown_export_format_is_not_found(manager_client):
    assert manager_client.get("/reports/export.pdf").status_code == 404
    assert not AuditEntry.objects.filter(action="export").exists()


def test_reports_period_constant_matches_query():
    assert PERIOD.from_date.isoformat() == QUERY["from_date"]


def test_reports_cost_per_case_is_set_in_the_admin(client, make_user):
    client.force_login(make_user(Role.ADMINISTRATOR))
    url = client.get("/admin/settings/helpdesk/reportsettings/").url
    assert client.get(url).status_code == 200
    response = client.post(url, {"cost_per_case": "-3"})
    assert response.status_code == 200
    assert ReportSettings.load().cost_per_case == 0
    client.post(url, {"cost_per_case": "18.75"})
    assert str(ReportSettings.load().cost_per_case) == "18.75"


def test_reports_cost_per_case_is_not_for_managers_to_change(manager_client):
    response = manager_client.get("/admin/settings/helpdesk/reportsettings/")
    assert response.status_code in (302, 403)
