import io
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from intranet.services.staff_csv import StaffRow, staff_csv_parse
from intranet.services.staff_rows import (
    DirectorateRef,
    PersonRef,
    TeamRef,
    staff_rows_validate,
)
from tests.intranet.factories import UserFactory, team

User = get_user_model()
HEADER = (
    "employee_number,username,email,first_name,last_name,job_title,directorate,"
    "team,line_manager,phone,location\n"
)


def write_csv(tmp_path: Path, text: str, name: str = "staff.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def run_import(path: Path) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_staff", str(path), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def run_failing_import(path: Path) -> tuple[CommandError, str]:
    err = io.StringIO()
    with pytest.raises(CommandError) as caught:
        call_command("import_staff", str(path), stdout=io.StringIO(), stderr=err)
    return caught.value, err.getvalue()


GOOD = HEADER + (
    "E200,ben.officer,ben.officer@avonford.gov.uk,Ben,Officer,HR Officer,"
    'Support Services,HR,E100,01632 960100,"Civic Centre, Avonford"\n'
    "E100,ann.head,ann.head@avonford.gov.uk,Ann,Head,Head of HR,Support Services,"
    'HR,,01632 960101,"Civic Centre, Avonford"\n'
    "E300,cat.adviser,cat.adviser@avonford.gov.uk,Cat,Adviser,Payroll Adviser,,"
    "hr,ben.officer,,Depot\n"
)


# --- the command: a good file ----------------------------------------------------


@pytest.mark.django_db
def test_import_staff_creates_people_with_managers_named_later_in_the_file(tmp_path):
    out, _ = run_import(write_csv(tmp_path, GOOD))

    assert "3 created, 0 updated" in out
    ben = User.objects.select_related("team", "directorate", "line_manager").get(
        employee_number="E200"
    )
    assert ben.line_manager.username == "ann.head"
    assert ben.team == team("hr")
    assert ben.directorate.name == "Support Services"
    assert ben.location == "Civic Centre, Avonford"
    cat = User.objects.get(username="cat.adviser")
    assert cat.line_manager == ben
    assert cat.directorate.slug == "support-services"  # worked out from the team
    assert not cat.has_usable_password()
    assert cat.is_active


@pytest.mark.django_db
def test_import_staff_second_run_updates_people_instead_of_duplicating(tmp_path):
    run_import(write_csv(tmp_path, GOOD))
    changed = GOOD.replace("HR Officer", "Senior HR Officer").replace(
        "ben.officer@avonford", "benjamin.officer@avonford"
    )
    out, _ = run_import(write_csv(tmp_path, changed, "again.csv"))

    assert "0 created, 3 updated" in out
    assert User.objects.count() == 3
    ben = User.objects.get(employee_number="E200")
    assert ben.job_title == "Senior HR Officer"
    assert ben.email == "benjamin.officer@avonford.gov.uk"


@pytest.mark.django_db
def test_import_staff_matches_someone_without_an_employee_number_by_email(tmp_path):
    existing = UserFactory(username="ann.h", email="Ann.Head@avonford.gov.uk")
    existing.set_password("kept-password-1")
    existing.save()
    run_import(write_csv(tmp_path, GOOD.replace("ann.head,", "ann.h,", 1)))

    existing.refresh_from_db()
    assert existing.employee_number == "E100"
    assert existing.job_title == "Head of HR"
    assert existing.check_password("kept-password-1")
    assert User.objects.count() == 3


@pytest.mark.django_db
def test_import_staff_leaves_out_columns_the_file_does_not_have(tmp_path):
    person = UserFactory(
        employee_number="E9", username="kim", email="kim@avonford.gov.uk", phone="123"
    )
    text = "Employee_Number, Username ,email,first_name,last_name\n"
    text += "E9,kim,kim@avonford.gov.uk,Kim,Renamed\n"
    run_import(write_csv(tmp_path, text))

    person.refresh_from_db()
    assert person.last_name == "Renamed"
    assert person.phone == "123"
    assert person.team.slug == "customer-services"


@pytest.mark.django_db
def test_import_staff_accepts_a_byte_order_mark(tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes("\ufeff".encode() + GOOD.encode())
    out, _ = run_import(path)
    assert "3 created" in out


@pytest.mark.django_db
def test_import_staff_draws_progress_on_stderr_and_keeps_stdout_to_the_summary(
    tmp_path,
):
    out, err = run_import(write_csv(tmp_path, GOOD))
    assert out.strip().endswith("3 created, 0 updated")
    assert "Importing staff" not in out
    assert "Importing staff" in err
    assert "3/3" in err


# --- the command: bad rows -------------------------------------------------------


@pytest.mark.django_db
def test_import_staff_with_bad_rows_imports_nothing_and_names_each_bad_line(tmp_path):
    UserFactory(employee_number="X1", username="taken", email="taken@avonford.gov.uk")
    text = HEADER + (
        "E1,good.person,good@avonford.gov.uk,Good,Person,Officer,,HR,,,\n"  # line 2
        "E2,no.surname,no.surname@avonford.gov.uk,No,,Officer,,,,,\n"  # line 3
        "E3,bad.email,not-an-email,Bad,Email,,,,,,\n"  # line 4
        "E4,wrong.team,wrong.team@avonford.gov.uk,W,T,,Strategy,HR,,,\n"  # line 5
        "E5,no.team,no.team@avonford.gov.uk,N,T,,,Accounts,,,\n"  # line 6
        "E6,good.person,other@avonford.gov.uk,Dup,User,,,,,,\n"  # line 7
        "E7,taken,clash@avonford.gov.uk,Clash,Username,,,,,,\n"  # line 8
        "E8,lost,lost@avonford.gov.uk,Lost,Manager,,,,E999,,\n"  # line 9
        "E9,self,self@avonford.gov.uk,Self,Managed,,,,self,,\n"  # line 10
        "E10,loop.a,loop.a@avonford.gov.uk,Loop,A,,,,loop.b,,\n"  # line 11
        "E11,loop.b,loop.b@avonford.gov.uk,Loop,B,,,,E10,,\n"  # line 12
        "E1,dup.number,dup.number@avonford.gov.uk,Dup,Number,,,,,,\n"  # line 13
    )
    error, err = run_failing_import(write_csv(tmp_path, text))

    assert error.returncode == 1
    assert "nothing was imported" in str(error)
    expected = [
        "Line 3: last_name is missing",
        "Line 4: email 'not-an-email' is not a valid email address",
        "Line 5: team 'HR' is not in directorate 'Strategy'",
        "Line 6: unknown team 'Accounts'",
        "Line 7: username 'good.person' is already used on line 2",
        "Line 8: username 'taken' belongs to another person (taken, employee X1)",
        "Line 9: line manager 'E999' matches no one",
        "Line 10: a person cannot be their own line manager",
        "Line 11: line managers form a loop: loop.a → loop.b → loop.a",
        "Line 12: line managers form a loop: loop.b → loop.a → loop.b",
        "Line 13: employee number 'E1' is already used on line 2",
    ]
    for message in expected:
        assert message in err
    assert "Line 2:" not in err
    assert User.objects.count() == 1


@pytest.mark.django_db
def test_import_staff_finds_a_loop_through_someone_already_recorded(tmp_path):
    boss = UserFactory(employee_number="B1", username="boss")
    UserFactory(employee_number="D1", username="deputy", line_manager=boss)
    text = HEADER + "B1,boss,boss@avonford.gov.uk,Big,Boss,,,,deputy,,\n"
    _, err = run_failing_import(write_csv(tmp_path, text))
    assert "Line 2: line managers form a loop: boss → deputy → boss" in err
    boss.refresh_from_db()
    assert boss.line_manager is None


@pytest.mark.django_db
def test_import_staff_refuses_an_email_that_belongs_to_another_employee(tmp_path):
    UserFactory(employee_number="E1", username="first", email="shared@avonford.gov.uk")
    text = HEADER + "E2,second,shared@avonford.gov.uk,Second,Person,,,,,,\n"
    _, err = run_failing_import(write_csv(tmp_path, text))
    assert "Line 2: email 'shared@avonford.gov.uk' belongs to employee E1" in err


@pytest.mark.django_db
def test_import_staff_counts_lines_across_blank_lines_and_multiline_values(tmp_path):
    text = HEADER + (
        '\nE1,ok,ok@avonford.gov.uk,Ok,Person,"Officer,\nsecond line",,,,,\n'
        "E2,,missing@avonford.gov.uk,No,Username,,,,,,\n"
    )
    _, err = run_failing_import(write_csv(tmp_path, text))
    assert "Line 5: username is missing" in err


# --- the command: files it cannot read -------------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "The file is empty"),
        (b"\n\n", "The file is empty"),
        (HEADER.encode(), "header row but no staff rows"),
        (
            b"employee_number,username,first_name\nE1,a,A\n",
            "missing required column(s): email, last_name",
        ),
        (
            (HEADER.strip() + ",shoe_size\n").encode(),
            "unknown column(s): shoe_size",
        ),
        (
            HEADER.encode() + "E1,zoë,z@avonford.gov.uk,Zoë,Q\n".encode("latin-1"),
            "not UTF-8 text (byte 0xeb on line 2)",
        ),
        (b"employee_number,username\x00\n", "NUL characters"),
    ],
    ids=["empty", "blank-lines", "header-only", "missing", "unknown", "latin-1", "nul"],
)
@pytest.mark.django_db
def test_import_staff_explains_a_file_it_cannot_read(tmp_path, content, message):
    path = tmp_path / "export.csv"
    path.write_bytes(content)
    error, _ = run_failing_import(path)
    assert message in str(error)
    assert error.returncode == 1
    assert User.objects.count() == 0


def test_import_staff_exits_non_zero_for_a_missing_file(tmp_path):
    missing = tmp_path / "nowhere.csv"
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "manage.py", "import_staff", str(missing)],
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
        env={"DJANGO_SETTINGS_MODULE": "intranet.settings.test", "PATH": ""},
        check=False,
    )
    assert result.returncode == 1
    assert f"{missing}: no such file." in result.stderr
    assert "Traceback" not in result.stderr


# --- the pure parts ----------------------------------------------------------------


def test_staff_csv_parse_numbers_rows_from_the_header_line():
    parsed = staff_csv_parse(
        ("\n" + HEADER + "E1,a,a@x.org,A,A,,,,,,\n\nE2,b,b@x.org,B,B,,,,,,\n").encode()
    )
    assert [row.line for row in parsed.rows] == [3, 5]
    assert parsed.rows[1].get("email") == "b@x.org"


def test_staff_rows_validate_resolves_managers_already_recorded_by_email():
    columns = ("employee_number", "username", "email", "first_name", "last_name")
    row = StaffRow(
        line=2,
        values={
            "employee_number": "E2",
            "username": "new",
            "email": "new@x.org",
            "first_name": "New",
            "last_name": "Person",
            "line_manager": "BOSS@x.org",
        },
    )
    plan = staff_rows_validate(
        rows=[row],
        columns=(*columns, "line_manager"),
        directorates=[DirectorateRef(pk=1, name="Strategy", slug="strategy")],
        teams=[TeamRef(pk=1, name="Policy", slug="policy", directorate_pk=1)],
        people=[
            PersonRef(pk=7, employee_number="E1", username="b", email="boss@x.org")
        ],
    )
    assert plan.errors == []
    assert plan.people[0].manager == ("pk", 7)
    assert plan.people[0].existing_pk is None
