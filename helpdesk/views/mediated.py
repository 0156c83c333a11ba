"""Case managers raising a request for a member of staff who phoned or called in."""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from helpdesk import mediated_forms, selectors_requests, services
from helpdesk.agent_forms import add_service_error

SUGGESTIONS = 8


def case_managers_only(view):
    """Refuse everyone but case managers with a 403."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not selectors_requests.may_raise_on_behalf(request.user):
            raise PermissionDenied("Only case managers can raise requests for others.")
        return view(request, *args, **kwargs)

    return wrapper


@case_managers_only
@require_http_methods(["GET", "POST"])
def request_new_on_behalf(request):
    """Raise a request for someone else, recording who raised it and how."""
    posted = request.method == "POST"
    form = mediated_forms.OnBehalfForm(
        request.POST if posted else None, request.FILES if posted else None
    )
    if posted and form.is_valid():
        data = form.cleaned_data
        try:
            case = services.case_create(
                requester=data["person"],
                raised_by=request.user,
                request_type=data["request_type"],
                subject=data["subject"],
                description=data["description"],
                answers={"channel": data["channel"]},
                attachments=data["attachments"],
                now=timezone.now(),
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request,
                f"Request {case.reference} raised for {case.requester.display_name}.",
            )
            return redirect("helpdesk:request-detail", reference=case.reference)
    return render(request, "helpdesk/mediated/request_new.html", {"form": form})


@case_managers_only
@require_GET
def person_suggestions(request):
    """Return the people whose name or email matches what was typed so far."""
    text = request.GET.get("person", "")
    people = (
        selectors_requests.people_matching(text=text, limit=SUGGESTIONS)
        if len(text.strip()) >= 2
        else []
    )
    return render(
        request,
        "helpdesk/mediated/person_suggestions.html",
        {"people": people, "text": text.strip()},
    )


@case_managers_only
@require_GET
def person_pick(request):
    """Return the person field filled in with the chosen person's email address."""
    people = selectors_requests.people_matching(text=request.GET.get("email", ""))
    form = mediated_forms.OnBehalfForm(
        initial={"person": people[0].email if len(people) == 1 else ""}
    )
    return render(
        request,
        "helpdesk/mediated/person_field.html",
        {"form": form, "picked": people[0] if len(people) == 1 else None},
    )
