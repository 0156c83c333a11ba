"""Knowledge articles and the index pages that list them."""

from django import forms as django_forms
from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from knowledge import reviews
from knowledge.blocks import ArticleStreamBlock

ARTICLES_PER_PAGE = 20


def default_next_review_date():
    return reviews.next_review_date_from(today=timezone.localdate())


class Audience(models.TextChoices):
    EVERYONE = "everyone", "Everyone"
    LINE_MANAGERS = "line-managers", "Line managers"
    SUPPORT_STAFF = "support-staff", "Support staff"


class KnowledgeArticlePage(Page):
    """Guidance that answers one question, owned by a team and reviewed on a date."""

    service_area_listing = "guidance"

    summary = models.CharField(
        max_length=255, help_text="One or two sentences shown in lists and results."
    )
    body = StreamField(ArticleStreamBlock())
    service_area = models.ForeignKey(
        "intranet.ServiceArea", on_delete=models.PROTECT, related_name="articles"
    )
    topics = ParentalManyToManyField(
        "knowledge.Topic", blank=True, related_name="articles"
    )
    audience = models.CharField(
        max_length=20, choices=Audience.choices, default=Audience.EVERYONE
    )
    owner_team = models.ForeignKey(
        "intranet.Team",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_articles",
    )
    owner_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_articles",
        verbose_name="owner",
        help_text="Reminded by email when the article is due for review.",
    )
    next_review_date = models.DateField(default=default_next_review_date)
    last_reviewed_date = models.DateField(null=True, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("service_area"),
                FieldPanel("topics", widget=django_forms.CheckboxSelectMultiple),
                FieldPanel("audience"),
            ],
            heading="Where it belongs",
        ),
        MultiFieldPanel(
            [
                FieldPanel("owner_team"),
                FieldPanel("owner_person"),
                FieldPanel("last_reviewed_date"),
                FieldPanel("next_review_date"),
            ],
            heading="Ownership and review",
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("service_area"),
        index.FilterField("audience"),
    ]
    parent_page_types = ["intranet.ServiceAreaPage", "knowledge.KnowledgeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "knowledge article"

    def get_context(self, request, *args, **kwargs):
        # Imported here: the forms module imports these models for its choices.
        from knowledge.forms import ArticleFeedbackForm

        context = super().get_context(request, *args, **kwargs)
        context.setdefault("feedback_form", ArticleFeedbackForm())
        context["review_status"] = reviews.review_status(
            next_review_date=self.next_review_date, today=timezone.localdate()
        )
        context["topic_list"] = self.topics.all()
        return context

    @property
    def last_updated_at(self):
        return self.last_published_at or self.latest_revision_created_at


class KnowledgeIndexPage(Page):
    """A list of the articles filed under it, within one service area."""

    service_area_listing = "guidance"

    intro = models.CharField(max_length=255, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["intranet.ServiceAreaPage"]
    subpage_types = ["knowledge.KnowledgeArticlePage"]

    class Meta:
        verbose_name = "knowledge index"

    @property
    def summary(self) -> str:
        return self.intro

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = (
            KnowledgeArticlePage.objects.child_of(self)
            .live()
            .select_related("service_area")
            .order_by("title", "pk")
        )
        paginator = Paginator(articles, ARTICLES_PER_PAGE)
        context["page_obj"] = paginator.get_page(request.GET.get("page"))
        return context
