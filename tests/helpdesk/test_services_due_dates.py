"""Setting a case's due time from an outside deadline."""

from datetime import datetime, timedelta

import pytest
from django.core.exceptions import ValidationError

from helpdesk import services
from helpdesk.models import TimelineEvent
from helpdesk.services import due_dates
from helpdesk.sla import LONDON
from tests.helpdesk.conftest import MONDAY_10AM

FRIDAY_5PM = datetime(2026, 6, 12, 17, 0, tzinfo=LONDON)


def test_case_set_due_moves_the_resolution_time_and_says_why(make_case):
    case = make_case()
    case = due_dates.case_set_due(
        case=case, due_at=FRIDAY_5PM, reason="Room set up", now=MONDAY_10AM
    )
    case.refresh_from_db()
    assert case.resolution_due_at == FRIDAY_5PM
    assert MONDAY_10AM < case.sla_warning_due_at < FRIDAY_5PM
    note = case.events.get(kind=TimelineEvent.Kind.DUE_CHANGED)
    assert note.body == "Now due 12 June 2026 at 17:00: Room set up"
    assert not note.public


def test_case_set_due_rearms_a_breach_when_moved_later(make_case):
    case = make_case()
    due_dates.case_set_due(
        case=case, due_at=MONDAY_10AM + timedelta(hours=1), reason="r", now=MONDAY_10AM
    )
    services.case_sla_check(now=MONDAY_10AM + timedelta(hours=2))
    case.refresh_from_db()
    assert case.sla_breached_at is not None
    due_dates.case_set_due(
        case=case, due_at=FRIDAY_5PM, reason="Meeting moved", now=MONDAY_10AM
    )
    case.refresh_from_db()
    assert case.sla_breached_at is None


def test_case_set_due_refuses_a_finished_case(make_case, desk):
    case = make_case()
    services.case_resolve(
        case=case, agent=desk.specialist, summary="Done", now=MONDAY_10AM
    )
    with pytest.raises(ValidationError) as error:
        due_dates.case_set_due(
            case=case, due_at=FRIDAY_5PM, reason="r", now=MONDAY_10AM
        )
    assert "status" in error.value.message_dict


def test_case_set_due_needs_a_reason(make_case):
    with pytest.raises(ValidationError) as error:
        due_dates.case_set_due(
            case=make_case(), due_at=FRIDAY_5PM, reason=" ", now=MONDAY_10AM
        )
    assert "reason" in error.value.message_dict
