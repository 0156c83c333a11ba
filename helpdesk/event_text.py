"""One line saying what a timeline event was, for the case page. Pure."""

from __future__ import annotations

from collections.abc import Mapping

from helpdesk.models import Case, Priority, TimelineEvent

Kind = TimelineEvent.Kind
SLA_TARGETS = {
    "first_response": "First response target",
    "resolution": "Resolution target",
}


def _status(value: str | None) -> str:
    try:
        return Case.Status(value).label.lower()
    except ValueError:
        return str(value or "unknown")


def _sla_line(kind: str, data: Mapping) -> str:
    # Events from before first-response checks name no target: they were all
    # about resolution.
    target = SLA_TARGETS.get(data.get("target"), "Resolution target")
    if kind == Kind.SLA_WARNING:
        return f"{target} is near"
    line = f"{target} missed"
    if data.get("priority_to"):
        line += f"; priority raised to {_priority(data['priority_to'])}"
    return line


def _priority(value: str) -> str:
    try:
        return Priority(value).label.lower()
    except ValueError:
        return str(value)


def user_ids(event: TimelineEvent) -> set[int]:
    """Return the ids of the people the event's line names besides its actor."""
    if event.kind != Kind.ASSIGNED:
        return set()
    return {pk for pk in (event.data.get("to_user_id"),) if pk}


def describe(event: TimelineEvent, *, names: Mapping[int, str]) -> str:
    """Return what happened, such as "Status changed from open to on hold"."""
    data = event.data or {}
    if event.kind == Kind.STATUS_CHANGED:
        old, new = _status(data.get("from")), _status(data.get("to"))
        line = f"Status changed from {old} to {new}"
        return line + (" automatically" if data.get("automatic") else "")
    if event.kind == Kind.ASSIGNED:
        return f"Assigned to {names.get(data.get('to_user_id'), 'someone')}"
    if event.kind == Kind.TRANSFERRED:
        old, new = data.get("from_queue", "a queue"), data.get("to_queue", "a queue")
        return f"Transferred from {old} to {new}"
    if event.kind == Kind.ROUTED:
        return f"Routed to {data.get('queue', 'a queue')}"
    if event.kind == Kind.CLAIMED:
        return "Claimed"
    if event.kind in (Kind.SLA_WARNING, Kind.SLA_BREACH):
        return _sla_line(event.kind, data)
    if event.kind == Kind.DUE_CHANGED and data.get("cancelled"):
        return "Support no longer needed: the meeting is cancelled"
    return event.get_kind_display()
