"""Merging duplicates and linking related cases."""

import pytest
from django.core.exceptions import ValidationError

from helpdesk import services
from helpdesk.models import Case, CaseLink, TimelineEvent
from tests.helpdesk.conftest import MONDAY_10AM


def test_case_merge_closes_source_and_both_timelines_keep_it(desk, make_case):
    source, target = make_case(), make_case()
    services.case_merge(
        source=source, target=target, agent=desk.specialist, now=MONDAY_10AM
    )
    source.refresh_from_db()
    assert source.status == Case.Status.CLOSED
    assert source.merged_into == target
    assert source.events.get(kind="merged").data["into"] == target.reference
    assert target.events.get(kind="merged").data["from"] == source.reference


@pytest.mark.parametrize("problem", ["itself", "merged target", "confidential"])
def test_case_merge_rejects_bad_targets_and_changes_nothing(desk, make_case, problem):
    source = make_case()
    if problem == "itself":
        target = source
    elif problem == "merged target":
        target = make_case()
        services.case_merge(
            source=target, target=make_case(), agent=desk.specialist, now=MONDAY_10AM
        )
    else:
        target = make_case(confidential=True)
    events = TimelineEvent.objects.count()
    with pytest.raises(ValidationError) as error:
        services.case_merge(
            source=source, target=target, agent=desk.specialist, now=MONDAY_10AM
        )
    assert "target" in error.value.message_dict
    source.refresh_from_db()
    assert source.status == Case.Status.NEW
    assert source.merged_into is None
    assert TimelineEvent.objects.count() == events


def test_case_link_records_on_both_timelines_once(desk, make_case):
    case, other = make_case(), make_case()
    services.case_link(case=case, other=other, agent=desk.specialist, now=MONDAY_10AM)
    assert CaseLink.objects.count() == 1
    assert case.events.get(kind="linked").data["linked"] == other.reference
    assert other.events.get(kind="linked").data["linked"] == case.reference
    with pytest.raises(ValidationError) as error:
        services.case_link(
            case=other, other=case, agent=desk.specialist, now=MONDAY_10AM
        )
    assert "other" in error.value.message_dict
    assert CaseLink.objects.count() == 1
    assert TimelineEvent.objects.filter(kind="linked").count() == 2


def test_case_link_refuses_linking_a_case_to_itself(desk, make_case):
    case = make_case()
    with pytest.raises(ValidationError) as error:
        services.case_link(
            case=case, other=case, agent=desk.specialist, now=MONDAY_10AM
        )
    assert "other" in error.value.message_dict
