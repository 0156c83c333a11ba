"""Importing meetings from a CSV, all or nothing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.functions import Lower

from helpdesk import sla
from helpdesk.committees.meetings_csv import MeetingRow
from helpdesk.committees.models import Committee, Meeting, Venue

YES, NO = {"yes", "y", "true", "1", ""}, {"no", "n", "false", "0"}
UPDATABLE = ("end_at", "venue_id", "title", "is_public", "status", "clerk_id")


class MeetingImportInvalid(Exception):
    """One or more rows are bad; nothing was written."""

    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__(f"{len(errors)} problem(s) found; nothing was imported.")


@dataclass(frozen=True)
class MeetingImportResult:
    created: int
    updated: int
    unchanged: int


class _RowError(ValueError):
    pass


class _Lookups:
    def __init__(self):
        self.committees = {}
        for committee in Committee.objects.select_related("default_venue", "clerk"):
            self.committees[committee.slug.lower()] = committee
            self.committees[committee.name.lower()] = committee
        self.venues = {v.name.lower(): v for v in Venue.objects.all()}
        self.users = dict(
            get_user_model()
            .objects.filter(is_active=True)
            .values_list(Lower("username"), "pk")
        )


def _parse_time(value: str, column: str) -> time:
    try:
        return time.fromisoformat(value)
    except ValueError as exc:
        raise _RowError(f"{column} '{value}' is not a time like 18:30") from exc


def _meeting(row: MeetingRow, lookups: _Lookups) -> Meeting:
    for column in ("committee", "date", "start", "end"):
        if not row.get(column):
            raise _RowError(f"{column} is empty")
    committee = lookups.committees.get(row.get("committee").lower())
    if committee is None:
        raise _RowError(f"there is no committee called '{row.get('committee')}'")
    try:
        day = date.fromisoformat(row.get("date"))
    except ValueError as exc:
        raise _RowError(f"date '{row.get('date')}' is not like 2026-06-16") from exc
    start_at = datetime.combine(day, _parse_time(row.get("start"), "start"), sla.LONDON)
    end_at = datetime.combine(day, _parse_time(row.get("end"), "end"), sla.LONDON)
    venue = committee.default_venue
    if row.get("venue"):
        venue = lookups.venues.get(row.get("venue").lower())
        if venue is None:
            raise _RowError(f"there is no venue called '{row.get('venue')}'")
    clerk_id = committee.clerk_id
    if row.get("clerk"):
        clerk_id = lookups.users.get(row.get("clerk").lower())
        if clerk_id is None:
            raise _RowError(f"there is no active user '{row.get('clerk')}'")
    public = row.get("public").lower()
    if public not in YES | NO:
        raise _RowError(f"public '{row.get('public')}' must be yes or no")
    status = row.get("status").lower() or Meeting.Status.SCHEDULED
    if status not in Meeting.Status.values:
        raise _RowError(
            f"status '{row.get('status')}' must be one of "
            f"{', '.join(Meeting.Status.values)}"
        )
    return Meeting(
        committee=committee,
        start_at=start_at,
        end_at=end_at,
        venue=venue,
        clerk_id=clerk_id,
        title=row.get("title"),
        is_public=public in YES,
        status=status,
    )


def _describe(error: ValidationError) -> str:
    if hasattr(error, "error_dict"):
        return "; ".join(" ".join(messages) for messages in error.message_dict.values())
    return " ".join(error.messages)


def _save(candidate: Meeting, now: datetime) -> str:
    existing = (
        Meeting.objects.select_for_update()
        .filter(committee=candidate.committee, start_at=candidate.start_at)
        .first()
    )
    if existing is None:
        candidate.created_at = candidate.updated_at = now
        candidate.full_clean()
        candidate.save()
        return "created"
    changed = [
        name
        for name in UPDATABLE
        if getattr(existing, name) != getattr(candidate, name)
    ]
    if not changed:
        return "unchanged"
    for name in changed:
        setattr(existing, name, getattr(candidate, name))
    existing.updated_at = now
    existing.full_clean()
    existing.save()
    return "updated"


@transaction.atomic
def meetings_import(
    *,
    rows: list[MeetingRow],
    now: datetime,
    progress: Callable[[int], None] | None = None,
) -> MeetingImportResult:
    """Create or update one meeting per row, matched by committee and start time.

    Every row is checked, against the database and the rows before it; if any
    is bad, nothing is kept. Importing the same file again changes nothing.

    :raises MeetingImportInvalid: listing each bad row by line number and reason
    """
    lookups = _Lookups()
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    errors: list[str] = []
    seen: dict[tuple, int] = {}
    for row in rows:
        try:
            candidate = _meeting(row, lookups)
            key = (candidate.committee.pk, candidate.start_at)
            if key in seen:
                raise _RowError(f"repeats the meeting on line {seen[key]}")
            seen[key] = row.line
            with transaction.atomic():
                counts[_save(candidate, now)] += 1
        except _RowError as exc:
            errors.append(f"Line {row.line}: {exc}.")
        except ValidationError as exc:
            errors.append(f"Line {row.line}: {_describe(exc)}")
        if progress:
            progress(1)
    if errors:
        raise MeetingImportInvalid(errors)
    return MeetingImportResult(**counts)
