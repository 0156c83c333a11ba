"""SLA arithmetic: pure, no database, explicit clock (Mon-Fri 09:00-17:00)."""

import time as clock
from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpdesk import sla
from helpdesk.sla import LONDON

ENGLAND = sla.england_and_wales_calendar()
HOUR = 3600


def at(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=LONDON)


def test_deadline_skips_christmas_bank_holidays():
    # 25 Dec and the Boxing Day substitute (Mon 28 Dec) are closed
    opened_at = at(2026, 12, 24, 16, 0)
    assert sla.deadline(start=opened_at, hours=8, calendar=ENGLAND) == at(
        2026, 12, 29, 16, 0
    )


def test_deadline_within_one_day():
    assert sla.deadline(start=at(2026, 6, 3, 10), hours=3, calendar=ENGLAND) == at(
        2026, 6, 3, 13
    )


def test_deadline_ending_at_closing_stays_on_that_day():
    assert sla.deadline(start=at(2026, 6, 3, 9), hours=8, calendar=ENGLAND) == at(
        2026, 6, 3, 17
    )


def test_deadline_skips_the_weekend():
    friday_afternoon = at(2026, 6, 5, 15)
    assert sla.deadline(start=friday_afternoon, hours=4, calendar=ENGLAND) == at(
        2026, 6, 8, 11
    )


@pytest.mark.parametrize(
    ("submitted_at", "label"),
    [
        (at(2026, 6, 3, 19, 30), "weekday evening"),
        (at(2026, 6, 4, 7, 45), "before opening"),
        (at(2026, 6, 4, 0, 0), "midnight"),
    ],
)
def test_deadline_out_of_hours_starts_at_next_opening(submitted_at, label):
    assert sla.deadline(start=submitted_at, hours=2, calendar=ENGLAND) == at(
        2026, 6, 4, 11
    ), label


def test_deadline_submitted_at_the_weekend_starts_on_monday():
    saturday = at(2026, 6, 6, 11)
    assert sla.deadline(start=saturday, hours=1, calendar=ENGLAND) == at(2026, 6, 8, 10)


def test_deadline_skips_a_substitute_bank_holiday():
    # Christmas 2027 is a Saturday: Mon 27 and Tue 28 Dec are the substitutes
    assert sla.deadline(start=at(2027, 12, 24, 9), hours=16, calendar=ENGLAND) == at(
        2027, 12, 29, 17
    )


def test_deadline_skips_easter():
    # Good Friday 3 April and Easter Monday 6 April 2026
    assert sla.deadline(start=at(2026, 4, 2, 13), hours=8, calendar=ENGLAND) == at(
        2026, 4, 7, 13
    )


def test_calendar_knows_substitute_days():
    assert not ENGLAND.is_working_day(date(2026, 12, 28))
    assert not ENGLAND.is_working_day(date(2027, 12, 27))
    assert not ENGLAND.is_working_day(date(2027, 12, 28))
    assert ENGLAND.is_working_day(date(2027, 12, 29))


def test_deadline_across_the_spring_clock_change():
    # Clocks go forward on Sunday 29 March 2026; Monday's working day is still 8h
    opened_friday = at(2026, 3, 27, 16)
    due_at = sla.deadline(start=opened_friday, hours=8, calendar=ENGLAND)
    assert due_at == at(2026, 3, 30, 16)
    assert due_at.utcoffset() == timedelta(hours=1)
    assert due_at.astimezone(UTC) == datetime(2026, 3, 30, 15, tzinfo=UTC)


def test_deadline_across_the_autumn_clock_change():
    # Clocks go back on Sunday 25 October 2026
    opened_friday = at(2026, 10, 23, 16)
    due_at = sla.deadline(start=opened_friday, hours=8, calendar=ENGLAND)
    assert due_at == at(2026, 10, 26, 16)
    assert due_at.astimezone(UTC) == datetime(2026, 10, 26, 16, tzinfo=UTC)


def test_working_seconds_between_counts_eight_hours_per_day_over_clock_changes():
    spring = sla.working_seconds_between(
        start=at(2026, 3, 27, 9), end=at(2026, 3, 30, 17), calendar=ENGLAND
    )
    autumn = sla.working_seconds_between(
        start=at(2026, 10, 23, 9), end=at(2026, 10, 26, 17), calendar=ENGLAND
    )
    assert spring == autumn == 16 * HOUR


def test_deadline_accepts_start_in_another_zone():
    start_utc = datetime(2026, 7, 1, 8, tzinfo=UTC)  # 09:00 BST
    assert sla.deadline(start=start_utc, hours=1, calendar=ENGLAND) == at(
        2026, 7, 1, 10
    )


def test_deadline_with_fractional_hours():
    assert sla.deadline(start=at(2026, 6, 3, 9), hours=1.5, calendar=ENGLAND) == at(
        2026, 6, 3, 10, 30
    )


def test_deadline_refuses_naive_start():
    with pytest.raises(ValueError, match="timezone-aware"):
        sla.deadline(start=datetime(2026, 6, 3, 9), seconds=60, calendar=ENGLAND)


def test_deadline_needs_exactly_one_amount():
    with pytest.raises(ValueError, match="exactly one"):
        sla.deadline(start=at(2026, 6, 3, 9), calendar=ENGLAND)
    with pytest.raises(ValueError, match="exactly one"):
        sla.deadline(start=at(2026, 6, 3, 9), seconds=1, hours=1, calendar=ENGLAND)


def test_deadline_hours_matches_deadline():
    assert sla.deadline_hours(
        start=at(2026, 6, 3, 16), hours=2, calendar=ENGLAND
    ) == at(2026, 6, 4, 10)


def test_working_seconds_between_is_zero_when_end_not_after_start():
    moment = at(2026, 6, 3, 12)
    assert sla.working_seconds_between(start=moment, end=moment, calendar=ENGLAND) == 0
    assert (
        sla.working_seconds_between(
            start=moment, end=moment - timedelta(hours=2), calendar=ENGLAND
        )
        == 0
    )


def test_working_seconds_between_ignores_nights_and_weekends():
    friday_noon, monday_noon = at(2026, 6, 5, 12), at(2026, 6, 8, 12)
    assert (
        sla.working_seconds_between(
            start=friday_noon, end=monday_noon, calendar=ENGLAND
        )
        == 8 * HOUR
    )


def test_closure_days_are_not_working_time():
    shutdown = sla.england_and_wales_calendar(
        extra_closures=[date(2026, 12, 29), date(2026, 12, 30), date(2026, 12, 31)]
    )
    assert sla.deadline(start=at(2026, 12, 24, 16), hours=8, calendar=shutdown) == at(
        2027, 1, 4, 16
    )


def test_custom_opening_hours_are_respected():
    early = sla.england_and_wales_calendar(opening=time(8), closing=time(16, 30))
    assert sla.deadline(start=at(2026, 6, 3, 16), hours=1, calendar=early) == at(
        2026, 6, 4, 8, 30
    )


def test_long_spans_are_fast():
    started = clock.perf_counter()
    ten_years = 8 * HOUR * 2520
    due_at = sla.deadline(start=at(2026, 1, 5, 9), seconds=ten_years, calendar=ENGLAND)
    elapsed = sla.working_seconds_between(
        start=at(2026, 1, 5, 9), end=due_at, calendar=ENGLAND
    )
    assert elapsed == ten_years
    # 2,520 working days on from Monday 5 January 2026, counted day by day
    assert due_at == at(2035, 12, 18, 17)
    assert clock.perf_counter() - started < 1


def test_pause_and_resume_keeps_the_remaining_working_time():
    opened_at = at(2026, 6, 1, 9)  # Monday
    due_at = sla.deadline(start=opened_at, hours=16, calendar=ENGLAND)
    assert due_at == at(2026, 6, 2, 17)

    # Paused Monday 13:00 awaiting the requester, who replies Thursday 10:00
    remaining = sla.remaining_seconds(
        due_at=due_at, now=at(2026, 6, 1, 13), calendar=ENGLAND
    )
    assert remaining == 12 * HOUR
    resumed_due_at = sla.deadline(
        start=at(2026, 6, 4, 10), seconds=remaining, calendar=ENGLAND
    )
    assert resumed_due_at == at(2026, 6, 5, 14)


def test_pause_while_overdue_resumes_still_overdue():
    due_at = at(2026, 6, 5, 16)  # Friday
    remaining = sla.remaining_seconds(
        due_at=due_at, now=at(2026, 6, 8, 10), calendar=ENGLAND
    )
    assert remaining == -2 * HOUR
    resumed_due_at = sla.deadline(
        start=at(2026, 6, 10, 9, 30), seconds=remaining, calendar=ENGLAND
    )
    assert resumed_due_at == at(2026, 6, 9, 15, 30)
    assert (
        sla.remaining_seconds(
            due_at=resumed_due_at, now=at(2026, 6, 10, 9, 30), calendar=ENGLAND
        )
        == -2 * HOUR
    )


def test_remaining_seconds_is_negative_when_overdue():
    assert (
        sla.remaining_seconds(
            due_at=at(2026, 6, 3, 10), now=at(2026, 6, 4, 11), calendar=ENGLAND
        )
        == -9 * HOUR
    )


def test_warning_at_three_quarters_of_the_working_time():
    start = at(2026, 6, 5, 13)  # Friday
    due_at = sla.deadline(start=start, hours=8, calendar=ENGLAND)
    assert due_at == at(2026, 6, 8, 13)
    assert sla.warning_at(start=start, due_at=due_at, calendar=ENGLAND) == at(
        2026, 6, 8, 11
    )


def test_warning_at_from_out_of_hours_start():
    start = at(2026, 6, 6, 12)  # Saturday: the clock starts Monday 09:00
    due_at = sla.deadline(start=start, hours=4, calendar=ENGLAND)
    assert sla.warning_at(
        start=start, due_at=due_at, calendar=ENGLAND, fraction=0.5
    ) == at(2026, 6, 8, 11)


def test_warning_at_refuses_fraction_outside_zero_to_one():
    with pytest.raises(ValueError, match="fraction"):
        sla.warning_at(
            start=at(2026, 6, 3, 9),
            due_at=at(2026, 6, 3, 17),
            calendar=ENGLAND,
            fraction=1.5,
        )


def test_calendar_refuses_closing_before_opening():
    with pytest.raises(ValueError, match="opens at"):
        sla.WorkingCalendar(hours={0: (time(17), time(9))}, closed_dates=frozenset())


def test_calendar_refuses_no_working_days():
    with pytest.raises(ValueError, match="at least one working weekday"):
        sla.WorkingCalendar(hours=dict.fromkeys(range(7)), closed_dates=frozenset())


def test_calendar_standard_day_is_the_usual_daily_hours():
    short_friday = sla.WorkingCalendar(
        hours={
            **{day: (time(9), time(17)) for day in range(4)},
            4: (time(9), time(13)),
        },
        closed_dates=frozenset(),
    )
    assert short_friday.standard_day_seconds == 8 * HOUR


moments = st.datetimes(
    min_value=datetime(2025, 1, 1),
    max_value=datetime(2028, 12, 31),
    timezones=st.just(LONDON),
).map(lambda moment: moment.replace(microsecond=0))


@given(start=moments, seconds=st.integers(min_value=1, max_value=400 * 8 * HOUR))
def test_working_seconds_between_inverts_deadline(start, seconds):
    due_at = sla.deadline(start=start, seconds=seconds, calendar=ENGLAND)
    assert due_at > start
    assert (
        sla.working_seconds_between(start=start, end=due_at, calendar=ENGLAND)
        == seconds
    )


@given(start=moments, end=moments)
def test_deadline_inverts_working_seconds_between(start, end):
    seconds = sla.working_seconds_between(start=start, end=end, calendar=ENGLAND)
    if seconds:
        # The deadline is the last moment of working time, so it never lies
        # after `end` and any time between them is out of hours.
        due_at = sla.deadline(start=start, seconds=seconds, calendar=ENGLAND)
        assert due_at <= end
        assert sla.working_seconds_between(start=due_at, end=end, calendar=ENGLAND) == 0


@given(due_at=moments, now=moments)
def test_resuming_with_remaining_seconds_restores_the_due_time(due_at, now):
    remaining = sla.remaining_seconds(due_at=due_at, now=now, calendar=ENGLAND)
    restored = sla.deadline(start=now, seconds=remaining, calendar=ENGLAND)
    assert (
        sla.remaining_seconds(due_at=restored, now=now, calendar=ENGLAND) == remaining
    )


# Opening in the small hours of Sunday puts the clock changes inside working
# time, so weeks with a change must be counted differently from the rest.
NIGHT_SHIFT = sla.WorkingCalendar(
    hours={
        0: (time(9), time(17)),
        2: (time(8, 30), time(12)),
        4: (time(9), time(17)),
        6: (time(0, 30), time(3, 30)),
    },
    closed_dates=sla.england_and_wales_bank_holidays()
    | {date(2027, 3, 1), date(2027, 3, 28), date(2028, 10, 29)},
)
long_moments = st.datetimes(
    min_value=datetime(2025, 1, 1),
    max_value=datetime(2032, 12, 31),
    timezones=st.just(LONDON),
).map(lambda moment: moment.replace(microsecond=0))


def _day_by_day_seconds(start, end, calendar) -> int:
    # In UTC: subtracting two London times ignores which of a repeated hour is meant.
    start, end = start.astimezone(UTC), end.astimezone(UTC)
    total, day = timedelta(), start.astimezone(LONDON).date()
    while day <= end.astimezone(LONDON).date():
        span = calendar.working_span(day)
        if span:
            total += max(min(span[1], end) - max(span[0], start), timedelta())
        day += timedelta(days=1)
    return total // timedelta(seconds=1)


@pytest.mark.parametrize("calendar", [ENGLAND, NIGHT_SHIFT], ids=["england", "night"])
@given(start=long_moments, end=long_moments)
def test_working_seconds_between_matches_a_day_by_day_count(calendar, start, end):
    assert sla.working_seconds_between(
        start=start, end=end, calendar=calendar
    ) == _day_by_day_seconds(start, end, calendar)


@pytest.mark.parametrize("calendar", [ENGLAND, NIGHT_SHIFT], ids=["england", "night"])
@given(start=long_moments, seconds=st.integers(min_value=-3000 * HOUR, max_value=-1))
def test_deadline_backwards_inverts_working_seconds_between(calendar, start, seconds):
    earlier = sla.deadline(start=start, seconds=seconds, calendar=calendar)
    # In UTC: wall-clock comparison misorders times in the skipped spring hour.
    assert earlier.astimezone(UTC) < start.astimezone(UTC)
    assert (
        sla.working_seconds_between(start=earlier, end=start, calendar=calendar)
        == -seconds
    )


def test_night_shift_counts_the_clock_change_hour():
    # 29 March 2026: 00:30-03:30 on the clock is two real hours, as 01:00-02:00
    # never happens; 25 October 2026: it is four, as 01:00-02:00 happens twice.
    spring = sla.working_seconds_between(
        start=at(2026, 3, 29, 0), end=at(2026, 3, 29, 4), calendar=NIGHT_SHIFT
    )
    autumn = sla.working_seconds_between(
        start=at(2026, 10, 25, 0), end=at(2026, 10, 25, 4), calendar=NIGHT_SHIFT
    )
    assert (spring, autumn) == (2 * HOUR, 4 * HOUR)


def test_long_overdue_spans_are_counted_by_the_week(monkeypatch):
    due_at, now = at(2016, 1, 4, 9), at(2026, 1, 5, 9)
    expected = -_day_by_day_seconds(due_at, now, ENGLAND)
    looked_up = []
    working_span = sla.WorkingCalendar.working_span

    def counting(calendar, day):
        looked_up.append(day)
        return working_span(calendar, day)

    monkeypatch.setattr(sla.WorkingCalendar, "working_span", counting)
    assert sla.remaining_seconds(due_at=due_at, now=now, calendar=ENGLAND) == expected
    # Ten years are 3,654 days; only weeks with a clock change are walked.
    assert len(looked_up) < 200
