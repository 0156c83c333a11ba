"""The workflow table and the reopen/auto-close windows: pure, explicit clock."""

from datetime import datetime

import pytest
from django.core.exceptions import ValidationError

from helpdesk import sla, workflow
from helpdesk.models import Case
from helpdesk.sla import LONDON

S = Case.Status
ENGLAND = sla.england_and_wales_calendar()

ALLOWED = {
    (S.NEW, S.OPEN),
    (S.NEW, S.AWAITING_REQUESTER),
    (S.NEW, S.AWAITING_APPROVAL),
    (S.NEW, S.ON_HOLD),
    (S.NEW, S.RESOLVED),
    (S.NEW, S.CLOSED),
    (S.NEW, S.CANCELLED),
    (S.OPEN, S.AWAITING_REQUESTER),
    (S.OPEN, S.AWAITING_APPROVAL),
    (S.OPEN, S.ON_HOLD),
    (S.OPEN, S.RESOLVED),
    (S.OPEN, S.CLOSED),
    (S.OPEN, S.CANCELLED),
    (S.AWAITING_REQUESTER, S.OPEN),
    (S.AWAITING_REQUESTER, S.ON_HOLD),
    (S.AWAITING_REQUESTER, S.RESOLVED),
    (S.AWAITING_REQUESTER, S.CLOSED),
    (S.AWAITING_REQUESTER, S.CANCELLED),
    (S.AWAITING_APPROVAL, S.OPEN),
    (S.AWAITING_APPROVAL, S.RESOLVED),
    (S.AWAITING_APPROVAL, S.CLOSED),
    (S.AWAITING_APPROVAL, S.CANCELLED),
    (S.ON_HOLD, S.OPEN),
    (S.ON_HOLD, S.AWAITING_REQUESTER),
    (S.ON_HOLD, S.RESOLVED),
    (S.ON_HOLD, S.CLOSED),
    (S.ON_HOLD, S.CANCELLED),
    (S.RESOLVED, S.OPEN),
    (S.RESOLVED, S.CLOSED),
}


def test_can_transition_matches_the_policy_for_every_pair():
    mismatches = [
        (a, b)
        for a in S.values
        for b in S.values
        if workflow.can_transition(a, b) != ((a, b) in ALLOWED)
    ]
    assert mismatches == []


@pytest.mark.parametrize("final", [S.CLOSED, S.CANCELLED])
def test_can_transition_nothing_leaves_a_final_status(final):
    assert not any(workflow.can_transition(final, other) for other in S.values)


def test_assert_transition_names_both_statuses():
    with pytest.raises(ValidationError) as error:
        workflow.assert_transition(S.CLOSED, S.OPEN)
    assert error.value.message_dict == {
        "status": ['A case cannot go from "Closed" to "Open".']
    }


def test_assert_transition_allows_a_permitted_move():
    workflow.assert_transition(S.OPEN, S.RESOLVED)


def test_can_reopen_within_ten_working_days_skipping_the_bank_holiday():
    # Resolved Fri 15 May 2026; Mon 25 May is the spring bank holiday, so the
    # tenth working day after is Mon 1 June, not Fri 29 May.
    resolved_at = datetime(2026, 5, 15, 16, 0, tzinfo=LONDON)
    last_moment = datetime(2026, 6, 1, 23, 59, tzinfo=LONDON)
    too_late = datetime(2026, 6, 2, 0, 0, tzinfo=LONDON)
    assert workflow.can_reopen(
        resolved_at=resolved_at, now=last_moment, calendar=ENGLAND
    )
    assert not workflow.can_reopen(
        resolved_at=resolved_at, now=too_late, calendar=ENGLAND
    )


def test_auto_close_at_is_end_of_fifth_working_day():
    resolved_at = datetime(2026, 5, 20, 11, 0, tzinfo=LONDON)  # a Wednesday
    # Thu 21, Fri 22, (bank holiday Mon 25), Tue 26, Wed 27, Thu 28
    assert workflow.auto_close_at(resolved_at=resolved_at, calendar=ENGLAND) == (
        datetime(2026, 5, 29, 0, 0, tzinfo=LONDON)
    )
