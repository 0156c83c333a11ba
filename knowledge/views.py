"""Readers' views: the A to Z of articles, topic pages and article feedback."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from knowledge import selectors, services
from knowledge.forms import ArticleFeedbackForm, ArticleFilterForm
from knowledge.models import KnowledgeArticlePage, Topic
from knowledge.models.articles import ARTICLES_PER_PAGE

THANKS = {
    True: "Thank you for your feedback. We're glad the article answered your question.",
    False: "Thank you for your feedback. We'll use it to improve the article.",
}


@require_GET
def article_index(request):
    form = ArticleFilterForm(request.GET)
    articles = selectors.article_list(**form.filters())
    page_obj = Paginator(articles, ARTICLES_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "knowledge/article_index.html",
        {
            "form": form,
            "page_obj": page_obj,
            "query": form.querystring(),
            "crumbs": [("Home", "/")],
        },
    )


@require_GET
def topic_detail(request, slug: str):
    try:
        topic = selectors.topic_get(slug=slug)
    except Topic.DoesNotExist:
        raise Http404("There is no topic with that name") from None
    articles = selectors.article_list(topic=topic)
    page_obj = Paginator(articles, ARTICLES_PER_PAGE).get_page(request.GET.get("page"))
    crumbs = [("Home", "/"), ("Guidance A to Z", reverse("knowledge:index"))]
    return render(
        request,
        "knowledge/topic_detail.html",
        {"topic": topic, "page_obj": page_obj, "crumbs": crumbs},
    )


@require_POST
def article_feedback(request, article_id: int):
    try:
        article = selectors.article_get_live(article_id=article_id)
    except KnowledgeArticlePage.DoesNotExist:
        raise Http404("There is no published article with that number") from None
    form = ArticleFeedbackForm(request.POST)
    feedback = None
    if form.is_valid():
        try:
            feedback = services.article_feedback_record(
                article=article,
                user=request.user,
                helpful=form.cleaned_data["helpful"],
                comment=form.cleaned_data["comment"],
                now=timezone.now(),
            )
        except ValidationError as error:
            form.add_error(None, error)
    is_htmx = request.headers.get("HX-Request") == "true"
    if is_htmx:
        # htmx only swaps 2xx responses, so errors come back as 200 in the box.
        return render(
            request,
            "knowledge/includes/feedback_box.html",
            {"article": article, "form": form, "feedback": feedback},
        )
    if feedback is not None:
        messages.success(request, THANKS[feedback.helpful])
        return redirect(f"{article.url}#article-feedback")
    context = article.get_context(request)
    context["feedback_form"] = form
    return TemplateResponse(request, article.get_template(request), context, status=400)
