"""Health check for load balancers and monitoring."""

from django.contrib.auth.decorators import login_not_required
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from intranet import health as checks


@login_not_required
@never_cache
@require_GET
def healthz(request):
    report = checks.health_report()
    status = 503 if report["database"]["status"] != "ok" else 200
    return JsonResponse(report, status=status)
