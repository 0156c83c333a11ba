"""The SLA sweep: warnings at 75%, breaches at the due time, each written once."""

from datetime import datetime

from helpdesk import event_text, services
from helpdesk.models import Case, Priority, TimelineEvent
from helpdesk.sla import LONDON
from helpdesk.tasks_sla import case_sla_check_task

NOTHING = {
    "first_response_warnings": 0,
    "first_response_breaches": 0,
    "warnings": 0,
    "breaches": 0,
}


def at(*parts):
    return datetime(*parts, tzinfo=LONDON)


def _sla_events(case):
    """Return (kind, target) of the case's SLA events, oldest first."""
    events = case.events.filter(kind__startswith="sla_").order_by("created_at", "pk")
    return [(event.kind, event.data["target"]) for event in events]


def _answered(desk, case):
    """Reply to the case on the Monday afternoon, stopping its first-response clock."""
    services.case_reply(
        case=case,
        author=desk.specialist,
        body="Looking into it.",
        now=at(2026, 6, 1, 11),
    )
    return case


def test_case_sla_check_warns_at_75_percent_once(desk, make_case):
    case = _answered(desk, make_case())  # warning Thu 4 June 16:00, due Mon 8 June
    assert services.case_sla_check(now=at(2026, 6, 4, 15, 59)) == NOTHING
    assert services.case_sla_check(now=at(2026, 6, 4, 16)) == NOTHING | {"warnings": 1}
    assert services.case_sla_check(now=at(2026, 6, 4, 16, 1))["warnings"] == 0
    assert _sla_events(case) == [("sla_warning", "resolution")]


def test_case_sla_check_breaches_once_and_raises_priority(desk, make_case):
    case = _answered(desk, make_case())
    services.case_sla_check(now=at(2026, 6, 4, 16))
    assert services.case_sla_check(now=at(2026, 6, 8, 10))["breaches"] == 1
    assert services.case_sla_check(now=at(2026, 6, 8, 11))["breaches"] == 0
    case.refresh_from_db()
    assert case.priority == Priority.HIGH
    assert case.sla_breached_at == at(2026, 6, 8, 10)
    assert _sla_events(case) == [
        ("sla_warning", "resolution"),
        ("sla_breach", "resolution"),
    ]
    breach = case.events.get(kind="sla_breach")
    assert breach.data["priority_from"] == "normal"
    assert breach.data["priority_to"] == "high"


def test_case_sla_check_warns_of_first_response_at_75_percent_once(desk, make_case):
    case = make_case()  # first response due Tue 2 June 10:00, warning Mon 16:00
    assert services.case_sla_check(now=at(2026, 6, 1, 15, 59)) == NOTHING
    assert services.case_sla_check(now=at(2026, 6, 1, 16)) == NOTHING | {
        "first_response_warnings": 1
    }
    assert services.case_sla_check(now=at(2026, 6, 1, 16, 30)) == NOTHING
    assert _sla_events(case) == [("sla_warning", "first_response")]
    warning = case.events.get(kind="sla_warning")
    due_at = datetime.fromisoformat(warning.data["first_response_due_at"])
    assert due_at == at(2026, 6, 2, 10)


def test_case_sla_check_breaches_first_response_once_and_raises_priority(
    desk, make_case
):
    case = make_case()
    assert services.case_sla_check(now=at(2026, 6, 2, 10)) == NOTHING | {
        "first_response_breaches": 1
    }
    assert services.case_sla_check(now=at(2026, 6, 2, 11)) == NOTHING
    case.refresh_from_db()
    assert case.priority == Priority.HIGH
    assert case.first_response_breached_at == at(2026, 6, 2, 10)
    assert case.sla_breached_at is None
    breach = case.events.get(kind="sla_breach")
    due_at = datetime.fromisoformat(breach.data.pop("first_response_due_at"))
    assert due_at == at(2026, 6, 2, 10)
    assert breach.data == {
        "target": "first_response",
        "priority_from": "normal",
        "priority_to": "high",
    }


def test_case_sla_check_raises_priority_once_when_both_targets_are_missed(
    desk, make_case
):
    case = make_case()
    services.case_sla_check(now=at(2026, 6, 2, 10))
    services.case_sla_check(now=at(2026, 6, 8, 10))
    case.refresh_from_db()
    assert case.priority == Priority.HIGH
    assert _sla_events(case) == [
        ("sla_breach", "first_response"),
        ("sla_breach", "resolution"),
    ]
    resolution = case.events.filter(kind="sla_breach").get(data__target="resolution")
    assert "priority_to" not in resolution.data


def test_case_sla_check_raises_once_when_both_targets_pass_in_one_sweep(
    desk, make_case
):
    case = make_case()
    assert services.case_sla_check(now=at(2026, 6, 30, 10)) == NOTHING | {
        "first_response_breaches": 1,
        "breaches": 1,
    }
    case.refresh_from_db()
    assert case.priority == Priority.HIGH


def test_case_sla_check_leaves_first_response_alone_once_answered(desk, make_case):
    case = _answered(desk, make_case())
    assert services.case_sla_check(now=at(2026, 6, 3, 10)) == NOTHING
    assert _sla_events(case) == []


def test_case_sla_check_skips_paused_and_resolved_cases(desk, make_case):
    paused = services.case_change_status(
        case=make_case(),
        agent=desk.specialist,
        status=Case.Status.AWAITING_REQUESTER,
        now=at(2026, 6, 1, 11),
    )
    services.case_resolve(
        case=make_case(), agent=desk.specialist, summary="Done.", now=at(2026, 6, 1, 11)
    )
    assert services.case_sla_check(now=at(2026, 6, 30, 10)) == NOTHING
    assert not TimelineEvent.objects.filter(kind__startswith="sla_").exists()
    paused.refresh_from_db()
    assert paused.priority == Priority.NORMAL


def test_case_sla_check_task_runs_the_sweep(desk, make_case):
    make_case(now=at(2020, 6, 1, 10))
    result = case_sla_check_task.delay().get()
    assert result == NOTHING | {"first_response_breaches": 1, "breaches": 1}


def test_event_text_says_which_target_an_sla_event_is_about(desk, make_case):
    case = make_case()
    for moment in (at(2026, 6, 1, 16), at(2026, 6, 2, 10), at(2026, 6, 4, 16)):
        services.case_sla_check(now=moment)
    services.case_sla_check(now=at(2026, 6, 8, 10))

    lines = [
        event_text.describe(event, names={})
        for event in case.events.filter(kind__startswith="sla_").order_by("pk")
    ]

    assert lines == [
        "First response target is near",
        "First response target missed; priority raised to high",
        "Resolution target is near",
        "Resolution target missed",
    ]
