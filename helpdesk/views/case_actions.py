"""Every control on the case page: a POST that calls one service.

Success redirects back with a message (post/redirect/get); a refusal re-renders
the page with the form's errors; a user who may see but not work the case gets
403. With htmx, claiming swaps the assignment panel and replies and notes are
appended to the timeline in place.
"""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from helpdesk import agent_forms, event_text, selectors, services
from helpdesk import selectors_case_page as case_page
from helpdesk.models import Case
from helpdesk.views.agents import is_htmx
from helpdesk.views.case_page import (
    DRAFTS_SESSION_KEY,
    build_form,
    case_or_404,
    render_case_page,
    reply_box_context,
)
from knowledge import services as knowledge_services

Perform = Callable[[Case, dict, object], str]


def _workable_case(request, reference: str) -> Case:
    case = case_or_404(request, reference)
    if not selectors.can_work(request.user, case):
        raise PermissionDenied("You cannot work on this case.")
    return case


def _case_url(case: Case) -> str:
    return reverse("helpdesk:case", args=[case.reference])


def _other_case(request, reference: str, field: str) -> Case:
    try:
        return selectors.case_get_visible(user=request.user, reference=reference)
    except Case.DoesNotExist as error:
        raise ValidationError(
            {field: f"There is no case {reference} that you can see."}
        ) from error


def _act(request, reference: str, key: str, perform: Perform):
    case = _workable_case(request, reference)
    files = request.FILES if key in ("reply", "note") else None
    form = build_form(key, case, request.POST, files)
    if form.is_valid():
        try:
            done = perform(case, form.cleaned_data, request.user)
        except ValidationError as error:
            agent_forms.add_service_error(form, error)
        else:
            messages.success(request, done)
            return redirect(_next_url(request, case))
    return render_case_page(request, case, bound={key: form})


def _next_url(request, case: Case) -> str:
    case.refresh_from_db(fields=["merged_into", "queue"])
    if case.merged_into_id:
        return reverse("helpdesk:case", args=[case.merged_into.reference])
    if not selectors.can_see(request.user, case):
        return reverse("queues:my-work")
    return _case_url(case)


@require_POST
def case_claim(request, reference: str):
    case = _workable_case(request, reference)
    form = agent_forms.ClaimForm(request.POST, prefix="claim")
    try:
        case = services.case_claim(case=case, agent=request.user, now=timezone.now())
    except ValidationError as error:
        agent_forms.add_service_error(form, error)
        if not is_htmx(request):
            return render_case_page(request, case, bound={"claim": form})
    else:
        if not is_htmx(request):
            messages.success(request, f"You have claimed {case.reference}.")
            return redirect(_case_url(case))
        form = None
    case = case_page.case_page_get(user=request.user, reference=reference)
    return render(
        request,
        "helpdesk/case/_assignment.html",
        {
            "case": case,
            "can_work": True,
            "claim_form": form,
            "forms": {"assign": build_form("assign", case)},
            "claimed": form is None,
        },
    )


MESSAGE_DONE = {"reply": "Reply sent.", "note": "Internal note added."}


def _post_message(service, *, case, user, data):
    return service(
        case=case,
        author=user,
        body=data["body"],
        attachments=data["attachments"],
        now=timezone.now(),
    )


def _message(request, reference: str, key: str, service):
    """Post a reply or a note; with htmx, append it to the timeline in place."""
    if not is_htmx(request):

        def perform(case, data, user):
            _post_message(service, case=case, user=user, data=data)
            return MESSAGE_DONE[key]

        return _act(request, reference, key, perform)
    case = _workable_case(request, reference)
    form = build_form(key, case, request.POST, request.FILES)
    event = None
    if form.is_valid():
        try:
            event = _post_message(
                service, case=case, user=request.user, data=form.cleaned_data
            )
        except ValidationError as error:
            agent_forms.add_service_error(form, error)
    if event is None:
        context = {
            **reply_box_context(request, case, reply_form=form),
            "forms": {"note": form},
        }
        response = render(request, f"helpdesk/case/_{key}_box.html", context)
        response["HX-Retarget"] = f"#{key}-box"
        response["HX-Reswap"] = "outerHTML"
        return response
    entry = case_page.TimelineEntry(
        event=event, summary=event_text.describe(event, names={})
    )
    context = {
        **reply_box_context(request, case),
        "forms": {"note": build_form("note", case)},
        "entry": entry,
        "key": key,
        "done": MESSAGE_DONE[key],
    }
    return render(request, "helpdesk/case/_timeline_append.html", context)


@require_POST
def case_reply(request, reference: str):
    return _message(request, reference, "reply", services.case_reply)


@require_POST
def case_note(request, reference: str):
    return _message(request, reference, "note", services.case_note)


@require_POST
def case_assign(request, reference: str):
    def perform(case, data, user):
        services.case_assign(
            case=case, agent=user, assignee=data["assignee"], now=timezone.now()
        )
        return f"{case.reference} assigned to {data['assignee'].display_name}."

    return _act(request, reference, "assign", perform)


@require_POST
def case_transfer(request, reference: str):
    def perform(case, data, user):
        services.case_transfer(
            case=case,
            agent=user,
            queue=data["queue"],
            reason=data["reason"],
            now=timezone.now(),
        )
        return f"{case.reference} transferred to {data['queue'].name}."

    return _act(request, reference, "transfer", perform)


@require_POST
def case_change_status(request, reference: str):
    def perform(case, data, user):
        case = services.case_change_status(
            case=case, agent=user, status=data["status"], now=timezone.now()
        )
        return f"{case.reference} is now {case.get_status_display().lower()}."

    return _act(request, reference, "status", perform)


@require_POST
def case_link(request, reference: str):
    def perform(case, data, user):
        other = _other_case(request, data["other"], "other")
        services.case_link(case=case, other=other, agent=user, now=timezone.now())
        return f"{case.reference} is now linked to {other.reference}."

    return _act(request, reference, "link", perform)


@require_POST
def case_merge(request, reference: str):
    def perform(case, data, user):
        target = _other_case(request, data["target"], "target")
        services.case_merge(source=case, target=target, agent=user, now=timezone.now())
        return f"{case.reference} was merged into {target.reference}."

    return _act(request, reference, "merge", perform)


@require_POST
def case_resolve(request, reference: str):
    def perform(case, data, user):
        services.case_resolve(
            case=case,
            agent=user,
            summary=data["resolution_summary"],
            now=timezone.now(),
        )
        return f"{case.reference} is resolved."

    return _act(request, reference, "resolve", perform)


@require_POST
def case_article_create(request, reference: str):
    """Start a knowledge article from a resolved case, for its owner to finish."""
    case = _workable_case(request, reference)
    if case.status not in (Case.Status.RESOLVED, Case.Status.CLOSED):
        messages.error(request, "Resolve the case before creating an article from it.")
        return redirect(_case_url(case))
    try:
        article = knowledge_services.article_draft_from_case(
            title=case.subject,
            summary=case.subject,
            resolution_text=case.resolution_summary,
            service_area=case.service_area,
            author=request.user,
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, f"No article was created: {message}")
        return redirect(_case_url(case))
    drafts = request.session.get(DRAFTS_SESSION_KEY, {})
    drafts[case.reference] = {"id": article.pk, "title": article.title}
    request.session[DRAFTS_SESSION_KEY] = drafts
    messages.success(request, f"Draft article “{article.title}” created.")
    return redirect(_case_url(case))
