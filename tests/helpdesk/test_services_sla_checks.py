"""The SLA sweep: warnings at 75%, breaches at the due time, each written once."""

from datetime import datetime

from helpdesk import services
from helpdesk.models import Case, Priority, TimelineEvent
from helpdesk.sla import LONDON
from helpdesk.tasks_sla import case_sla_check_task


def at(*parts):
    return datetime(*parts, tzinfo=LONDON)


def _kinds(case):
    return list(
        case.events.filter(kind__startswith="sla_").values_list("kind", flat=True)
    )


def test_case_sla_check_warns_at_75_percent_once(desk, make_case):
    case = make_case()  # warning due Thu 4 June 16:00, resolution Mon 8 June 10:00
    assert services.case_sla_check(now=at(2026, 6, 4, 15, 59)) == {
        "warnings": 0,
        "breaches": 0,
    }
    assert services.case_sla_check(now=at(2026, 6, 4, 16)) == {
        "warnings": 1,
        "breaches": 0,
    }
    assert services.case_sla_check(now=at(2026, 6, 4, 16, 1))["warnings"] == 0
    assert _kinds(case) == ["sla_warning"]


def test_case_sla_check_breaches_once_and_raises_priority(desk, make_case):
    case = make_case()
    services.case_sla_check(now=at(2026, 6, 4, 16))
    assert services.case_sla_check(now=at(2026, 6, 8, 10))["breaches"] == 1
    assert services.case_sla_check(now=at(2026, 6, 8, 11))["breaches"] == 0
    case.refresh_from_db()
    assert case.priority == Priority.HIGH
    assert case.sla_breached_at == at(2026, 6, 8, 10)
    assert _kinds(case) == ["sla_warning", "sla_breach"]
    breach = case.events.get(kind="sla_breach")
    assert breach.data["priority_from"] == "normal"
    assert breach.data["priority_to"] == "high"


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
    assert services.case_sla_check(now=at(2026, 6, 30, 10)) == {
        "warnings": 0,
        "breaches": 0,
    }
    assert not TimelineEvent.objects.filter(kind__startswith="sla_").exists()
    paused.refresh_from_db()
    assert paused.priority == Priority.NORMAL


def test_case_sla_check_task_runs_the_sweep(desk, make_case):
    make_case(now=at(2020, 6, 1, 10))
    result = case_sla_check_task.delay().get()
    assert result == {"warnings": 0, "breaches": 1}
