"""Approvers' screens: what waits for them, one request, and the email link."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone

from forms import answers, layouts, selectors, services, tokens
from forms.approval_forms import DecisionForm, DelegationForm
from forms.models import Approval, ApprovalDelegation


def approval_list(request):
    return render(
        request,
        "forms/approval_list.html",
        {
            "approvals": selectors.approvals_for(
                user=request.user, today=timezone.localdate()
            ),
            "delegation": ApprovalDelegation.objects.filter(user=request.user).first(),
        },
    )


def approval_detail(request, approval_id: int):
    try:
        approval = selectors.approval_get_for(
            user=request.user, approval_id=approval_id, today=timezone.localdate()
        )
    except Approval.DoesNotExist as error:
        raise Http404("There is no such approval.") from error
    return _decide(request, approval=approval, token=None)


def approval_link(request, token: str):
    try:
        approval = services.approval_link_check(token=token, user=request.user)
    except tokens.LinkRefused as refused:
        return render(
            request,
            "forms/approval_link_refused.html",
            {"reason": refused.reason},
            status=refused.status,
        )
    return _decide(request, approval=approval, token=token)


def _decide(request, *, approval: Approval, token: str | None):
    form = DecisionForm(request.POST or None)
    form.helper = layouts.decision_form_helper()
    if approval.is_pending and request.method == "POST" and form.is_valid():
        try:
            services.approval_decide(
                approval_id=approval.pk,
                user=request.user,
                approve=form.approves,
                comment=form.cleaned_data["comment"],
                now=timezone.now(),
                token=token,
            )
        except tokens.LinkRefused as refused:
            return render(
                request,
                "forms/approval_link_refused.html",
                {"reason": refused.reason},
                status=refused.status,
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, "Your decision has been sent.")
            return redirect("selfservice:approvals")
    return render(
        request,
        "forms/approval_detail.html",
        {
            "approval": approval,
            "submission": approval.submission,
            "answer_lines": answers.answer_lines(approval.submission),
            "form": form,
        },
    )


def delegation_edit(request):
    current = ApprovalDelegation.objects.filter(user=request.user).first()
    initial = {}
    if current is not None:
        initial = {"absent_until": current.absent_until, "delegate": current.delegate}
    form = DelegationForm(request.POST or None, initial=initial)
    form.helper = layouts.delegation_form_helper()
    if request.method == "POST" and form.is_valid():
        try:
            services.approval_delegation_set(
                user=request.user,
                delegate=form.cleaned_data["delegate"],
                absent_until=form.cleaned_data["absent_until"],
                today=timezone.localdate(),
            )
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, "Your cover while away has been saved.")
            return redirect("selfservice:approvals")
    return render(
        request,
        "forms/delegation.html",
        {"form": form},
    )
