"""Import staff records from an HR export, all or nothing."""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction

from intranet.models import Directorate, Team

from .staff_csv import StaffRow
from .staff_rows import (
    DirectorateRef,
    PersonRef,
    RowError,
    StaffPlan,
    TeamRef,
    staff_rows_validate,
)


class StaffImportInvalid(Exception):
    """One or more rows are bad; nothing was written."""

    def __init__(self, errors: list[RowError]):
        self.errors = errors
        super().__init__(f"{len(errors)} problem(s) found; nothing was imported.")


@dataclass(frozen=True)
class StaffImportResult:
    created: int
    updated: int


def staff_import_check(*, rows: list[StaffRow], columns: tuple[str, ...]) -> StaffPlan:
    """Validate rows against the organisation and everyone already recorded."""
    people = [
        PersonRef(
            pk=pk,
            employee_number=number,
            username=username,
            email=email,
            line_manager_pk=manager_pk,
        )
        for pk, number, username, email, manager_pk in get_user_model()
        .objects.order_by("pk")
        .values_list("pk", "employee_number", "username", "email", "line_manager_id")
    ]
    return staff_rows_validate(
        rows=rows,
        columns=columns,
        directorates=[
            DirectorateRef(pk=d.pk, name=d.name, slug=d.slug)
            for d in Directorate.objects.all()
        ],
        teams=[
            TeamRef(pk=t.pk, name=t.name, slug=t.slug, directorate_pk=t.directorate_id)
            for t in Team.objects.all()
        ],
        people=people,
    )


@transaction.atomic
def staff_import(
    *,
    rows: list[StaffRow],
    columns: tuple[str, ...],
    progress: Callable[[int], None] | None = None,
) -> StaffImportResult:
    """Create or update one person per row, then set their line managers.

    People are matched by employee number, then email, so a second import of the
    same export updates rather than duplicates. New accounts get an unusable
    password: they sign in through single sign-on. Columns left out of the file
    leave those details as they are; blank values clear them.

    :param progress: called with the number of rows just written
    :raises StaffImportInvalid: if any row is bad; then nothing is written
    """
    user_model = get_user_model()
    plan = staff_import_check(rows=rows, columns=columns)
    if plan.errors:
        raise StaffImportInvalid(plan.errors)

    existing = user_model.objects.in_bulk(
        [p.existing_pk for p in plan.people if p.existing_pk]
    )
    saved, created = [], 0
    for planned in plan.people:
        person = existing.get(planned.existing_pk) or user_model(is_active=True)
        if person.pk is None:
            person.set_unusable_password()
            created += 1
        for name, value in planned.fields.items():
            setattr(person, name, value)
        person.full_clean(exclude=["password", "line_manager"])
        person.save()
        saved.append(person)
        if progress:
            progress(1)

    if plan.sets_managers:
        for planned, person in zip(plan.people, saved, strict=True):
            kind, ref = planned.manager or (None, None)
            manager_pk = saved[ref].pk if kind == "row" else ref
            if person.line_manager_id != manager_pk:
                person.line_manager_id = manager_pk
                person.save(update_fields=["line_manager"])
    return StaffImportResult(created=created, updated=len(saved) - created)
