"""Admin panels, menus and snippets for the knowledge base, and its demo content."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from intranet.navigation import NAVIGATION_HOOK, NavItem
from knowledge import demo, governance
from knowledge.models import Topic


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = "Topics"
    list_display = ["name", "service_area"]
    list_filter = ["service_area"]
    search_fields = ["name"]


register_snippet(TopicViewSet)


@hooks.register("register_admin_urls")
def register_article_reviews_url():
    return [
        path(
            "knowledge/reviews/",
            governance.ArticleReviewsView.as_view(),
            name="knowledge_article_reviews",
        )
    ]


@hooks.register("register_reports_menu_item")
def register_article_reviews_menu_item():
    return governance.ArticleReviewsMenuItem(
        "Article reviews",
        reverse("knowledge_article_reviews"),
        name="article-reviews",
        icon_name="time",
        order=150,
    )


@hooks.register("construct_homepage_panels")
def add_article_reviews_panel(request, panels):
    if governance.can_govern_content(request.user):
        panels.append(governance.ArticleReviewsPanel())


@hooks.register(NAVIGATION_HOOK)
def knowledge_navigation(request):
    return [NavItem("Guidance", reverse("knowledge:index"), 20)]


@hooks.register("intranet_demo_seed")
def seed_knowledge_articles():
    demo.seed_articles()
