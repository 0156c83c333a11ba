"""The case page agents work in: timeline, requester, SLA and every control."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from helpdesk import agent_forms, selectors, services
from helpdesk import selectors_case_page as case_page
from helpdesk.models import Case
from helpdesk.views.agents import is_htmx

ACTION_FORMS = {
    "claim": agent_forms.ClaimForm,
    "assign": agent_forms.AssignForm,
    "transfer": agent_forms.TransferForm,
    "status": agent_forms.StatusForm,
    "link": agent_forms.LinkForm,
    "merge": agent_forms.MergeForm,
    "resolve": agent_forms.ResolveForm,
}
NEEDS_CASE = {"assign", "transfer", "status"}
DRAFTS_SESSION_KEY = "helpdesk_article_drafts"


def case_or_404(request, reference: str) -> Case:
    try:
        return case_page.case_page_get(user=request.user, reference=reference)
    except Case.DoesNotExist as error:
        raise Http404("No case you can see has that reference.") from error


def requester_url(reference: str) -> str:
    """Return the requester's own page for the case, once the site has one."""
    url = f"/requests/{reference}/"
    try:
        match = resolve(url)
    except Resolver404:
        return ""
    return "" if match.url_name == "wagtail_serve" else url


def build_form(key: str, case: Case, data=None, files=None):
    form_class = (
        ACTION_FORMS.get(key)
        or {
            "reply": agent_forms.ReplyForm,
            "note": agent_forms.NoteForm,
        }[key]
    )
    kwargs = {"case": case} if key in NEEDS_CASE else {}
    if files is not None:
        return form_class(data, files, prefix=key, **kwargs)
    return form_class(data, prefix=key, **kwargs)


def reply_box_context(request, case: Case, *, reply_form=None, canned_form=None):
    return {
        "case": case,
        "reply_form": reply_form or build_form("reply", case),
        "canned_form": canned_form or agent_forms.CannedChoiceForm(case=case),
    }


def render_case_page(request, case: Case, *, bound=None, reply_box=None, can_work=None):
    """Render the page; `bound` holds a form that failed, to show its errors.

    `can_work` is `selectors.can_work` for the user and case, if already known.
    """
    bound = bound or {}
    if can_work is None:
        can_work = selectors.can_work(request.user, case)
    forms = {
        key: bound.get(key) or build_form(key, case) for key in [*ACTION_FORMS, "note"]
    }
    reply = reply_box or reply_box_context(request, case, reply_form=bound.get("reply"))
    failed = next(iter(bound.values()), None)
    drafts = request.session.get(DRAFTS_SESSION_KEY, {})
    return render(
        request,
        "helpdesk/case/case.html",
        {
            **reply,
            "case": case,
            "can_work": can_work,
            "forms": forms,
            "failed_form": failed,
            "timeline": case_page.case_page_timeline(
                user=request.user, case=case, worker=can_work
            ),
            "sla": case_page.case_sla_summary(case=case, now=timezone.now()),
            "links": case_page.case_links(user=request.user, case=case),
            "articles": case_page.related_articles(user=request.user, case=case),
            "draft": drafts.get(case.reference),
            "crumbs": [
                ("Queues", reverse("queues:my-work")),
                (case.queue.name, reverse("queues:queue", args=[case.queue.team.slug])),
            ],
        },
    )


def _prefilled_reply(request, case: Case) -> dict | None:
    if "canned" not in request.GET:
        return None
    canned_form = agent_forms.CannedChoiceForm(request.GET, case=case)
    reply_form = build_form("reply", case)
    if canned_form.is_valid():
        text = case_page.canned_fill(
            canned=canned_form.cleaned_data["canned"], case=case, agent=request.user
        )
        reply_form = agent_forms.ReplyForm(initial={"body": text}, prefix="reply")
    return reply_box_context(
        request, case, reply_form=reply_form, canned_form=canned_form
    )


@require_GET
def case_detail(request, reference: str):
    case = case_or_404(request, reference)
    can_work = selectors.can_work(request.user, case)
    if not can_work:
        elsewhere = requester_url(case.reference)
        if elsewhere:
            return redirect(elsewhere)
        if not selectors.is_agent(request.user):
            raise Http404("No case you can see has that reference.")
    services.case_record_confidential_view(
        case=case, user=request.user, now=timezone.now()
    )
    return render_case_page(
        request,
        case,
        reply_box=_prefilled_reply(request, case),
        can_work=can_work,
    )


@require_GET
def reply_box(request, reference: str):
    """Return the reply box with a canned response filled in, for htmx."""
    case = case_or_404(request, reference)
    if not selectors.can_work(request.user, case):
        raise PermissionDenied("You cannot work on this case.")
    context = _prefilled_reply(request, case) or reply_box_context(request, case)
    if not is_htmx(request):
        query = request.GET.urlencode()
        return redirect(f"{reverse('helpdesk:case', args=[reference])}?{query}#reply")
    return render(request, "helpdesk/case/_reply_box.html", context)
