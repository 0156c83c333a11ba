"""Error pages that also leave a trace where the law expects one."""

from django.shortcuts import render

from intranet.audit.models import AuditEntry
from intranet.audit.services import audit_record


def permission_denied(request, exception=None):
    audit_record(
        action=AuditEntry.Action.ACCESS_REFUSED,
        actor=getattr(request, "user", None),
        request=request,
        detail={"method": request.method},
    )
    return render(request, "403.html", status=403)
