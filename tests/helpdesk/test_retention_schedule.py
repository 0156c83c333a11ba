"""The pure retention decision: no database, explicit clock."""

from datetime import datetime, timedelta

from helpdesk.retention import schedule
from helpdesk.retention.schedule import CaseFacts, Outcome, Policy
from helpdesk.sla import LONDON

NOW = datetime(2033, 6, 15, 10, 0, tzinfo=LONDON)
SIX_YEARS = Policy(action="anonymise", retain_years=6)


def facts(closed_at, policy=SIX_YEARS, **fields) -> CaseFacts:
    return CaseFacts(
        case_id=1, reference="HR-000001", closed_at=closed_at, policy=policy, **fields
    )


def test_add_years_turns_29_february_into_28_february():
    leap_day = datetime(2028, 2, 29, 9, 0, tzinfo=LONDON)
    assert schedule.add_years(leap_day, 1) == datetime(2029, 2, 28, 9, 0, tzinfo=LONDON)
    assert schedule.add_years(leap_day, 4) == leap_day.replace(year=2032)


def test_decide_case_closed_seven_years_ago_is_due_under_a_six_year_policy():
    decision = schedule.decide(facts(datetime(2026, 6, 10, tzinfo=LONDON)), now=NOW)
    assert decision.outcome == Outcome.ANONYMISE
    assert decision.due_at == datetime(2032, 6, 10, tzinfo=LONDON)
    assert "kept 6 years" in decision.reason


def test_decide_case_closed_five_years_ago_is_not_due():
    decision = schedule.decide(facts(datetime(2028, 6, 10, tzinfo=LONDON)), now=NOW)
    assert decision.outcome == Outcome.NOT_DUE


def test_decide_is_due_exactly_when_the_period_ends():
    closed = datetime(2027, 6, 15, 10, 0, tzinfo=LONDON)
    assert schedule.decide(facts(closed), now=NOW).outcome == Outcome.ANONYMISE
    just_before = NOW - timedelta(seconds=1)
    assert schedule.decide(facts(closed), now=just_before).outcome == Outcome.NOT_DUE


def test_decide_held_case_is_skipped_even_when_due():
    decision = schedule.decide(
        facts(datetime(2020, 1, 1, tzinfo=LONDON), held=True), now=NOW
    )
    assert decision.outcome == Outcome.HELD


def test_decide_open_case_is_never_due():
    assert schedule.decide(facts(None), now=NOW).outcome == Outcome.NOT_CLOSED


def test_decide_delete_policy_counted_in_days():
    policy = Policy(action="delete", retain_days=30)
    closed = datetime(2033, 5, 1, tzinfo=LONDON)
    assert schedule.decide(facts(closed, policy), now=NOW).outcome == Outcome.DELETE
    recent = datetime(2033, 6, 1, tzinfo=LONDON)
    assert schedule.decide(facts(recent, policy), now=NOW).outcome == Outcome.NOT_DUE


def test_decide_already_anonymised_case_is_done():
    decision = schedule.decide(
        facts(datetime(2020, 1, 1, tzinfo=LONDON), anonymised=True), now=NOW
    )
    assert decision.outcome == Outcome.DONE
