"""Content governance in the admin: articles due for review and the least helpful."""

from django.core.exceptions import PermissionDenied
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from intranet.roles import Role, user_has_role
from knowledge import reviews, selectors

PANEL_ROWS = 5


def can_govern_content(user) -> bool:
    """Return whether the user looks after articles: editors and administrators."""
    return user_has_role(user, Role.CONTENT_EDITOR) or user_has_role(
        user, Role.ADMINISTRATOR
    )


def _review_rows(articles, *, today):
    return [
        {
            "article": article,
            "overdue": reviews.review_status(
                next_review_date=article.next_review_date, today=today
            )
            == reviews.ReviewStatus.OVERDUE,
        }
        for article in articles
    ]


class ArticleReviewsView(WagtailAdminTemplateMixin, TemplateView):
    """The full report: every article due or overdue, and the least helpful ones."""

    page_title = "Article reviews"
    header_icon = "time"
    template_name = "knowledge/admin/article_reviews.html"
    breadcrumbs_items = [
        {"url": reverse_lazy("wagtailadmin_home"), "label": "Home"},
        {"url": "", "label": "Reports"},
    ]

    def dispatch(self, request, *args, **kwargs):
        if not can_govern_content(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        return super().get_context_data(
            due_rows=_review_rows(
                selectors.articles_due_for_review(today=today), today=today
            ),
            least_helpful=selectors.articles_least_helpful(),
            min_responses=selectors.LEAST_HELPFUL_MIN_RESPONSES,
            **kwargs,
        )


class ArticleReviewsPanel(Component):
    """The dashboard's summary of the same report, for editors."""

    name = "knowledge_article_reviews"
    order = 150
    template_name = "knowledge/admin/article_reviews_panel.html"

    def get_context_data(self, parent_context):
        today = timezone.localdate()
        due = selectors.articles_due_for_review(today=today)
        return {
            "due_rows": _review_rows(due[:PANEL_ROWS], today=today),
            "due_count": due.count(),
            "least_helpful": selectors.articles_least_helpful(limit=PANEL_ROWS),
            "report_url": reverse("knowledge_article_reviews"),
        }


class ArticleReviewsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_govern_content(request.user)
