"""Record sign-ins and changes of roles and permissions as they happen."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.signals import (
    user_logged_in,
    user_logged_out,
    user_login_failed,
)
from django.db.models.signals import m2m_changed
from django.dispatch import receiver

from intranet.audit.context import current_request
from intranet.audit.models import AuditEntry
from intranet.audit.services import audit_record

User = get_user_model()
M2M_WRITES = {"post_add", "post_remove", "post_clear"}


@receiver(user_logged_in)
def _signed_in(sender, request, user, **kwargs):
    audit_record(action=AuditEntry.Action.SIGN_IN, actor=user, request=request)


@receiver(user_logged_out)
def _signed_out(sender, request, user, **kwargs):
    audit_record(action=AuditEntry.Action.SIGN_OUT, actor=user, request=request)


@receiver(user_login_failed)
def _sign_in_failed(sender, credentials, request=None, **kwargs):
    audit_record(
        action=AuditEntry.Action.SIGN_IN_FAILED,
        actor_label=str(credentials.get("username", ""))[:254],
        request=request,
    )


@receiver(m2m_changed, sender=User.groups.through)
def _roles_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in M2M_WRITES:
        return
    if reverse:
        detail = {"group": instance.name, "users": sorted(pk_set or []), "op": action}
        object_type, object_id = "auth.group", instance.pk
    else:
        groups = Group.objects.filter(pk__in=pk_set or [])
        names = sorted(groups.values_list("name", flat=True))
        detail = {"groups": names, "op": action}
        object_type, object_id = "intranet.user", instance.pk
    request = current_request.get()
    audit_record(
        action=AuditEntry.Action.ROLE_CHANGE,
        actor=getattr(request, "user", None),
        request=request,
        object_type=object_type,
        object_id=str(object_id),
        detail=detail,
    )


@receiver(m2m_changed, sender=Group.permissions.through)
def _permissions_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in M2M_WRITES or reverse:
        return
    request = current_request.get()
    audit_record(
        action=AuditEntry.Action.PERMISSION_CHANGE,
        actor=getattr(request, "user", None),
        request=request,
        obj=instance,
        detail={"permissions": sorted(pk_set or []), "op": action},
    )
