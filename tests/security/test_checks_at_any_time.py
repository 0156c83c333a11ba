"""Django's system checks pass whatever the time of day they run at."""

from datetime import datetime
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

LONDON = ZoneInfo("Europe/London")


@pytest.mark.parametrize(
    "moment",
    [
        datetime(2026, 11, 23, 9, 0, 5, tzinfo=LONDON),
        datetime(2026, 11, 23, 17, 0, 5, tzinfo=LONDON),
        datetime(2026, 11, 23, 12, 30, 0, tzinfo=LONDON),
    ],
    ids=["opening time", "closing time", "midday"],
)
def test_checks_pass_at_the_calendars_opening_and_closing_times(moment):
    # A fixed time default makes Django warn (fields.W161) within ten seconds of it,
    # which once failed `check --deploy` in a run that started at 09:00:05.
    with mock.patch("django.utils.timezone.now", return_value=moment):
        call_command("check", fail_level="WARNING")
