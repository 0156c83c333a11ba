"""What the helpdesk holds about a person, for subject access exports.

Registered with the intranet's registry, which finds this module by name.
"""

from django.db.models import Q
from django.utils.text import get_valid_filename

from helpdesk.models import (
    Attachment,
    Case,
    InboundMessage,
    LegalHold,
    TimelineEvent,
    Watcher,
)
from intranet.data_protection import registry


def _name(user) -> str | None:
    return str(user) if user is not None else None


def _case_row(case: Case, *, role: str) -> dict:
    return {
        "reference": case.reference,
        "your_role": role,
        "requester": _name(case.requester),
        "raised_by": _name(case.raised_by),
        "subject": case.subject,
        "description": case.description,
        "answers": case.answers,
        "request_type": case.request_type.name,
        "service_area": str(case.service_area),
        "status": case.get_status_display(),
        "priority": case.get_priority_display(),
        "confidential": case.confidential,
        "assignee": _name(case.assignee),
        "created_at": case.created_at,
        "resolved_at": case.resolved_at,
        "closed_at": case.closed_at,
        "resolution_summary": case.resolution_summary,
    }


def _event_row(event: TimelineEvent) -> dict:
    return {
        "case": event.case.reference,
        "kind": event.get_kind_display(),
        "at": event.created_at,
        "by": _name(event.actor),
        "seen_by_requester": event.public,
        "body": event.body,
        "data": event.data,
    }


def _attachment_row(attachment: Attachment, archive_name: str) -> dict:
    return {
        "case": attachment.case.reference,
        "name": attachment.original_name,
        "content_type": attachment.content_type,
        "size": attachment.size,
        "sha256": attachment.sha256,
        "uploaded_by": _name(attachment.uploaded_by),
        "uploaded_at": attachment.created_at,
        "file": f"attachments/{archive_name}",
    }


def _archive_name(attachment: Attachment) -> str:
    name = get_valid_filename(attachment.original_name) or "file"
    return f"cases/{attachment.case.reference}/{attachment.pk}-{name}"


@registry.register("helpdesk")
def subject_data(user) -> registry.SubjectData:
    """Return the person's cases, timelines, attachments, ratings and mail.

    Cases they requested come whole, internal notes included; cases they raised
    for someone else come as they saw them: the public timeline and their uploads.
    """
    cases = list(
        Case.objects.filter(Q(requester=user) | Q(raised_by=user))
        .select_related(
            "requester", "raised_by", "assignee", "request_type", "service_area"
        )
        .order_by("created_at", "pk")
    )
    own = [case.pk for case in cases if case.requester_id == user.pk]
    raised = [case.pk for case in cases if case.requester_id != user.pk]
    visible = Q(case_id__in=own) | Q(case_id__in=raised, public=True)
    events = (
        TimelineEvent.objects.filter(visible)
        .select_related("case", "actor")
        .order_by("case__created_at", "created_at", "pk")
    )
    attachments = (
        Attachment.objects.filter(
            Q(case_id__in=own)
            | Q(case_id__in=raised, event__public=True)
            | Q(case_id__in=raised, uploaded_by=user)
        )
        .select_related("case", "uploaded_by")
        .order_by("case__created_at", "created_at", "pk")
    )
    files, attachment_rows = [], []
    for attachment in attachments:
        archive_name = _archive_name(attachment)
        attachment_rows.append(_attachment_row(attachment, archive_name))
        files.append(
            registry.SubjectFile(
                archive_name=archive_name,
                storage=attachment.file.storage,
                name=attachment.file.name,
            )
        )
    ratings = [
        {
            "case": case.reference,
            "rating": case.satisfaction.rating,
            "comment": case.satisfaction.comment,
            "at": case.satisfaction.created_at,
        }
        for case in Case.objects.filter(pk__in=own, satisfaction__isnull=False)
        .select_related("satisfaction")
        .order_by("pk")
    ]
    return registry.SubjectData(
        records={
            "cases": [
                _case_row(
                    case,
                    role="requester"
                    if case.requester_id == user.pk
                    else "raised on behalf of the requester",
                )
                for case in cases
            ],
            "timeline": [_event_row(event) for event in events],
            "attachments": attachment_rows,
            "satisfaction_ratings": ratings,
            "watching": [
                {"case": reference}
                for reference in Watcher.objects.filter(user=user)
                .order_by("case__reference")
                .values_list("case__reference", flat=True)
            ],
            "emails_received": _inbound_rows(user),
            "legal_holds": _hold_rows(user, own),
        },
        files=files,
    )


def _inbound_rows(user) -> list[dict]:
    if not user.email:
        return []
    messages = InboundMessage.objects.filter(sender__iexact=user.email)
    return [
        {
            "message_id": message.message_id,
            "subject": message.subject,
            "outcome": message.get_outcome_display(),
            "case": message.case.reference if message.case_id else None,
            "received_at": message.received_at,
        }
        for message in messages.select_related("case").order_by("received_at")
    ]


def _hold_rows(user, own: list[int]) -> list[dict]:
    holds = LegalHold.objects.filter(Q(requester=user) | Q(case_id__in=own))
    return [
        {
            "held": str(hold),
            "reason": hold.reason,
            "placed_at": hold.placed_at,
            "released_at": hold.released_at,
        }
        for hold in holds.select_related("case", "requester").order_by("placed_at")
    ]
