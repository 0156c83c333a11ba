"""The intranet's own searchable things: news, guidance pages and people."""

from django.contrib.auth import get_user_model

from intranet.models import NewsPage, ServiceAreaPage, StandardPage
from intranet.search import PageDocument, SearchDocument, registry


@registry.register
class NewsDocument(PageDocument):
    model = NewsPage
    object_type = "news"
    label = "News"


@registry.register
class StandardPageDocument(PageDocument):
    model = StandardPage
    object_type = "page"
    label = "Guidance page"


@registry.register
class ServiceAreaDocument(PageDocument):
    model = ServiceAreaPage
    object_type = "service-area"
    label = "Service area"


@registry.register
class PersonDocument(SearchDocument):
    """Active staff, found by name, job title and team."""

    model = get_user_model()
    object_type = "person"
    label = "Person"
    unsearched_fields = frozenset({"last_login", "password"})

    def get_queryset(self):
        return self.model.objects.filter(is_active=True).select_related(
            "team", "directorate"
        )

    def prepare_title(self, person) -> str:
        return person.display_name

    def prepare_summary(self, person) -> str:
        team = person.team.name if person.team else ""
        return ", ".join(part for part in (person.job_title, team) if part)

    def prepare_body(self, person) -> str:
        directorate = person.directorate.name if person.directorate else ""
        return " ".join(part for part in (directorate, person.location) if part)

    def prepare_updated_at(self, person):
        return None
