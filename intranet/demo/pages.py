"""Seed the demo site: service area pages and their guidance, news, site pages.

Pages already there are left alone, so editors' changes survive a second run.
"""

from wagtail.models import Page

from intranet.models import (
    HomePage,
    NewsIndexPage,
    NewsPage,
    ServiceArea,
    ServiceAreaPage,
    StandardPage,
)

from .content import SERVICE_AREAS, STANDARD_PAGES, PageContent
from .news import NEWS


def demo_pages_seed(*, log) -> None:
    """Create whichever demo pages are missing under the home page."""
    home = HomePage.objects.get()
    created = 0
    for area in ServiceArea.objects.order_by("position"):
        content = SERVICE_AREAS.get(area.slug)
        if content is None:
            continue
        page = ServiceAreaPage.objects.filter(service_area=area).first()
        if page is None:
            page = _publish(
                home,
                ServiceAreaPage(
                    title=content.title,
                    slug=content.slug,
                    service_area=area,
                    summary=content.summary,
                    body=_body(content.body),
                ),
            )
            created += 1
        created += _standard_pages(page, content.children)
    created += _standard_pages(home, STANDARD_PAGES)
    created += _news(home)
    log(f"Pages: {created} created")


def _standard_pages(parent: Page, pages: list[PageContent]) -> int:
    created = 0
    for content in pages:
        if not parent.get_children().filter(slug=content.slug).exists():
            _publish(
                parent,
                StandardPage(
                    title=content.title,
                    slug=content.slug,
                    summary=content.summary,
                    body=_body(content.body),
                ),
            )
            created += 1
    return created


def _news(home: HomePage) -> int:
    index = NewsIndexPage.objects.child_of(home).first()
    created = 0
    if index is None:
        index = _publish(
            home,
            NewsIndexPage(
                title="News",
                slug="news",
                intro="What is happening across Avonford Borough Council.",
            ),
        )
        created += 1
    for story in NEWS:
        if not index.get_children().filter(slug=story.slug).exists():
            _publish(
                index,
                NewsPage(
                    title=story.title,
                    slug=story.slug,
                    date=story.date,
                    summary=story.summary,
                    body=_body(story.body),
                ),
            )
            created += 1
    return created


def _body(blocks: list[tuple[str, str]]) -> list[dict]:
    return [{"type": kind, "value": value} for kind, value in blocks]


def _publish(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page
