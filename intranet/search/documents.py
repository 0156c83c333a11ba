"""Search documents: how each kind of object becomes one searchable entry.

An app describes a searchable model with a `SearchDocument` subclass in its
`documents.py`, registered with `@registry.register`. Each entry field comes
from a `prepare_<field>` method, so a subclass overrides only what differs.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Model, QuerySet
from wagtail.models import Page

SCOPE_PUBLIC = "public"
SCOPE_AGENT_CASE = "agent-case"
FIELDS = (
    "title",
    "summary",
    "body",
    "url",
    "service_area",
    "service_area_name",
    "topics",
    "updated_at",
)


@dataclass(frozen=True)
class PreparedDocument:
    """An object as both backends index it."""

    object_type: str
    object_id: int
    scope: str
    title: str
    summary: str
    body: str
    url: str
    service_area: str
    service_area_name: str
    topics: tuple[str, ...]
    updated_at: datetime | None

    @property
    def key(self) -> str:
        return f"{self.object_type}-{self.object_id}"


class SearchDocument:
    """Describe how one model is searched; subclasses set `model` and `object_type`."""

    model: type[Model]
    object_type: str
    label: str
    scope = SCOPE_PUBLIC
    # Saves touching only these fields cannot change the entry, so they are skipped.
    unsearched_fields: frozenset[str] = frozenset()

    def get_queryset(self) -> QuerySet:
        """Return every object that should be searchable now."""
        return self.model._default_manager.all()

    def get_object(self, object_id: int) -> Model | None:
        """Return the object if it should be searchable, otherwise None."""
        return self.get_queryset().filter(pk=object_id).first()

    def visible_ids(self, user) -> QuerySet | list | None:
        """Return the ids of restricted objects the user may find (None: all)."""
        return None

    def prepare(self, obj: Model) -> PreparedDocument:
        values = {name: getattr(self, f"prepare_{name}")(obj) for name in FIELDS}
        values["topics"] = tuple(values["topics"])
        return PreparedDocument(
            object_type=self.object_type, object_id=obj.pk, scope=self.scope, **values
        )

    def prepare_title(self, obj) -> str:
        return str(obj)[:255]

    def prepare_summary(self, obj) -> str:
        return ""

    def prepare_body(self, obj) -> str:
        return ""

    def prepare_url(self, obj) -> str:
        return obj.get_absolute_url()

    def prepare_service_area(self, obj) -> str:
        area = self._service_area(obj)
        return area.slug if area else ""

    def prepare_service_area_name(self, obj) -> str:
        area = self._service_area(obj)
        return area.name if area else ""

    def prepare_topics(self, obj) -> list[str]:
        return []

    def prepare_updated_at(self, obj) -> datetime | None:
        return getattr(obj, "updated_at", None)

    def _service_area(self, obj):
        return getattr(obj, "service_area", None)


class PageDocument(SearchDocument):
    """A Wagtail page type: only live pages without view restrictions are found."""

    body_field = "body"

    def get_queryset(self) -> QuerySet:
        return self.model.objects.live().public()

    def prepare_title(self, page: Page) -> str:
        return page.title

    def prepare_summary(self, page: Page) -> str:
        return getattr(page, "summary", "") or ""

    def prepare_body(self, page: Page) -> str:
        value = getattr(page, self.body_field, None)
        if value is None:
            return ""
        field = page._meta.get_field(self.body_field)
        return " ".join(str(part) for part in field.get_searchable_content(value))

    def prepare_url(self, page: Page) -> str:
        return page.get_url() or page.url_path

    def prepare_updated_at(self, page: Page) -> datetime | None:
        return page.last_published_at
