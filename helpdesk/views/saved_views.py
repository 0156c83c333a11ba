"""An agent's saved queue filters: save the current ones, or delete one."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from helpdesk import selectors_workspace as workspace
from helpdesk.agent_forms import SavedViewForm
from helpdesk.models import Queue, SavedView
from helpdesk.services import saved_views
from helpdesk.views.agents import agent_required
from helpdesk.views.workspace import parse_filters


@require_POST
@agent_required
def saved_view_create(request, slug: str):
    try:
        queue = workspace.queue_get_for_agent(user=request.user, slug=slug)
    except Queue.DoesNotExist as error:
        raise Http404("You do not work that queue.") from error
    _form, _filters, querystring = parse_filters(
        request, queue, workspace.queue_members(queue=queue)
    )
    url = reverse("queues:queue", args=[slug]) + (
        f"?{querystring}" if querystring else ""
    )
    form = SavedViewForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(form.errors["name"])
        saved = saved_views.saved_view_create(
            user=request.user,
            queue=queue,
            name=form.cleaned_data["name"],
            querystring=querystring,
            now=timezone.now(),
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, f"The view was not saved: {message}")
        return redirect(url)
    messages.success(request, f"Saved these filters as “{saved.name}”.")
    return redirect(url)


@require_POST
@agent_required
def saved_view_delete(request, pk: int):
    saved = get_object_or_404(SavedView, pk=pk, user=request.user)
    saved_views.saved_view_delete(user=request.user, saved_view=saved)
    messages.success(request, f"Deleted the saved view “{saved.name}”.")
    return redirect("queues:queue", saved.queue.team.slug)
