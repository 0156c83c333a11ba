"""The site's Wagtail pages: home, service areas, news and plain content pages."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from intranet.blocks import ContentStreamBlock

from .service_areas import ServiceArea

HOME_PANELS_HOOK = "intranet_home_panels"


class HomePage(Page):
    """The intranet's front page: news, the service areas and the user's requests."""

    intro = models.CharField(max_length=255, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = [
        "intranet.ServiceAreaPage",
        "intranet.NewsIndexPage",
        "intranet.StandardPage",
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["service_areas"] = (
            ServiceAreaPage.objects.child_of(self)
            .live()
            .select_related("service_area")
            .order_by("service_area__position", "title")
        )
        context["latest_news"] = (
            NewsPage.objects.descendant_of(self).live().order_by("-date", "-pk")[:3]
        )
        context["panels"] = [
            panel
            for panel in (fn(request) for fn in hooks.get_hooks(HOME_PANELS_HOOK))
            if panel
        ]
        return context


class ServiceAreaPage(Page):
    """The landing page of one service area: its guidance and its request forms."""

    service_area = models.OneToOneField(
        ServiceArea, on_delete=models.PROTECT, related_name="page"
    )
    summary = models.CharField(max_length=255, blank=True)
    body = StreamField(ContentStreamBlock(), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("service_area"),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary")]
    parent_page_types = ["intranet.HomePage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        groups = {"form": [], "guidance": []}
        for child in self.get_children().live().specific().order_by("title"):
            groups[getattr(child, "service_area_listing", "guidance")].append(child)
        context["forms"] = groups["form"]
        context["guidance"] = groups["guidance"]
        return context


class NewsIndexPage(Page):
    intro = models.CharField(max_length=255, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["intranet.HomePage"]
    subpage_types = ["intranet.NewsPage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = NewsPage.objects.child_of(self).live().order_by("-date", "-pk")
        paginator = Paginator(articles, settings.NEWS_PER_PAGE)
        context["page_obj"] = paginator.get_page(request.GET.get("page"))
        return context


class NewsPage(Page):
    date = models.DateField("published on")
    summary = models.CharField(max_length=255)
    body = StreamField(ContentStreamBlock())

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    parent_page_types = ["intranet.NewsIndexPage"]
    subpage_types = []


class StandardPage(Page):
    """A plain content page: guidance, policies, about pages."""

    summary = models.CharField(max_length=255, blank=True)
    body = StreamField(ContentStreamBlock())

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
