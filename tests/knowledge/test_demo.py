import pytest
from django.db.models import Count
from django.utils import timezone
from wagtail import hooks

from intranet.models import ServiceArea
from knowledge import demo
from knowledge.models import KnowledgeArticlePage, Topic
from tests.intranet.factories import ServiceAreaPageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


def test_demo_seed_publishes_40_articles_across_every_service_area(home_page):
    assert demo.seed_articles() >= 40

    articles = KnowledgeArticlePage.objects.live()
    assert articles.count() >= 40
    per_area = dict(
        articles.order_by()
        .values_list("service_area__slug")
        .annotate(count=Count("pk"))
    )
    assert set(per_area) == set(ServiceArea.objects.values_list("slug", flat=True))
    assert min(per_area.values()) >= 5
    assert not articles.filter(owner_person=None).exists()
    assert not articles.filter(topics=None).exists()
    assert articles.filter(next_review_date__lt=timezone.localdate()).count() >= 5
    for article in articles:
        assert article.get_parent().specific.service_area_id == article.service_area_id


def test_demo_seed_a_second_time_changes_nothing(home_page):
    demo.seed_articles()
    counts = (KnowledgeArticlePage.objects.count(), Topic.objects.count())
    assert demo.seed_articles() == 0
    assert (KnowledgeArticlePage.objects.count(), Topic.objects.count()) == counts


def test_demo_seed_leaves_existing_pages_at_an_article_address(home_page):
    hr = ServiceAreaPageFactory(parent=home_page, title="HR", slug="hr")
    StandardPageFactory(parent=hr, title="Payslips", slug="payslips-and-pay-dates")
    demo.seed_articles()
    assert not KnowledgeArticlePage.objects.filter(
        slug="payslips-and-pay-dates"
    ).exists()
    assert (
        KnowledgeArticlePage.objects.child_of(hr)
        .filter(slug="annual-leave-policy")
        .exists()
    )


def test_demo_seed_is_registered_for_the_intranet_demo(home_page):
    for seed in hooks.get_hooks("intranet_demo_seed"):
        seed()
    assert KnowledgeArticlePage.objects.live().count() >= 40
