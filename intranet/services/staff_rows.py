"""Check staff rows against the organisation and the people already recorded.

Pure: it takes plain snapshots of the database and returns a plan or the problems,
so every rule can be tested without a database.
"""

from dataclasses import dataclass, field

from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from .staff_csv import REQUIRED_COLUMNS, StaffRow

MAX_LENGTHS = {
    "employee_number": 20,
    "username": 150,
    "email": 254,
    "first_name": 150,
    "last_name": 150,
    "job_title": 150,
    "phone": 40,
    "location": 150,
}
_username_validator = UnicodeUsernameValidator()


@dataclass(frozen=True)
class TeamRef:
    pk: int
    name: str
    slug: str
    directorate_pk: int


@dataclass(frozen=True)
class DirectorateRef:
    pk: int
    name: str
    slug: str


@dataclass(frozen=True)
class PersonRef:
    pk: int
    employee_number: str | None
    username: str
    email: str
    line_manager_pk: int | None = None


@dataclass(frozen=True)
class RowError:
    line: int
    message: str

    def __str__(self) -> str:
        return f"Line {self.line}: {self.message}"


@dataclass
class PlannedPerson:
    """What to write for one row: the person it updates (if any) and new values."""

    row: StaffRow
    existing_pk: int | None = None
    fields: dict = field(default_factory=dict)
    # ("row", index into the plan) or ("pk", existing person) or None
    manager: tuple[str, int] | None = None


@dataclass
class StaffPlan:
    people: list[PlannedPerson]
    errors: list[RowError]
    sets_managers: bool


def _key(value: str | None) -> str:
    return (value or "").strip().casefold()


class _Index:
    """Look up people by employee number, username or email, case-insensitively."""

    def __init__(self):
        self.by = {"employee_number": {}, "username": {}, "email": {}}

    def add(self, column: str, value: str | None, item) -> object | None:
        """Record ``item`` under ``value`` and return whatever was there first."""
        key = _key(value)
        if not key:
            return None
        return self.by[column].setdefault(key, item)

    def get(self, column: str, value: str | None):
        return self.by[column].get(_key(value))

    def find(self, reference: str):
        for column in ("employee_number", "username", "email"):
            found = self.get(column, reference)
            if found is not None:
                return found
        return None


def staff_rows_validate(
    *,
    rows: list[StaffRow],
    columns: tuple[str, ...],
    directorates: list[DirectorateRef],
    teams: list[TeamRef],
    people: list[PersonRef],
) -> StaffPlan:
    """Check every row and return the plan, with every problem found on any row.

    Existing people are matched by employee number, then by email address. A line
    manager is named by employee number, username or email, and may be a row further
    down the file or someone already recorded.
    """
    errors: list[RowError] = []
    existing = _Index()
    for person in people:
        for column in ("employee_number", "username", "email"):
            existing.add(column, getattr(person, column), person)
    in_file = _Index()
    plan = []
    claimed: dict[int, int] = {}
    for index, row in enumerate(rows):
        planned = PlannedPerson(row=row)
        problems = _check_values(row)
        problems += _check_duplicates(row, index, in_file, rows)
        if not problems:
            problems += _match_existing(index, rows, planned, existing, claimed)
        planned.fields = _fields(row, columns, directorates, teams, problems)
        errors.extend(RowError(row.line, message) for message in problems)
        plan.append(planned)

    sets_managers = "line_manager" in columns
    if sets_managers:
        errors.extend(_resolve_managers(plan, in_file, existing, people))
    errors.sort(key=lambda error: error.line)
    return StaffPlan(people=plan, errors=errors, sets_managers=sets_managers)


def _check_values(row: StaffRow) -> list[str]:
    problems = []
    if row.extra_cells:
        problems.append(f"{row.extra_cells} more value(s) than the header has columns")
    for column in REQUIRED_COLUMNS:
        if not row.get(column):
            problems.append(f"{column} is missing")
    for column, limit in MAX_LENGTHS.items():
        if len(row.get(column)) > limit:
            problems.append(f"{column} is longer than {limit} characters")
    username = row.get("username")
    if username and len(username) <= MAX_LENGTHS["username"]:
        try:
            _username_validator(username)
        except ValidationError:
            problems.append(
                f"username '{username}' may contain only letters, digits and @ . + - _"
            )
    email = row.get("email")
    if email:
        try:
            validate_email(email)
        except ValidationError:
            problems.append(f"email '{email}' is not a valid email address")
    return problems


def _check_duplicates(row: StaffRow, index: int, in_file: _Index, rows) -> list[str]:
    problems = []
    for column, label in (
        ("employee_number", "employee number"),
        ("username", "username"),
        ("email", "email"),
    ):
        first = in_file.add(column, row.get(column), index)
        if first is not None and first != index:
            line = rows[first].line
            problems.append(
                f"{label} '{row.get(column)}' is already used on line {line}"
            )
    return problems


def _match_existing(index, rows, planned, existing: _Index, claimed) -> list[str]:
    row = rows[index]
    problems = []
    person = existing.get("employee_number", row.get("employee_number"))
    if person is None:
        person = existing.get("email", row.get("email"))
        if person is not None and person.employee_number:
            problems.append(
                f"email '{row.get('email')}' belongs to employee "
                f"{person.employee_number} ({person.username})"
            )
            return problems
    for column in ("username", "email"):
        owner = existing.get(column, row.get(column))
        if owner is not None and owner is not person:
            number = owner.employee_number or "with no employee number"
            problems.append(
                f"{column} '{row.get(column)}' belongs to another person "
                f"({owner.username}, employee {number})"
            )
    if person is not None and not problems:
        if person.pk in claimed:
            first = rows[claimed[person.pk]]
            problems.append(f"updates the same person as line {first.line}")
        else:
            claimed[person.pk] = index
            planned.existing_pk = person.pk
    return problems


def _fields(row, columns, directorates, teams, problems: list[str]) -> dict:
    values = {
        column: row.get(column)
        for column in MAX_LENGTHS
        if column in columns and column != "employee_number"
    }
    values["employee_number"] = row.get("employee_number")
    if "directorate" in columns or "team" in columns:
        directorate, team, problem = _place(
            row.get("directorate"), row.get("team"), directorates, teams
        )
        if problem:
            problems.append(problem)
        values["directorate_id"] = directorate
        values["team_id"] = team
    return values


def _place(directorate_value, team_value, directorates, teams):
    """Return (directorate pk, team pk, problem) for the row's organisation columns."""
    directorate = None
    if directorate_value:
        key = _key(directorate_value)
        matches = [d for d in directorates if key in (_key(d.name), _key(d.slug))]
        if not matches:
            known = ", ".join(d.name for d in directorates)
            problem = f"unknown directorate '{directorate_value}' (known: {known})"
            return None, None, problem
        directorate = matches[0]
    if not team_value:
        return (directorate.pk if directorate else None), None, None
    key = _key(team_value)
    candidates = [t for t in teams if key in (_key(t.name), _key(t.slug))]
    if not candidates:
        return None, None, f"unknown team '{team_value}'"
    if directorate is not None:
        inside = [t for t in candidates if t.directorate_pk == directorate.pk]
        if not inside:
            problem = f"team '{team_value}' is not in directorate '{directorate.name}'"
            return None, None, problem
        return directorate.pk, inside[0].pk, None
    if len(candidates) > 1:
        problem = (
            f"team '{team_value}' is in several directorates: give the directorate"
        )
        return None, None, problem
    return candidates[0].directorate_pk, candidates[0].pk, None


def _resolve_managers(plan, in_file: _Index, existing: _Index, people) -> list:
    errors = []
    row_of_pk = {p.existing_pk: i for i, p in enumerate(plan) if p.existing_pk}
    for index, planned in enumerate(plan):
        reference = planned.row.get("line_manager")
        if not reference:
            continue
        found = in_file.find(reference)
        if found is not None:
            planned.manager = ("row", found)
        else:
            person = existing.find(reference)
            if person is None:
                errors.append(
                    RowError(
                        planned.row.line,
                        f"line manager '{reference}' matches no one in the file or "
                        "already recorded",
                    )
                )
                continue
            planned.manager = _node(("pk", person.pk), row_of_pk)
        if planned.manager == ("row", index):
            errors.append(
                RowError(planned.row.line, "a person cannot be their own line manager")
            )
            planned.manager = None
    errors.extend(_loops(plan, people, row_of_pk))
    return errors


def _node(node, row_of_pk):
    if node[0] == "pk" and node[1] in row_of_pk:
        return ("row", row_of_pk[node[1]])
    return node


def _loops(plan, people, row_of_pk) -> list[RowError]:
    """Report each row whose chain of line managers leads back to itself."""
    managers_in_db = {p.pk: p.line_manager_pk for p in people}
    names_in_db = {p.pk: p.username for p in people}

    def manager_of(node):
        if node[0] == "row":
            return plan[node[1]].manager
        manager_pk = managers_in_db.get(node[1])
        return _node(("pk", manager_pk), row_of_pk) if manager_pk else None

    def name(node):
        if node[0] == "row":
            return plan[node[1]].row.get("username")
        return names_in_db.get(node[1], str(node[1]))

    errors = []
    for index, planned in enumerate(plan):
        start = ("row", index)
        chain, seen, node = [start], {start}, manager_of(start)
        while node is not None and node not in seen:
            chain.append(node)
            seen.add(node)
            node = manager_of(node)
        if node == start and len(chain) > 1:
            path = " → ".join(name(n) for n in [*chain, start])
            errors.append(
                RowError(planned.row.line, f"line managers form a loop: {path}")
            )
    return errors
