"""The agent workspace: "My work" and one filtered, sortable list per queue."""

from django.core.paginator import EmptyPage, PageNotAnInteger
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.views.decorators.http import require_GET

from helpdesk import selectors
from helpdesk import selectors_workspace as workspace
from helpdesk.agent_forms import BulkActionForm, QueueFilterForm
from helpdesk.models import Queue, RequestType, SavedView
from helpdesk.views.agents import agent_required


def _side_nav(user, queues=None, current=None, visible=None) -> list[dict]:
    counts = workspace.queue_open_counts(user=user, visible=visible)
    if queues is None:
        queues = workspace.queues_for_agent(user=user)
    return [
        {"queue": queue, "count": counts.get(queue.pk, 0), "current": queue == current}
        for queue in queues
    ]


@require_GET
@agent_required
def my_work(request):
    now = timezone.now()
    visible = selectors.case_list_visible_to(user=request.user)
    return render(
        request,
        "helpdesk/workspace/my_work.html",
        {
            "sections": workspace.my_work(user=request.user, now=now, visible=visible),
            "queues": _side_nav(request.user, visible=visible),
        },
    )


def parse_filters(request, queue: Queue, members):
    """Return the filter form, the valid filters, and their query string.

    Invalid values are left out, so a bad link still shows a list, with the
    form's errors saying what was ignored.
    """
    request_types = RequestType.objects.select_related("service_area")
    if queue.team.service_area_id:
        request_types = request_types.filter(service_area=queue.team.service_area_id)
    form = QueueFilterForm(request.GET, request_types=request_types, members=members)
    form.is_valid()
    data = {
        name: value
        for name, value in form.cleaned_data.items()
        if name not in form.errors and value not in (None, "")
    }
    filters = workspace.CaseFilters(
        status=data.get("status", ""),
        priority=data.get("priority", ""),
        request_type_id=data["request_type"].pk if "request_type" in data else None,
        assignee=data.get("assignee", ""),
        sla=data.get("sla", ""),
        created_from=data.get("created_from"),
        created_to=data.get("created_to"),
        sort=data.get("sort") or workspace.DEFAULT_SORT,
    )
    encoded = {
        name: value.pk if name == "request_type" else value
        for name, value in data.items()
    }
    return form, filters, urlencode(sorted(encoded.items()))


def _page(paginator, number: str | None):
    try:
        return paginator.page(number or 1), ""
    except PageNotAnInteger:
        notice = f"“{number[:20]}” is not a page number, so this is page 1."
        return paginator.page(1), notice
    except EmptyPage:
        last = paginator.num_pages
        return paginator.page(
            last
        ), f"There is no page {number[:20]}; this is page {last}."


@require_GET
@agent_required
def queue_detail(request, slug: str):
    queues = list(workspace.queues_for_agent(user=request.user))
    try:
        queue = workspace.queue_get_for_agent(
            user=request.user, slug=slug, among=queues
        )
    except Queue.DoesNotExist as error:
        raise Http404("You do not work that queue.") from error
    now = timezone.now()
    members = list(workspace.queue_members(queue=queue))
    form, filters, querystring = parse_filters(request, queue, members)
    visible = selectors.case_list_visible_to(user=request.user)
    cases = workspace.case_list_for_queue(
        user=request.user, queue=queue, filters=filters, now=now, visible=visible
    )
    paginator = workspace.CappedPaginator(cases, workspace.PER_PAGE)
    page_obj, page_notice = _page(paginator, request.GET.get("page"))
    rows = workspace.case_rows(page_obj.object_list, now=now)
    return render(
        request,
        "helpdesk/workspace/queue.html",
        {
            "queue": queue,
            "queues": _side_nav(
                request.user, queues=queues, current=queue, visible=visible
            ),
            "form": form,
            "querystring": querystring,
            "page_obj": page_obj,
            "page_notice": page_notice,
            "rows": rows,
            "saved_views": SavedView.objects.filter(user=request.user, queue=queue),
            "bulk_form": BulkActionForm(
                case_ids=[row.case.pk for row in rows],
                members=workspace.queue_members(queue=queue),
            ),
            "bulk_url": reverse("queues:bulk", args=[queue.team.slug])
            + (f"?{querystring}" if querystring else ""),
        },
    )
