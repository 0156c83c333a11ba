"""A request form page: show it, check for answers, submit it, see the outcome."""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from forms import layouts, selectors, services
from forms.models import Outcome, RequestFormPage, Submission
from intranet import selectors as people
from knowledge.models import KnowledgeArticlePage


def serve(request, *, page: RequestFormPage, preview: bool = False):
    posted = request.method == "POST" and not preview
    checking = posted and layouts.CHECK_ANSWERS in request.POST
    form = page.get_form(
        *((request.POST, request.FILES) if posted else ()),
        page=page,
        user=request.user,
    )
    if posted:
        form.hold(
            services.held_uploads_for_form(
                owner=request.user,
                key=request.POST.get("submission_key"),
                remove=request.POST.getlist(layouts.REMOVE_UPLOAD),
            )
        )
    if posted and not checking and form.is_valid():
        answers = form.clean_answers()
        try:
            submission, _ = services.submission_create(
                page=page,
                submitter=request.user,
                subject=answers.subject,
                answers=answers.answers,
                labels=answers.labels,
                uploads=answers.uploads,
                on_behalf_of=answers.on_behalf_of,
                key=answers.key,
                now=timezone.now(),
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            return redirect("selfservice:submission", submission_id=submission.pk)
    subject = request.POST.get("subject", "") if checking else ""
    form.helper = layouts.request_form_helper(form, page=page, show_errors=not checking)
    return TemplateResponse(
        request,
        "forms/request_form_page.html",
        {
            "page": page,
            "form": form,
            "checked": checking,
            "held_uploads": _held_for_page(request, page=page, form=form)
            if posted
            else [],
            "approver": selectors.approver_for(
                requester=request.user, today=timezone.localdate()
            )[0]
            if page.outcome == Outcome.APPROVAL
            else None,
            "suggestions": selectors.article_suggestions(
                user=request.user, text=subject
            ),
        },
    )


def _held_for_page(request, *, page, form) -> list:
    """Hold the new files the page shown again would drop; return all held."""
    key = request.POST.get("submission_key")
    try:
        held = services.held_uploads_keep(
            owner=request.user,
            page=page,
            key=key,
            uploads=form.uploads_to_hold(),
            now=timezone.now(),
        )
    except ValidationError:
        # Each file passed these checks as an answer; should one fail now, it
        # is simply not held, and the page still shows what is.
        held = services.held_uploads_for_form(owner=request.user, key=key)
    return [held[name] for name in form.fields if name in held]


@require_GET
def suggestions(request, page_id: int):
    page = _page(page_id)
    return render(
        request,
        "forms/includes/deflection_list.html",
        {
            "page": page,
            "checked": True,
            "suggestions": selectors.article_suggestions(
                user=request.user, text=request.GET.get("subject", "")
            ),
        },
    )


@require_POST
def answered(request, page_id: int):
    page = _page(page_id)
    try:
        article = selectors.article_get_live(article_id=request.POST.get("article"))
    except (KnowledgeArticlePage.DoesNotExist, ValueError, TypeError) as error:
        raise Http404("There is no such article.") from error
    services.deflection_record(
        user=request.user, page=page, article=article, now=timezone.now()
    )
    return render(request, "forms/deflected.html", {"page": page, "article": article})


def submission_detail(request, submission_id: int):
    try:
        submission = selectors.submission_get_own(
            user=request.user, submission_id=submission_id
        )
    except Submission.DoesNotExist as error:
        raise Http404("There is no such request.") from error
    return render(
        request,
        "forms/submission.html",
        {"submission": submission, "approval": getattr(submission, "approval", None)},
    )


@require_GET
def people_options(request):
    query = request.GET.get(request.GET.get("field", ""), "")[:100]
    found = people.people_search(query=query)[:8] if len(query.strip()) >= 2 else []
    return render(request, "forms/includes/person_options.html", {"people": found})


def _page(page_id: int) -> RequestFormPage:
    try:
        return selectors.form_page_get_live(page_id=page_id)
    except RequestFormPage.DoesNotExist as error:
        raise Http404("There is no such form.") from error
