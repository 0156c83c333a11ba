import datetime

import factory
import wagtail_factories
from django.utils import timezone
from django.utils.text import slugify

from intranet.models import ServiceArea
from knowledge.models import ArticleFeedback, KnowledgeArticlePage, Topic


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.LazyAttribute(lambda topic: slugify(topic.name))


class KnowledgeArticlePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = KnowledgeArticlePage

    title = factory.Sequence(lambda n: f"Article {n}")
    summary = "What to do and who to ask."
    body = factory.LazyFunction(
        lambda: [("paragraph", "<p>Follow the steps below.</p>")]
    )
    service_area = factory.LazyFunction(lambda: ServiceArea.objects.get(slug="hr"))
    next_review_date = factory.LazyFunction(
        lambda: timezone.localdate() + datetime.timedelta(days=200)
    )
    last_published_at = factory.LazyFunction(timezone.now)


class ArticleFeedbackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ArticleFeedback

    helpful = True
    feedback_date = factory.LazyFunction(timezone.localdate)
    created_at = factory.LazyFunction(timezone.now)
    updated_at = factory.LazyAttribute(lambda feedback: feedback.created_at)
