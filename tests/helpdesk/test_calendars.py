"""Working calendars built from the business calendars administrators edit."""

from datetime import date, datetime, time

import pytest
from django.core.exceptions import ValidationError

from helpdesk import calendars, sla
from helpdesk.models import BusinessCalendar, ClosureDay
from helpdesk.sla import LONDON

pytestmark = pytest.mark.django_db


def at(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=LONDON)


def make_calendar(**fields) -> BusinessCalendar:
    fields.setdefault("name", "Council offices")
    calendar = BusinessCalendar(**fields)
    calendar.full_clean()
    calendar.save()
    return calendar


def fresh(calendar: BusinessCalendar) -> BusinessCalendar:
    return BusinessCalendar.objects.get(pk=calendar.pk)


def test_working_calendar_default_is_england_and_wales_office_hours():
    default = calendars.working_calendar(None)
    assert default.hours[0] == (time(9), time(17))
    assert default.hours[5] is None
    assert not default.is_working_day(date(2026, 12, 28))
    assert sla.deadline(start=at(2026, 12, 24, 16), hours=8, calendar=default) == at(
        2026, 12, 29, 16
    )


def test_working_calendar_new_business_calendar_starts_as_office_hours():
    built = calendars.working_calendar(make_calendar())
    assert built.hours == {
        **{weekday: (time(9), time(17)) for weekday in range(5)},
        5: None,
        6: None,
    }
    assert not built.is_working_day(date(2027, 12, 27))


def test_working_calendar_uses_the_hours_set_per_weekday():
    calendar = make_calendar(
        friday_closes=time(16, 30), saturday_opens=time(10), saturday_closes=time(13)
    )
    built = calendars.working_calendar(calendar)
    friday_four_pm = at(2026, 6, 5, 16)
    assert sla.deadline(start=friday_four_pm, hours=2, calendar=built) == at(
        2026, 6, 6, 11, 30
    )


def test_working_calendar_includes_closure_days():
    calendar = make_calendar()
    for day in (29, 30, 31):
        ClosureDay.objects.create(
            calendar=calendar, date=date(2026, 12, day), reason="Christmas shutdown"
        )
    built = calendars.working_calendar(fresh(calendar))
    assert sla.deadline(start=at(2026, 12, 24, 16), hours=8, calendar=built) == at(
        2027, 1, 4, 16
    )


def test_working_calendar_without_bank_holidays_works_through_them():
    built = calendars.working_calendar(make_calendar(use_bank_holidays=False))
    assert built.is_working_day(date(2026, 12, 28))
    assert not built.is_working_day(date(2026, 12, 26))  # a Saturday


def test_working_calendar_sees_a_closure_day_added_after_it_was_cached():
    calendar = make_calendar()
    assert calendars.working_calendar(fresh(calendar)).is_working_day(date(2026, 8, 3))

    ClosureDay.objects.create(calendar=calendar, date=date(2026, 8, 3), reason="Move")

    assert not calendars.working_calendar(fresh(calendar)).is_working_day(
        date(2026, 8, 3)
    )


def test_working_calendar_sees_a_closure_day_removed_after_it_was_cached():
    calendar = make_calendar()
    closure = ClosureDay.objects.create(
        calendar=calendar, date=date(2026, 8, 3), reason="Move"
    )
    assert not calendars.working_calendar(fresh(calendar)).is_working_day(
        date(2026, 8, 3)
    )

    closure.delete()

    assert calendars.working_calendar(fresh(calendar)).is_working_day(date(2026, 8, 3))


def test_working_calendar_sees_changed_hours_after_it_was_cached():
    calendar = make_calendar()
    assert calendars.working_calendar(fresh(calendar)).hours[0] == (time(9), time(17))

    calendar.monday_opens = time(8)
    calendar.save()

    assert calendars.working_calendar(fresh(calendar)).hours[0] == (time(8), time(17))


def test_business_calendar_refuses_an_opening_time_without_a_closing_time():
    calendar = BusinessCalendar(name="Odd", saturday_opens=time(10))
    with pytest.raises(ValidationError) as error:
        calendar.full_clean()
    assert error.value.message_dict["saturday_closes"] == [
        "Give both an opening and a closing time for Saturday, or neither if closed."
    ]


def test_business_calendar_refuses_closing_before_opening():
    calendar = BusinessCalendar(
        name="Odd", tuesday_opens=time(17), tuesday_closes=time(9)
    )
    with pytest.raises(ValidationError) as error:
        calendar.full_clean()
    assert error.value.message_dict["tuesday_closes"] == [
        "Tuesday must close after it opens."
    ]


def test_business_calendar_refuses_a_week_with_no_working_day():
    closed = {
        f"{day}_{edge}": None
        for day in ("monday", "tuesday", "wednesday", "thursday", "friday")
        for edge in ("opens", "closes")
    }
    calendar = BusinessCalendar(name="Never", **closed)
    with pytest.raises(ValidationError) as error:
        calendar.full_clean()
    assert "Open on at least one day of the week." in str(error.value)


def test_closure_day_refuses_the_same_date_twice():
    calendar = make_calendar()
    ClosureDay.objects.create(calendar=calendar, date=date(2026, 8, 3), reason="Move")
    duplicate = ClosureDay(calendar=calendar, date=date(2026, 8, 3), reason="Again")
    with pytest.raises(ValidationError, match="already a closure day"):
        duplicate.full_clean()
