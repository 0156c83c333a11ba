"""Knowledge articles in bulk, for the benchmark dataset.

Articles are Wagtail pages, which ``bulk_create`` cannot write because they
inherit from ``Page`` across two tables. They are inserted in two bulk steps
instead: the ``wagtailcore_page`` rows, with tree paths computed the way
treebeard computes them, then the article rows pointing at them, with the insert
Django's own ``save()`` makes for a child table.
"""

from __future__ import annotations

import random
import uuid
from datetime import datetime, timedelta

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText

from intranet.models import ServiceAreaPage
from knowledge.models import KnowledgeArticlePage, KnowledgeIndexPage, Topic

BATCH = 5_000
LIBRARY_SLUG = "library"


def _libraries() -> dict[int, KnowledgeIndexPage]:
    """Return one guidance library page per service area, creating any missing."""
    libraries = {}
    for area_page in ServiceAreaPage.objects.select_related("service_area"):
        library = (
            KnowledgeIndexPage.objects.child_of(area_page)
            .filter(slug=LIBRARY_SLUG)
            .first()
        )
        if library is None:
            library = area_page.add_child(
                instance=KnowledgeIndexPage(
                    title=f"{area_page.service_area.name} guidance library",
                    slug=LIBRARY_SLUG,
                )
            )
        libraries[area_page.service_area_id] = library
    return libraries


def articles_seed(
    count: int, rng: random.Random, now: datetime, words: tuple[str, ...]
) -> int:
    """Publish `count` articles spread over the service areas' libraries.

    Return how many were added. Titles are three of `words` and a number.
    """
    libraries = _libraries()
    topics = {
        area_id: list(Topic.objects.filter(service_area_id=area_id))
        for area_id in libraries
    }
    content_type = ContentType.objects.get_for_model(KnowledgeArticlePage)
    locale = Locale.get_default()
    area_ids = sorted(libraries)
    per_area = {area_id: [] for area_id in area_ids}
    for number in range(count):
        per_area[area_ids[number % len(area_ids)]].append(number)
    today = timezone.localdate(now)
    topic_rows = []
    added = 0
    for area_id, numbers in per_area.items():
        library = Page.objects.get(pk=libraries[area_id].pk)
        first_step = _next_child_step(library)
        pages = []
        articles = []
        for offset, number in enumerate(numbers):
            words = " ".join(rng.sample(words, 3))
            title = f"How to sort out {words} ({number})"
            slug = f"article-{number}"
            page = Page(
                title=title,
                draft_title=title,
                slug=slug,
                content_type=content_type,
                locale=locale,
                translation_key=uuid.UUID(int=rng.getrandbits(128)),
                live=True,
                has_unpublished_changes=False,
                first_published_at=now - timedelta(days=rng.randint(1, 900)),
                path=Page._get_path(
                    library.path, library.depth + 1, first_step + offset
                ),
                depth=library.depth + 1,
                numchild=0,
                url_path=f"{library.url_path}{slug}/",
            )
            page.last_published_at = page.first_published_at
            pages.append(page)
        Page.objects.bulk_create(pages, batch_size=BATCH)
        for page in pages:
            article = KnowledgeArticlePage(
                page_ptr_id=page.pk,
                summary=f"What to do about {page.title[16:].split(' (')[0]}.",
                body=[
                    (
                        "paragraph",
                        RichText(
                            f"<p>Guidance on {page.title.lower()}: check the "
                            "policy, fill in the form and ask your manager.</p>"
                        ),
                    )
                ],
                service_area_id=area_id,
                next_review_date=today + timedelta(days=rng.randint(-30, 365)),
            )
            articles.append(article)
            if topics[area_id]:
                topic_rows.append(
                    KnowledgeArticlePage.topics.through(
                        knowledgearticlepage_id=page.pk,
                        topic_id=rng.choice(topics[area_id]).pk,
                    )
                )
        _insert_child_rows(articles)
        Page.objects.filter(pk=library.pk).update(
            numchild=library.numchild + len(pages)
        )
        added += len(pages)
    KnowledgeArticlePage.topics.through.objects.bulk_create(
        topic_rows, batch_size=BATCH
    )
    return added


def _next_child_step(parent: Page) -> int:
    last = parent.get_last_child()
    if last is None:
        return 1
    return Page._str2int(last.path[-Page.steplen :]) + 1


def _insert_child_rows(articles: list[KnowledgeArticlePage]) -> None:
    """Insert the article table's own rows for pages that already exist.

    ``bulk_create`` refuses models inherited across tables, so this is the insert
    ``Model.save_base`` makes for the child table, done for a batch at once.
    """
    fields = KnowledgeArticlePage._meta.local_concrete_fields
    for start in range(0, len(articles), 1_000):
        KnowledgeArticlePage._base_manager._insert(
            articles[start : start + 1_000], fields=fields
        )
