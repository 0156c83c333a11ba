"""The requester's side: "My requests" and one request's public page."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.views.decorators.http import require_GET

from helpdesk import requester_forms, selectors_requests, services, workflow
from helpdesk.models import Case, SatisfactionRating
from helpdesk.services import sla_clock
from helpdesk.services.satisfaction import can_rate

PER_PAGE = 20
TEAM_LIMIT = 20
_REPLYABLE = frozenset(
    {
        Case.Status.NEW,
        Case.Status.OPEN,
        Case.Status.AWAITING_REQUESTER,
        Case.Status.AWAITING_APPROVAL,
        Case.Status.ON_HOLD,
    }
)


@require_GET
def request_list(request):
    """List the user's own requests and, for managers, their team's."""
    filters = requester_forms.RequestFilterForm(request.GET)
    state = filters.state_or_all()
    mine = selectors_requests.request_list_mine(user=request.user, state=state)
    team = selectors_requests.request_list_for_team(user=request.user, state=state)
    return render(
        request,
        "helpdesk/requests/request_list.html",
        {
            "filters": filters,
            "state": state,
            "page_obj": Paginator(mine, PER_PAGE).get_page(request.GET.get("page")),
            "pagination_query": urlencode({"state": state}) if state else "",
            "team_cases": list(team[:TEAM_LIMIT]),
            "team_limit": TEAM_LIMIT,
            "may_raise_on_behalf": selectors_requests.may_raise_on_behalf(request.user),
        },
    )


def request_or_404(request, reference: str) -> Case:
    """Return the case if the user may see it, else raise a 404."""
    try:
        return selectors_requests.request_get(user=request.user, reference=reference)
    except Case.DoesNotExist as error:
        raise Http404("No request you can see has that reference.") from error


def _can_reopen(case: Case, now) -> bool:
    return (
        case.status == Case.Status.RESOLVED
        and case.resolved_at is not None
        and workflow.can_reopen(
            resolved_at=case.resolved_at,
            now=now,
            calendar=sla_clock.case_calendar(case),
        )
    )


def _with_status_labels(events) -> list:
    labels = dict(Case.Status.choices)
    events = list(events)
    for event in events:
        event.status_label = labels.get(event.data.get("to"), "")
    return events


def render_request_page(request, case: Case, *, bound: dict | None = None):
    """Render the request page; `bound` holds a form that failed, with its errors."""
    bound = bound or {}
    is_requester = case.requester_id == request.user.pk
    now = timezone.now()
    rating = SatisfactionRating.objects.filter(case=case).first()
    context = {
        "case": case,
        "is_requester": is_requester,
        "timeline": _with_status_labels(selectors_requests.request_timeline(case=case)),
        "rating": rating,
        "can_reply": is_requester and case.status in _REPLYABLE,
        "can_reopen": is_requester and _can_reopen(case, now),
        "can_cancel": is_requester
        and workflow.can_transition(case.status, Case.Status.CANCELLED),
        "can_rate": is_requester
        and rating is None
        and can_rate(case=case, user=request.user),
        "reply_form": bound.get("reply") or requester_forms.RequesterReplyForm(),
        "reopen_form": bound.get("reopen") or requester_forms.ReopenForm(),
        "rating_form": bound.get("rate") or requester_forms.RatingForm(),
        "failed_form": next(iter(bound.values()), None),
        "crumbs": [("Home", "/"), ("My requests", reverse("helpdesk:requests"))],
    }
    return render(request, "helpdesk/requests/request_detail.html", context)


@require_GET
def request_detail(request, reference: str):
    """Show a request's public timeline and the actions open to its requester."""
    case = request_or_404(request, reference)
    services.case_record_confidential_view(
        case=case, user=request.user, now=timezone.now()
    )
    return render_request_page(request, case)
