"""The Support Services reports page and its CSV and XLSX downloads."""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import urlencode
from django.views.decorators.http import require_GET

from helpdesk.reports import case_rows, charts, exports
from helpdesk.reports.access import can_view_reports
from helpdesk.reports.dashboard import dashboard_build, dashboard_get
from helpdesk.reports.forms import report_filters
from helpdesk.reports.tables import display_rows
from intranet.audit.services import audit_record

FORMATS = ("csv", "xlsx")


def reports_required(view):
    """Refuse with 403 anyone who is not a support services manager or administrator."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not can_view_reports(request.user):
            raise PermissionDenied("Only support services managers can see reports.")
        return view(request, *args, **kwargs)

    return wrapped


def _build(request, *, shared: bool):
    """Return the filters and the dashboard; ``shared`` may reuse recent figures."""
    now = timezone.now()
    filters = report_filters(request.GET, today=timezone.localdate(now))
    build = dashboard_get if shared else dashboard_build
    board = build(
        user=request.user,
        period=filters.period,
        service_area=filters.service_area,
        now=now,
    )
    return filters, board


@require_GET
@reports_required
def dashboard(request):
    filters, board = _build(request, shared=True)
    tables = [
        {
            "table": table,
            "rows": display_rows(table),
            "chart": charts.bar_chart(table) if table.chart else None,
        }
        for table in board.tables
    ]
    return render(
        request,
        "helpdesk/reports/dashboard.html",
        {
            "form": filters.form,
            "query": urlencode(filters.query()),
            "board": board,
            "tables": tables,
        },
    )


def _download(content, *, fmt: str, name: str, streaming: bool = False):
    content_type = exports.CSV_TYPE if fmt == "csv" else exports.XLSX_TYPE
    response_class = StreamingHttpResponse if streaming else HttpResponse
    response = response_class(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


def _audit(request, *, report: str, fmt: str, filters) -> None:
    audit_record(
        action="export",
        actor=request.user,
        request=request,
        object_type="helpdesk.report",
        object_id=report,
        detail={"report": report, "format": fmt, **filters.query()},
    )


@require_GET
@reports_required
def dashboard_export(request, fmt: str):
    if fmt not in FORMATS:
        raise Http404("No such format.")
    filters, board = _build(request, shared=False)
    _audit(request, report="dashboard", fmt=fmt, filters=filters)
    name = (
        f"support-services-report-{filters.period.from_date}-{filters.period.to_date}"
    )
    if fmt == "csv":
        return _download(exports.tables_csv(board.tables), fmt=fmt, name=name)
    return _download(exports.tables_xlsx(board.tables), fmt=fmt, name=name)


@require_GET
@reports_required
def cases_export(request, fmt: str):
    if fmt not in FORMATS:
        raise Http404("No such format.")
    filters = report_filters(request.GET, today=timezone.localdate())
    rows = case_rows.case_export_rows(
        user=request.user, period=filters.period, service_area=filters.service_area
    )
    _audit(request, report="cases", fmt=fmt, filters=filters)
    name = f"cases-{filters.period.from_date}-{filters.period.to_date}"
    if fmt == "csv":
        return _download(
            exports.csv_rows(case_rows.HEADER, rows),
            fmt=fmt,
            name=name,
            streaming=True,
        )
    return _download(
        exports.rows_xlsx("Cases", case_rows.HEADER, rows), fmt=fmt, name=name
    )
