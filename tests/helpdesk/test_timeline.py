"""The timeline is append-only."""

import pytest

from helpdesk.models import TimelineEvent


def test_timeline_event_cannot_be_changed_or_deleted(desk, make_case):
    event = make_case().events.first()
    event.body = "rewritten"
    with pytest.raises(TypeError):
        event.save()
    with pytest.raises(TypeError):
        event.delete()
    with pytest.raises(TypeError):
        TimelineEvent.objects.filter(pk=event.pk).update(body="rewritten")
    with pytest.raises(TypeError):
        TimelineEvent.objects.filter(pk=event.pk).delete()
    assert TimelineEvent.objects.get(pk=event.pk).body != "rewritten"
