"""Where a case stands against its resolution target: on track, warning, breached.

Pure: the clock is passed in. `state_of` labels one case for its badge and
`state_q` filters a list the same way, so a badge and a filter never disagree.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from django.db.models import Q


class SlaState(StrEnum):
    ON_TRACK = "on_track"
    WARNING = "warning"
    BREACHED = "breached"
    PAUSED = "paused"

    @property
    def label(self) -> str:
        return LABELS[self]


LABELS = {
    SlaState.ON_TRACK: "On track",
    SlaState.WARNING: "Warning",
    SlaState.BREACHED: "Breached",
    SlaState.PAUSED: "Paused",
}

#: GOV.UK tag colour for each state.
TAG_CLASSES = {
    SlaState.ON_TRACK: "govuk-tag--green",
    SlaState.WARNING: "govuk-tag--yellow",
    SlaState.BREACHED: "govuk-tag--red",
    SlaState.PAUSED: "govuk-tag--grey",
}


def state_of(
    *,
    resolution_due_at: datetime | None,
    warning_due_at: datetime | None,
    paused_at: datetime | None,
    now: datetime,
) -> SlaState:
    """Return the state of an unfinished case's resolution clock at `now`."""
    if paused_at is not None:
        return SlaState.PAUSED
    if resolution_due_at is not None and resolution_due_at <= now:
        return SlaState.BREACHED
    if warning_due_at is not None and warning_due_at <= now:
        return SlaState.WARNING
    return SlaState.ON_TRACK


def state_q(state: SlaState, *, now: datetime) -> Q:
    """Return the filter matching the cases `state_of` puts in `state`."""
    running = Q(sla_paused_at__isnull=True)
    breached = Q(resolution_due_at__lte=now)
    warning = Q(sla_warning_due_at__lte=now)
    if state == SlaState.PAUSED:
        return ~running
    if state == SlaState.BREACHED:
        return running & breached
    if state == SlaState.WARNING:
        return running & ~breached & warning
    on_track_due = Q(resolution_due_at__isnull=True) | Q(resolution_due_at__gt=now)
    not_warned = Q(sla_warning_due_at__isnull=True) | Q(sla_warning_due_at__gt=now)
    return running & on_track_due & not_warned
