"""Status changes, the SLA pause, resolving, reopening and auto-closing."""

from datetime import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from helpdesk import services
from helpdesk.models import Case, TimelineEvent
from helpdesk.sla import LONDON
from tests.helpdesk.conftest import MONDAY_10AM

S = Case.Status


def at(*parts):
    return datetime(*parts, tzinfo=LONDON)


def test_case_change_status_to_awaiting_requester_pauses_the_clock(desk, make_case):
    case = services.case_change_status(
        case=make_case(),
        agent=desk.specialist,
        status=S.AWAITING_REQUESTER,
        now=at(2026, 6, 1, 15),
    )
    assert case.sla_paused_at == at(2026, 6, 1, 15)
    # Due Mon 8 June 10:00; from Mon 15:00 that is 2 + 4*8 + 1 = 35 working hours.
    assert case.sla_remaining_seconds == 35 * 3600
    event = case.events.get(kind="status_changed")
    assert event.public
    assert event.data == {"from": "new", "to": "awaiting_requester"}


def test_case_reply_from_requester_resumes_the_clock_and_reopens(desk, make_case):
    case = services.case_change_status(
        case=make_case(),
        agent=desk.specialist,
        status=S.AWAITING_REQUESTER,
        now=at(2026, 6, 1, 15),
    )
    # Paused for two working days; the due time moves on by the same.
    services.case_reply(
        case=case, author=desk.requester, body="Here it is.", now=at(2026, 6, 3, 15)
    )
    case.refresh_from_db()
    assert case.status == S.OPEN
    assert case.sla_paused_at is None
    assert case.resolution_due_at == at(2026, 6, 10, 10)
    assert case.sla_warning_due_at == at(2026, 6, 8, 16)


def test_case_change_status_leaving_awaiting_requester_resumes(desk, make_case):
    case = services.case_change_status(
        case=make_case(),
        agent=desk.specialist,
        status=S.AWAITING_REQUESTER,
        now=at(2026, 6, 1, 15),
    )
    case = services.case_change_status(
        case=case, agent=desk.specialist, status=S.ON_HOLD, now=at(2026, 6, 2, 15)
    )
    assert case.sla_paused_at is None
    assert case.resolution_due_at == at(2026, 6, 9, 10)


@pytest.mark.parametrize(
    ("status", "message_part"),
    [("bogus", "not a case status"), (S.RESOLVED, "Use resolve")],
)
def test_case_change_status_rejects_bad_status(desk, make_case, status, message_part):
    case = make_case()
    with pytest.raises(ValidationError) as error:
        services.case_change_status(
            case=case, agent=desk.specialist, status=status, now=MONDAY_10AM
        )
    assert message_part in error.value.message_dict["status"][0]
    assert Case.objects.get(pk=case.pk).status == S.NEW


def test_case_change_status_refuses_a_disallowed_move(desk, make_case):
    case = services.case_change_status(
        case=make_case(),
        agent=desk.specialist,
        status=S.AWAITING_APPROVAL,
        now=MONDAY_10AM,
    )
    with pytest.raises(ValidationError) as error:
        services.case_change_status(
            case=case, agent=desk.specialist, status=S.ON_HOLD, now=MONDAY_10AM
        )
    assert error.value.message_dict["status"] == [
        'A case cannot go from "Awaiting approval" to "On hold".'
    ]


def test_case_resolve_records_summary(desk, make_case):
    case = services.case_resolve(
        case=make_case(),
        agent=desk.specialist,
        summary="Overtime paid.",
        now=MONDAY_10AM,
    )
    assert case.status == S.RESOLVED
    assert case.resolved_at == MONDAY_10AM
    assert case.events.get(kind="resolved").body == "Overtime paid."


def test_case_resolve_requires_a_summary(desk, make_case):
    case = make_case()
    with pytest.raises(ValidationError) as error:
        services.case_resolve(
            case=case, agent=desk.specialist, summary="", now=MONDAY_10AM
        )
    assert "resolution_summary" in error.value.message_dict
    assert Case.objects.get(pk=case.pk).status == S.NEW


def test_case_reopen_within_ten_working_days(desk, make_case):
    case = services.case_resolve(
        case=make_case(), agent=desk.specialist, summary="Paid.", now=MONDAY_10AM
    )
    case = services.case_reopen(
        case=case,
        requester=desk.requester,
        reason="Still wrong.",
        now=at(2026, 6, 15, 12),
    )
    assert case.status == S.OPEN
    assert case.resolved_at is None
    assert case.events.get(kind="reopened").body == "Still wrong."


def test_case_reopen_refused_after_ten_working_days(desk, make_case):
    case = services.case_resolve(
        case=make_case(), agent=desk.specialist, summary="Paid.", now=MONDAY_10AM
    )
    with pytest.raises(ValidationError) as error:
        services.case_reopen(
            case=case,
            requester=desk.requester,
            reason="Still wrong.",
            now=at(2026, 6, 16, 0),
        )
    assert "10 working days" in error.value.message_dict["status"][0]
    assert Case.objects.get(pk=case.pk).status == S.RESOLVED


def test_case_reopen_refuses_someone_else(desk, make_case):
    case = services.case_resolve(
        case=make_case(), agent=desk.specialist, summary="Paid.", now=MONDAY_10AM
    )
    with pytest.raises(PermissionDenied):
        services.case_reopen(
            case=case, requester=desk.specialist, reason="x", now=MONDAY_10AM
        )


def test_case_close_resolved_closes_after_five_working_days_once(desk, make_case):
    resolved = services.case_resolve(
        case=make_case(), agent=desk.specialist, summary="Paid.", now=MONDAY_10AM
    )
    services.case_resolve(
        case=make_case(),
        agent=desk.specialist,
        summary="Paid.",
        now=at(2026, 6, 5, 10),
    )
    assert services.case_close_resolved(now=at(2026, 6, 8, 23, 59)) == 0
    assert services.case_close_resolved(now=at(2026, 6, 9, 0, 0)) == 1
    assert services.case_close_resolved(now=at(2026, 6, 9, 0, 5)) == 0
    resolved.refresh_from_db()
    assert resolved.status == S.CLOSED
    assert resolved.closed_at == at(2026, 6, 9, 0, 0)
    assert (
        TimelineEvent.objects.filter(
            case=resolved, kind="status_changed", data__to="closed"
        ).count()
        == 1
    )
