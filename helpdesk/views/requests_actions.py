"""What a requester can do to their request: reply, reopen, cancel and rate."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from helpdesk import requester_forms, services
from helpdesk.agent_forms import add_service_error
from helpdesk.services.satisfaction import case_rate
from helpdesk.views.requests import render_request_page, request_or_404


def _done(request, case, message: str):
    messages.success(request, message)
    return redirect("helpdesk:request-detail", reference=case.reference)


@require_POST
def request_reply(request, reference: str):
    """Add the requester's reply, with any files, to the public timeline."""
    case = request_or_404(request, reference)
    form = requester_forms.RequesterReplyForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.case_reply(
                case=case,
                author=request.user,
                body=form.cleaned_data["body"],
                attachments=form.cleaned_data["attachments"],
                now=timezone.now(),
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            return _done(request, case, "Your reply has been sent.")
    return render_request_page(request, case, bound={"reply": form})


@require_POST
def request_reopen(request, reference: str):
    """Reopen a resolved request within the reopening window."""
    case = request_or_404(request, reference)
    form = requester_forms.ReopenForm(request.POST)
    if form.is_valid():
        try:
            services.case_reopen(
                case=case,
                requester=request.user,
                reason=form.cleaned_data["reason"],
                now=timezone.now(),
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            return _done(request, case, "Your request has been reopened.")
    return render_request_page(request, case, bound={"reopen": form})


@require_http_methods(["GET", "POST"])
def request_cancel(request, reference: str):
    """Ask the requester to confirm, then withdraw the request."""
    case = request_or_404(request, reference)
    if case.requester_id != request.user.pk:
        raise PermissionDenied("Only the requester can cancel this request.")
    form = requester_forms.CancelForm(
        request.POST if request.method == "POST" else None
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.case_cancel(case=case, requester=request.user, now=timezone.now())
        except ValidationError as error:
            add_service_error(form, error)
        else:
            return _done(request, case, "Your request has been cancelled.")
    return render(
        request,
        "helpdesk/requests/request_cancel.html",
        {"case": case, "form": form},
    )


@require_POST
def request_rate(request, reference: str):
    """Record the requester's rating of a resolved request."""
    case = request_or_404(request, reference)
    form = requester_forms.RatingForm(request.POST)
    if form.is_valid():
        try:
            case_rate(
                case=case,
                requester=request.user,
                rating=form.cleaned_data["rating"],
                comment=form.cleaned_data["comment"],
                now=timezone.now(),
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            return _done(request, case, "Thank you for rating your request.")
    return render_request_page(request, case, bound={"rate": form})
