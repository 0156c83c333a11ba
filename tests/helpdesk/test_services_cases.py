"""Creating and cancelling cases: routing, references, SLA clocks, bad data."""

from datetime import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from helpdesk import services
from helpdesk.models import (
    Attachment,
    Case,
    Queue,
    ReferenceCounter,
    RoutingRule,
    TimelineEvent,
    Watcher,
)
from helpdesk.sla import LONDON
from tests.helpdesk.conftest import MONDAY_10AM, person
from tests.helpdesk.uploads import EXE, upload


def _counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (Case, TimelineEvent, Attachment, Watcher, ReferenceCounter)
    }


def test_case_create_routes_by_rule_and_records_why(desk, make_case):
    case = make_case()
    assert case.queue == desk.hr.queue
    assert case.status == Case.Status.NEW
    routed = case.events.get(kind=TimelineEvent.Kind.ROUTED)
    assert routed.data["rule"] == "hr specialists"
    assert "service area is hr" in routed.body
    assert not routed.public
    created = case.events.get(kind=TimelineEvent.Kind.CREATED)
    assert created.public
    assert created.actor == desk.requester


def test_case_create_numbers_references_per_service_area(desk, make_case):
    first, second = make_case(), make_case()
    invoice = make_case(request_type=desk.invoice)
    assert [first.reference, second.reference, invoice.reference] == [
        "HR-000001",
        "HR-000002",
        "FIN-000001",
    ]


def test_case_create_sends_unmatched_requests_to_triage(desk, make_case):
    RoutingRule.objects.filter(service_area__slug="digital").delete()
    case = make_case(request_type=desk.laptop)
    assert case.queue == Queue.objects.get(is_triage=True)
    assert case.events.get(kind="routed").body == "No rule matched: sent to triage"


def test_case_create_sends_to_the_business_partner_for_the_directorate(desk, make_case):
    case = make_case(request_type=desk.grievance)
    assert case.queue == desk.hr_bp.queue
    assert case.confidential
    assert case.access_team == desk.hr_bp


def test_case_create_falls_back_to_triage_without_a_business_partner(desk, make_case):
    case = make_case(request_type=desk.grievance, requester=desk.stranger)
    assert case.queue == desk.triage.queue
    assert "no business partner" in case.events.get(kind="routed").body
    # Still sealed to the request type's access team, not to triage.
    assert case.access_team == desk.hr_bp


def test_case_create_marks_confidential_when_a_rule_says_so(desk, make_case):
    RoutingRule.objects.filter(name="hr specialists").update(mark_confidential=True)
    case = make_case()
    assert case.confidential
    assert case.access_team == desk.hr


def test_case_create_marks_confidential_when_asked(desk, make_case):
    case = make_case(confidential=True)
    assert case.confidential
    assert case.access_team == desk.hr


def test_case_create_sets_due_times_in_working_hours(desk, make_case):
    # Normal priority: respond in 8 working hours, resolve in 40.
    case = make_case()
    assert case.first_response_due_at == datetime(2026, 6, 2, 10, tzinfo=LONDON)
    assert case.resolution_due_at == datetime(2026, 6, 8, 10, tzinfo=LONDON)
    # 75% of 40 working hours is 30: Mon 7h, Tue 8h, Wed 8h, then Thu until 16:00.
    assert case.sla_warning_due_at == datetime(2026, 6, 4, 16, tzinfo=LONDON)


def test_case_create_out_of_hours_starts_the_clock_next_morning(desk, make_case):
    friday_evening = datetime(2026, 5, 22, 19, 30, tzinfo=LONDON)
    case = make_case(now=friday_evening)
    # Monday 25 May is a bank holiday, so the clock starts Tuesday 09:00.
    assert case.first_response_due_at == datetime(2026, 5, 26, 17, tzinfo=LONDON)


def test_case_create_without_policy_has_no_due_times(desk, make_case):
    case = make_case(request_type=desk.legal_advice)
    assert case.resolution_due_at is None
    assert case.first_response_due_at is None


def test_case_create_on_behalf_records_raised_by_and_watcher(desk, make_case):
    case = make_case(raised_by=desk.manager)
    assert case.raised_by == desk.manager
    assert Watcher.objects.filter(case=case, user=desk.manager).exists()
    assert case.events.get(kind="created").actor == desk.manager


def test_case_create_refuses_raising_for_someone_you_do_not_manage(desk, make_case):
    before = _counts()
    with pytest.raises(PermissionDenied):
        make_case(raised_by=desk.stranger)
    assert _counts() == before


def test_case_create_stores_attachments_on_the_created_event(desk, make_case):
    case = make_case(attachments=[upload("payslip.pdf")])
    attachment = case.attachments.get()
    assert attachment.event == case.events.get(kind="created")
    assert attachment.original_name == "payslip.pdf"
    assert attachment.content_type == "application/pdf"


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"subject": "  "}, "subject"),
        ({"subject": "x" * 201}, "subject"),
        ({"description": ""}, "description"),
        ({"answers": ["not", "a", "mapping"]}, "answers"),
        ({"request_type": "pay"}, "request_type"),
        ({"attachments": [upload("virus.pdf", EXE)]}, "attachments"),
        ({"attachments": [upload("run.exe", EXE)]}, "attachments"),
    ],
)
def test_case_create_rejects_bad_data_naming_the_field_and_saving_nothing(
    desk, make_case, fields, field
):
    before = _counts()
    with pytest.raises(ValidationError) as error:
        make_case(**fields)
    assert field in error.value.message_dict
    assert _counts() == before


def test_case_create_rejects_an_inactive_requester(desk, make_case):
    gone = person("gil.gone", is_active=False)
    before = _counts()
    with pytest.raises(ValidationError) as error:
        make_case(requester=gone)
    assert "requester" in error.value.message_dict
    assert _counts() == before


def test_case_create_without_triage_queue_explains_and_saves_nothing(desk, make_case):
    RoutingRule.objects.all().delete()
    Queue.objects.filter(is_triage=True).update(is_triage=False)
    before = _counts()
    with pytest.raises(ValidationError) as error:
        make_case()
    assert "queue" in error.value.message_dict
    assert _counts() == before


def test_case_cancel_by_requester_records_the_change(desk, make_case):
    case = services.case_cancel(
        case=make_case(), requester=desk.requester, now=MONDAY_10AM
    )
    assert case.status == Case.Status.CANCELLED
    assert case.events.filter(kind="status_changed", data__to="cancelled").exists()


def test_case_cancel_refuses_anyone_but_the_requester(desk, make_case):
    case = make_case()
    with pytest.raises(PermissionDenied):
        services.case_cancel(case=case, requester=desk.specialist, now=MONDAY_10AM)
    case.refresh_from_db()
    assert case.status == Case.Status.NEW


def test_case_cancel_refuses_a_resolved_case(desk, make_case):
    case = services.case_resolve(
        case=make_case(), agent=desk.specialist, summary="Paid.", now=MONDAY_10AM
    )
    with pytest.raises(ValidationError) as error:
        services.case_cancel(case=case, requester=desk.requester, now=MONDAY_10AM)
    assert "status" in error.value.message_dict
