"""Due times in words, counted in working time (Mon-Fri 09:00-17:00)."""

from datetime import datetime, time

import pytest

from helpdesk import humanize, sla
from helpdesk.sla import LONDON

ENGLAND = sla.england_and_wales_calendar()


def at(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=LONDON)


@pytest.mark.parametrize(
    ("now", "due_at", "phrase"),
    [
        (at(2026, 6, 3, 10), at(2026, 6, 3, 13), "due in 3 working hours"),
        (at(2026, 6, 3, 12), at(2026, 6, 3, 13), "due in 1 working hour"),
        (at(2026, 6, 3, 12, 15), at(2026, 6, 3, 13), "due in 45 working minutes"),
        (at(2026, 6, 3, 12, 59), at(2026, 6, 3, 13), "due in 1 working minute"),
        (at(2026, 6, 3, 13), at(2026, 6, 5, 13), "due in 2 working days"),
        (at(2026, 6, 3, 13), at(2026, 6, 4, 13), "due in 1 working day"),
        (at(2026, 6, 3, 13), at(2026, 6, 3, 13), "due now"),
        (at(2026, 6, 3, 12, 59, 30), at(2026, 6, 3, 13), "due now"),
        (at(2026, 6, 5, 13), at(2026, 6, 3, 13), "overdue by 2 working days"),
        (at(2026, 6, 3, 14, 30), at(2026, 6, 3, 13), "overdue by 1 working hour"),
        (at(2026, 6, 3, 13, 2), at(2026, 6, 3, 13), "overdue by 2 working minutes"),
    ],
)
def test_due_phrase_wording(now, due_at, phrase):
    assert humanize.due_phrase(due_at=due_at, now=now, calendar=ENGLAND) == phrase


def test_due_phrase_counts_only_working_time():
    # Friday 16:00 to Monday 11:00 is three working hours, not a weekend
    assert (
        humanize.due_phrase(
            due_at=at(2026, 6, 8, 11), now=at(2026, 6, 5, 16), calendar=ENGLAND
        )
        == "due in 3 working hours"
    )


def test_due_phrase_rounds_down_to_whole_days():
    # A day and seven hours is still one whole working day
    assert (
        humanize.due_phrase(
            due_at=at(2026, 6, 5, 16), now=at(2026, 6, 4, 9), calendar=ENGLAND
        )
        == "due in 1 working day"
    )


def test_due_phrase_skips_bank_holidays():
    # Christmas Eve 2026 to 29 December: the 25th and the 28th are closed
    assert (
        humanize.due_phrase(
            due_at=at(2026, 12, 29, 17), now=at(2026, 12, 24, 9), calendar=ENGLAND
        )
        == "due in 2 working days"
    )


def test_due_phrase_past_deadline_out_of_hours_reads_overdue():
    friday_close, saturday = at(2026, 6, 5, 17), at(2026, 6, 6, 10)
    assert (
        humanize.due_phrase(due_at=friday_close, now=saturday, calendar=ENGLAND)
        == "overdue"
    )


def test_due_phrase_working_day_follows_the_calendar_hours():
    half_days = sla.england_and_wales_calendar(opening=time(9), closing=time(13))
    assert (
        humanize.due_phrase(
            due_at=at(2026, 6, 4, 13), now=at(2026, 6, 3, 9), calendar=half_days
        )
        == "due in 2 working days"
    )
