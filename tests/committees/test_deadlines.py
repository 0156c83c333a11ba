"""Statutory deadline arithmetic: pure, no database, explicit dates."""

from datetime import date, datetime

import pytest

from helpdesk.committees import deadlines
from helpdesk.committees.deadlines import MilestoneKind
from helpdesk.sla import LONDON, england_and_wales_calendar

ENGLAND = england_and_wales_calendar()


def _due(milestones, kind: MilestoneKind) -> datetime:
    return next(m.due_at for m in milestones if m.kind == kind)


@pytest.mark.parametrize(
    ("meeting_date", "published"),
    [
        # Plain week: Tue 9 to Mon 15 June are five clear days.
        (date(2026, 6, 16), date(2026, 6, 8)),
        # A Monday meeting: the weekend before it is not clear.
        (date(2026, 6, 15), date(2026, 6, 5)),
        # Year end: 25 and 28 December 2026 and 1 January 2027 are bank holidays,
        # leaving 23, 24, 29, 30 and 31 December as the five clear days.
        (date(2027, 1, 4), date(2026, 12, 22)),
        # Easter 2027: Good Friday 26 March and Easter Monday 29 March are closed.
        (date(2027, 3, 30), date(2027, 3, 18)),
        # Tuesday after the spring bank holiday (Monday 25 May 2026).
        (date(2026, 5, 26), date(2026, 5, 15)),
    ],
)
def test_agenda_publication_date_leaves_five_clear_working_days(
    meeting_date, published
):
    assert deadlines.agenda_publication_date(meeting_date, ENGLAND) == published
    assert deadlines.clear_working_days_between(published, meeting_date, ENGLAND) == 5


def test_agenda_publication_date_is_the_latest_lawful_day():
    meeting = date(2027, 1, 4)
    published = deadlines.agenda_publication_date(meeting, ENGLAND)
    next_working_day = deadlines.working_days_after(published, 1, ENGLAND)
    assert deadlines.clear_working_days_between(next_working_day, meeting, ENGLAND) == 4


def test_clear_working_days_between_counts_neither_end():
    # Mon 1 to Fri 5 June 2026: only Tue, Wed and Thu lie strictly between.
    assert (
        deadlines.clear_working_days_between(
            date(2026, 6, 1), date(2026, 6, 5), ENGLAND
        )
        == 3
    )


def test_meeting_milestones_across_the_year_end():
    milestones = deadlines.meeting_milestones(
        starts_at=datetime(2027, 1, 4, 18, 30, tzinfo=LONDON),
        calendar=ENGLAND,
        report_working_days=10,
        minutes_working_days=5,
    )
    assert _due(milestones, MilestoneKind.REPORTS) == datetime(
        2026, 12, 16, 17, 0, tzinfo=LONDON
    )
    assert _due(milestones, MilestoneKind.AGENDA_PACKS) == datetime(
        2026, 12, 22, 9, 0, tzinfo=LONDON
    )
    assert _due(milestones, MilestoneKind.PUBLICATION) == datetime(
        2026, 12, 22, 17, 0, tzinfo=LONDON
    )
    assert _due(milestones, MilestoneKind.ROOM_SETUP) == datetime(
        2026, 12, 31, 17, 0, tzinfo=LONDON
    )
    assert _due(milestones, MilestoneKind.DRAFT_MINUTES) == datetime(
        2027, 1, 11, 17, 0, tzinfo=LONDON
    )


def test_meeting_milestones_set_up_before_a_bank_holiday_monday():
    milestones = deadlines.meeting_milestones(
        starts_at=datetime(2026, 5, 26, 10, 0, tzinfo=LONDON), calendar=ENGLAND
    )
    assert _due(milestones, MilestoneKind.ROOM_SETUP) == datetime(
        2026, 5, 22, 17, 0, tzinfo=LONDON
    )
    assert _due(milestones, MilestoneKind.AV_SETUP) == datetime(
        2026, 5, 22, 17, 0, tzinfo=LONDON
    )


def test_meeting_milestones_skip_easter_for_minutes():
    # Thursday 25 March 2027; Good Friday and Easter Monday are not working days.
    milestones = deadlines.meeting_milestones(
        starts_at=datetime(2027, 3, 25, 14, 0, tzinfo=LONDON),
        calendar=ENGLAND,
        minutes_working_days=2,
    )
    assert _due(milestones, MilestoneKind.DRAFT_MINUTES) == datetime(
        2027, 3, 31, 17, 0, tzinfo=LONDON
    )


def test_meeting_milestones_use_the_configured_report_deadline():
    milestones = deadlines.meeting_milestones(
        starts_at=datetime(2026, 6, 16, 10, 0, tzinfo=LONDON),
        calendar=ENGLAND,
        report_working_days=15,
    )
    assert _due(milestones, MilestoneKind.REPORTS).date() == date(2026, 5, 26)


def test_meeting_milestones_are_in_date_order_and_owned():
    milestones = deadlines.meeting_milestones(
        starts_at=datetime(2026, 6, 16, 10, 0, tzinfo=LONDON), calendar=ENGLAND
    )
    assert [m.due_at for m in milestones] == sorted(m.due_at for m in milestones)
    owners = {m.kind: m.owner for m in milestones}
    assert owners[MilestoneKind.AV_SETUP] == "digital"
    assert owners[MilestoneKind.LEGAL_ADVISER] == "legal"
    assert owners[MilestoneKind.PUBLICATION] == "democratic-services"


def test_meeting_milestones_keep_london_time_in_summer():
    milestones = deadlines.meeting_milestones(
        starts_at=datetime(2026, 7, 14, 9, 0, tzinfo=LONDON), calendar=ENGLAND
    )
    room = _due(milestones, MilestoneKind.ROOM_SETUP)
    assert (room.hour, room.utcoffset().total_seconds()) == (17, 3600)


def test_meeting_milestones_refuse_naive_times():
    with pytest.raises(ValueError, match="timezone-aware"):
        deadlines.meeting_milestones(
            starts_at=datetime(2026, 6, 16, 10, 0),
            calendar=ENGLAND,
        )


def test_working_days_before_refuses_zero():
    with pytest.raises(ValueError, match="at least 1"):
        deadlines.working_days_before(date(2026, 6, 16), 0, ENGLAND)
