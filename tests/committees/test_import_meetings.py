"""manage.py import_meetings: validated, all or nothing, idempotent."""

from datetime import datetime

import pytest
from django.core.management import CommandError, call_command

from helpdesk.committees.models import Meeting
from helpdesk.sla import LONDON

HEADER = "committee,date,start,end,venue,title,public,clerk\n"


@pytest.fixture
def csv_file(tmp_path):
    def write(body: str, header: str = HEADER):
        path = tmp_path / "meetings.csv"
        path.write_text(header + body, encoding="utf-8")
        return path

    return write


def _run(path):
    out_lines = []

    class Out:
        def write(self, text):
            out_lines.append(text)

        def flush(self):
            pass

    call_command("import_meetings", str(path), stdout=Out(), stderr=Out())
    return "".join(out_lines)


def test_import_meetings_creates_meetings_in_london_time(council, csv_file):
    path = csv_file(
        "Planning North,2026-06-16,18:30,20:30,,,yes,\n"
        "audit-and-governance,2026-12-08,14:00,16:00,Council Chamber,Budget,no,"
        "clara.clerk\n"
    )
    output = _run(path)
    assert "2 created, 0 updated, 0 unchanged" in output
    summer, winter = Meeting.objects.order_by("start_at")
    assert summer.start_at == datetime(2026, 6, 16, 18, 30, tzinfo=LONDON)
    assert (summer.venue, summer.clerk) == (council.chamber, council.clerk)
    assert winter.start_at == datetime(2026, 12, 8, 14, 0, tzinfo=LONDON)
    assert (winter.venue, winter.title, winter.is_public) == (
        council.chamber,
        "Budget",
        False,
    )


def test_import_meetings_again_changes_nothing(council, csv_file):
    path = csv_file("Planning North,2026-06-16,18:30,20:30,,,yes,\n")
    _run(path)
    assert "0 created, 0 updated, 1 unchanged" in _run(path)
    assert Meeting.objects.count() == 1


def test_import_meetings_updates_a_changed_row(council, csv_file):
    _run(csv_file("Planning North,2026-06-16,18:30,20:30,,,yes,\n"))
    output = _run(csv_file("Planning North,2026-06-16,18:30,21:00,,,yes,\n"))
    assert "0 created, 1 updated" in output
    assert Meeting.objects.get().end_at == datetime(2026, 6, 16, 21, 0, tzinfo=LONDON)


def test_import_meetings_names_each_bad_row_and_imports_nothing(council, csv_file):
    path = csv_file(
        "Planning North,2026-06-16,18:30,20:30,,,yes,\n"
        "Cabnet,2026-06-17,18:30,20:30,,,yes,\n"
        "Planning North,2026-06-18,18:30,17:00,,,yes,\n"
        "Planning North,16/06/2026,18:30,20:30,,,yes,\n"
        "Audit & Governance,2026-06-16,19:00,20:00,Council Chamber,,yes,\n"
        "Planning North,2026-06-16,18:30,20:30,,,yes,\n"
        "Planning North,2026-06-19,18:30,20:30,Moon Base,,maybe,\n"
    )
    with pytest.raises(CommandError, match="6 problem"):
        _run(path)
    assert not Meeting.objects.exists()


def test_import_meetings_reports_reasons_with_line_numbers(council, csv_file, capsys):
    from helpdesk.committees import meetings_csv
    from helpdesk.committees.services import imports

    path = csv_file(
        "Planning North,2026-06-16,18:30,20:30,,,yes,\n"
        "Cabnet,2026-06-17,18:30,20:30,,,yes,\n"
        "Audit & Governance,2026-06-16,19:00,20:00,Council Chamber,,yes,\n"
        "Planning North,2026-06-16,18:30,20:30,,,yes,\n"
    )
    rows = meetings_csv.meetings_csv_parse(path.read_bytes())
    with pytest.raises(imports.MeetingImportInvalid) as error:
        imports.meetings_import(rows=rows, now=datetime(2026, 6, 1, tzinfo=LONDON))
    assert error.value.errors == [
        "Line 3: there is no committee called 'Cabnet'.",
        "Line 4: Council Chamber is already booked for Planning North, "
        "16 June 2026 (18:30 to 20:30).",
        "Line 5: repeats the meeting on line 2.",
    ]


def test_import_meetings_refuses_a_bad_header(council, csv_file):
    path = csv_file("x,2026-06-16\n", header="committee,day\n")
    with pytest.raises(CommandError, match="missing column"):
        _run(path)


def test_import_meetings_refuses_a_missing_file(db, tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        _run(tmp_path / "nope.csv")
