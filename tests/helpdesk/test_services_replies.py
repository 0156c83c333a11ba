"""Replies and internal notes."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from helpdesk import services
from helpdesk.models import Attachment, Case, TimelineEvent
from tests.helpdesk.conftest import MONDAY_10AM
from tests.helpdesk.uploads import HTML, upload


def test_case_reply_by_agent_sets_first_response_once(desk, make_case):
    case = make_case()
    services.case_reply(
        case=case, author=desk.specialist, body="Looking into it.", now=MONDAY_10AM
    )
    later = MONDAY_10AM.replace(hour=15)
    services.case_reply(case=case, author=desk.specialist, body="Fixed.", now=later)
    case.refresh_from_db()
    assert case.first_responded_at == MONDAY_10AM
    assert case.status == Case.Status.OPEN
    assert case.events.filter(kind="reply", public=True).count() == 2


def test_case_reply_by_requester_does_not_count_as_first_response(desk, make_case):
    case = make_case()
    services.case_reply(
        case=case, author=desk.requester, body="Also...", now=MONDAY_10AM
    )
    case.refresh_from_db()
    assert case.first_responded_at is None
    assert case.status == Case.Status.NEW


def test_case_reply_refuses_a_line_manager(desk, make_case):
    case = make_case()
    with pytest.raises(PermissionDenied):
        services.case_reply(case=case, author=desk.manager, body="Hi", now=MONDAY_10AM)


@pytest.mark.parametrize(
    ("body", "files", "field"),
    [
        ("", (), "body"),
        ("See attached.", [upload("photo.png", HTML)], "attachments"),
    ],
)
def test_case_reply_rejects_bad_data_and_saves_nothing(
    desk, make_case, body, files, field
):
    case = make_case()
    before = (TimelineEvent.objects.count(), Attachment.objects.count())
    with pytest.raises(ValidationError) as error:
        services.case_reply(
            case=case,
            author=desk.specialist,
            body=body,
            attachments=files,
            now=MONDAY_10AM,
        )
    assert field in error.value.message_dict
    assert (TimelineEvent.objects.count(), Attachment.objects.count()) == before
    assert Case.objects.get(pk=case.pk).first_responded_at is None


def test_case_note_is_internal(desk, make_case):
    event = services.case_note(
        case=make_case(), author=desk.specialist, body="Payroll bug.", now=MONDAY_10AM
    )
    assert event.kind == TimelineEvent.Kind.INTERNAL_NOTE
    assert not event.public


def test_case_note_refuses_the_requester(desk, make_case):
    case = make_case()
    with pytest.raises(PermissionDenied):
        services.case_note(case=case, author=desk.requester, body="x", now=MONDAY_10AM)


def test_case_note_rejects_a_blank_body(desk, make_case):
    case = make_case()
    with pytest.raises(ValidationError) as error:
        services.case_note(case=case, author=desk.specialist, body=" ", now=MONDAY_10AM)
    assert "body" in error.value.message_dict
