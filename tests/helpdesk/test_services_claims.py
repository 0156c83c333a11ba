"""Claiming, assigning and transferring cases."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from helpdesk import services
from helpdesk.models import Case, Membership, TimelineEvent
from tests.helpdesk.conftest import MONDAY_10AM


def test_case_claim_assigns_opens_and_records(desk, make_case):
    case = services.case_claim(case=make_case(), agent=desk.specialist, now=MONDAY_10AM)
    assert case.assignee == desk.specialist
    assert case.status == Case.Status.OPEN
    assert case.events.filter(kind="claimed", actor=desk.specialist).count() == 1


def test_case_claim_loser_is_told_who_won(desk, make_case):
    case = make_case()
    stale_copy = Case.objects.get(pk=case.pk)
    services.case_claim(case=case, agent=desk.hr_lead, now=MONDAY_10AM)
    with pytest.raises(ValidationError) as error:
        services.case_claim(case=stale_copy, agent=desk.specialist, now=MONDAY_10AM)
    lead = desk.hr_lead.display_name
    assert error.value.message_dict == {
        "assignee": [f"This case was claimed by {lead} a moment ago."]
    }
    assert Case.objects.get(pk=case.pk).assignee == desk.hr_lead
    assert TimelineEvent.objects.filter(case=case, kind="claimed").count() == 1


def test_case_claim_refuses_an_agent_from_another_team(desk, make_case):
    case = make_case()
    with pytest.raises(PermissionDenied):
        services.case_claim(case=case, agent=desk.other_specialist, now=MONDAY_10AM)
    assert Case.objects.get(pk=case.pk).assignee is None


def test_case_assign_gives_the_case_to_a_team_member(desk, make_case):
    case = services.case_assign(
        case=make_case(), agent=desk.hr_lead, assignee=desk.specialist, now=MONDAY_10AM
    )
    assert case.assignee == desk.specialist
    event = case.events.get(kind="assigned")
    assert event.data["to_user_id"] == desk.specialist.pk


def test_case_assign_refuses_someone_outside_the_team(desk, make_case):
    case = make_case()
    events = TimelineEvent.objects.count()
    with pytest.raises(ValidationError) as error:
        services.case_assign(
            case=case,
            agent=desk.specialist,
            assignee=desk.other_specialist,
            now=MONDAY_10AM,
        )
    assert "assignee" in error.value.message_dict
    assert Case.objects.get(pk=case.pk).assignee is None
    assert TimelineEvent.objects.count() == events


def test_case_transfer_moves_queue_unassigns_and_keeps_the_reason(desk, make_case):
    case = services.case_claim(case=make_case(), agent=desk.specialist, now=MONDAY_10AM)
    case = services.case_transfer(
        case=case,
        agent=desk.specialist,
        queue=desk.finance.queue,
        reason="This is about an expenses invoice.",
        now=MONDAY_10AM,
    )
    assert case.queue == desk.finance.queue
    assert case.assignee is None
    assert case.access_team == desk.finance
    event = case.events.get(kind="transferred")
    assert event.body == "This is about an expenses invoice."
    assert event.data["to_queue"] == desk.finance.queue.name


@pytest.mark.parametrize(
    ("reason", "same_queue", "field"),
    [("   ", False, "reason"), ("Wrong team.", True, "queue")],
)
def test_case_transfer_rejects_bad_data_and_changes_nothing(
    desk, make_case, reason, same_queue, field
):
    case = make_case()
    queue = desk.hr.queue if same_queue else desk.finance.queue
    events = TimelineEvent.objects.count()
    with pytest.raises(ValidationError) as error:
        services.case_transfer(
            case=case,
            agent=desk.specialist,
            queue=queue,
            reason=reason,
            now=MONDAY_10AM,
        )
    assert field in error.value.message_dict
    assert Case.objects.get(pk=case.pk).queue == desk.hr.queue
    assert TimelineEvent.objects.count() == events


def test_case_transfer_keeps_a_confidential_case_sealed(desk, make_case):
    Membership.objects.create(team=desk.triage, user=desk.business_partner)
    case = make_case(request_type=desk.grievance)
    case = services.case_transfer(
        case=case,
        agent=desk.business_partner,
        queue=desk.triage.queue,
        reason="Needs triage.",
        now=MONDAY_10AM,
    )
    assert case.access_team == desk.hr_bp
