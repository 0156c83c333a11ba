"""Write audit entries: who, what, when and from where."""

from django.utils import timezone

from intranet.audit.models import AuditEntry

MAX_USER_AGENT = 255


def client_ip(request) -> str | None:
    """Return the client's address as the first trusted proxy saw it."""
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def audit_record(
    *,
    action: str,
    actor=None,
    actor_label: str = "",
    request=None,
    obj=None,
    object_type: str = "",
    object_id: str = "",
    detail: dict | None = None,
    now=None,
) -> AuditEntry:
    """Append one entry to the audit log.

    :raises ValueError: if the action is not one of AuditEntry.Action
    """
    if action not in AuditEntry.Action.values:
        raise ValueError(f"Unknown audit action {action!r}.")
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or str(obj.pk)
    return AuditEntry.objects.create(
        at=now or timezone.now(),
        actor=actor,
        actor_label=actor_label or (actor.get_username() if actor else ""),
        action=action,
        object_type=object_type,
        object_id=str(object_id),
        ip_address=client_ip(request),
        user_agent=(request.META.get("HTTP_USER_AGENT", "") if request else "")[
            :MAX_USER_AGENT
        ],
        path=(request.path[:255] if request else ""),
        detail=detail or {},
    )
