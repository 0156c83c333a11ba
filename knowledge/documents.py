"""Knowledge articles in site search: title, summary, body, area and topics."""

from intranet.search import PageDocument, registry
from knowledge.models import KnowledgeArticlePage


@registry.register
class ArticleDocument(PageDocument):
    model = KnowledgeArticlePage
    object_type = "article"
    label = "Guidance article"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("service_area")
            .prefetch_related("topics")
        )

    def prepare_topics(self, article) -> list[str]:
        return sorted(topic.name for topic in article.topics.all())
