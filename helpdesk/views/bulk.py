"""Bulk actions from a queue's list, and the page showing their progress."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from helpdesk import selectors_workspace as workspace
from helpdesk.agent_forms import BulkActionForm
from helpdesk.models import BulkJob, Queue
from helpdesk.services import bulk
from helpdesk.views.agents import agent_required, is_htmx
from helpdesk.views.workspace import parse_filters


def _posted_ids(request) -> list[int]:
    return [int(pk) for pk in request.POST.getlist("cases") if pk.isdigit()]


@require_POST
@agent_required
def bulk_start(request, slug: str):
    try:
        queue = workspace.queue_get_for_agent(user=request.user, slug=slug)
    except Queue.DoesNotExist as error:
        raise Http404("You do not work that queue.") from error
    now = timezone.now()
    members = workspace.queue_members(queue=queue)
    _filters_form, filters, querystring = parse_filters(request, queue, members)
    listed = workspace.case_list_for_queue(
        user=request.user, queue=queue, filters=filters, now=now
    ).values_list("pk", flat=True)
    selectable = list(listed.filter(pk__in=_posted_ids(request)))
    form = BulkActionForm(request.POST, case_ids=selectable, members=members)
    back = reverse("queues:queue", args=[slug]) + (
        f"?{querystring}" if querystring else ""
    )
    try:
        if not form.is_valid():
            raise ValidationError(form.errors)
        data = form.cleaned_data
        case_ids = data["cases"]
        if data["all_matching"]:
            case_ids = list(listed[: bulk.MAX_CASES + 1])
        job = bulk.bulk_job_start(
            user=request.user,
            action=data["action"],
            case_ids=case_ids,
            parameters={
                "assignee_id": data["assignee"].pk if data["assignee"] else None,
                "queue_id": data["queue"].pk if data["queue"] else None,
                "reason": data["reason"],
                "status": data["status"],
            },
            now=now,
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect(back)
    return redirect(f"{reverse('queues:bulk-job', args=[job.pk])}?back={slug}")


@require_GET
@agent_required
def bulk_job_detail(request, pk: int):
    job = get_object_or_404(BulkJob, pk=pk, user=request.user)
    slug = request.GET.get("back", "")
    back = workspace.queues_for_agent(user=request.user).filter(team__slug=slug).first()
    template = "helpdesk/workspace/bulk_job.html"
    if is_htmx(request):
        template = "helpdesk/workspace/_bulk_progress.html"
    return render(request, template, {"job": job, "back_queue": back})
