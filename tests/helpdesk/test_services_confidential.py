"""Recording who opened a confidential case."""

import pytest
from django.core.exceptions import PermissionDenied

from helpdesk import services
from tests.helpdesk.conftest import MONDAY_10AM


def test_case_record_confidential_view_writes_an_internal_event(desk, make_case):
    case = make_case(request_type=desk.grievance)
    event = services.case_record_confidential_view(
        case=case, user=desk.requester, now=MONDAY_10AM
    )
    assert event.kind == "viewed_confidential"
    assert event.actor == desk.requester
    assert not event.public


def test_case_record_confidential_view_ignores_ordinary_cases(desk, make_case):
    case = make_case()
    assert (
        services.case_record_confidential_view(
            case=case, user=desk.specialist, now=MONDAY_10AM
        )
        is None
    )
    assert not case.events.filter(kind="viewed_confidential").exists()


def test_case_record_confidential_view_refuses_outsiders(desk, make_case):
    case = make_case(request_type=desk.grievance)
    with pytest.raises(PermissionDenied):
        services.case_record_confidential_view(
            case=case, user=desk.case_manager, now=MONDAY_10AM
        )


def test_case_record_confidential_view_writes_the_audit_log(desk, make_case):
    from intranet.audit.models import AuditEntry

    case = make_case(request_type=desk.grievance)
    services.case_record_confidential_view(
        case=case, user=desk.requester, now=MONDAY_10AM
    )
    entry = AuditEntry.objects.get(action="confidential_view")
    assert (entry.actor, entry.object_id, entry.detail["reference"]) == (
        desk.requester,
        str(case.pk),
        case.reference,
    )


def test_confidential_case_page_view_audits_the_address(desk, make_case, client):
    from intranet.audit.models import AuditEntry

    case = make_case(request_type=desk.grievance)
    client.force_login(desk.requester)
    client.get(f"/requests/{case.reference}/", REMOTE_ADDR="10.4.4.4")
    entry = AuditEntry.objects.filter(action="confidential_view").latest("pk")
    assert (entry.ip_address, entry.path) == (
        "10.4.4.4",
        f"/requests/{case.reference}/",
    )
