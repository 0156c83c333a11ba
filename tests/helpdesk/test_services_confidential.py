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
