"""The database backend: searches `SearchEntry` rows with the database's full text."""

import time

from django.db import transaction
from django.db.models import Case, Q, QuerySet, Value, When
from django.db.models.functions import Lower

from intranet.models import SearchEntry

from .. import facets, text
from ..documents import SCOPE_PUBLIC, PreparedDocument
from ..query import SearchRequest
from ..results import Hit, SearchResults, Suggestion
from . import fulltext

ROW_FIELDS = ("pk", "object_type", "service_area", "topics")


def visible(visibility: dict) -> Q:
    """Return the entries a user may find: public ones and the permitted others.

    Ids given as a queryset stay a subquery: an agent may see tens of thousands
    of cases, far too many to send as a list.
    """
    allowed = Q(scope=SCOPE_PUBLIC)
    for object_type, ids in visibility.items():
        if not isinstance(ids, QuerySet):
            ids = list(ids)
        allowed |= Q(object_type=object_type, object_id__in=ids)
    return allowed


class DatabaseBackend:
    name = "database"

    def index(self, documents: list[PreparedDocument]) -> None:
        """Create or update the entries for prepared documents."""
        with transaction.atomic():
            pks = []
            for doc in documents:
                entry, _ = SearchEntry.objects.update_or_create(
                    object_type=doc.object_type,
                    object_id=doc.object_id,
                    defaults={
                        "title": doc.title,
                        "summary": doc.summary,
                        "body": doc.body,
                        "url": doc.url,
                        "service_area": doc.service_area,
                        "topics": list(doc.topics),
                        "facets": {"service_area": doc.service_area_name},
                        "scope": doc.scope,
                        "updated_at": doc.updated_at,
                    },
                )
                pks.append(entry.pk)
            fulltext.engine().write(pks)

    def remove(self, object_type: str, object_ids: list[int]) -> None:
        with transaction.atomic():
            entries = SearchEntry.objects.filter(
                object_type=object_type, object_id__in=object_ids
            )
            fulltext.engine().delete(list(entries.values_list("pk", flat=True)))
            entries.delete()

    def search(self, request: SearchRequest) -> SearchResults:
        started = time.monotonic()
        pks, corrections = (
            fulltext.engine().candidates(request, allowed=visible(request.visibility))
            if request.words
            else ([], {})
        )
        rows_by_pk = {
            row["pk"]: row
            for row in SearchEntry.objects.filter(
                visible(request.visibility), pk__in=pks
            ).values(*ROW_FIELDS)
        }
        rows = [rows_by_pk[pk] for pk in pks if pk in rows_by_pk]
        matched = facets.apply(rows, request.filters)
        page_pks = [r["pk"] for r in matched[request.offset :][: request.page_size]]
        entries = SearchEntry.objects.in_bulk(page_pks)
        marks = [*request.words, *corrections.values(), *request.phrases]
        return SearchResults(
            query=request.text,
            hits=[self._hit(entries[pk], marks, request) for pk in page_pks],
            total=len(matched),
            page=request.page,
            page_size=request.page_size,
            facets=facets.count(rows, request.filters, request.labels),
            backend=self.name,
            took_ms=int((time.monotonic() - started) * 1000),
            corrections=corrections,
        )

    def _hit(self, entry: SearchEntry, marks: list[str], request) -> Hit:
        words = [w for phrase in marks for w in phrase.split()]
        return Hit(
            object_type=entry.object_type,
            type_label=request.labels.get("type", {}).get(
                entry.object_type, entry.object_type
            ),
            title=entry.title,
            url=entry.url,
            snippet=text.snippet([entry.summary, entry.body], words),
            service_area=entry.service_area,
            service_area_name=entry.facets.get("service_area", ""),
            topics=tuple(entry.topics),
        )

    def suggest(
        self, *, prefix: str, visibility: dict, labels: dict, limit: int
    ) -> list[Suggestion]:
        """Return entries whose title has a word starting with the prefix."""
        prefix = text.normalise(prefix)
        if not prefix:
            return []
        starts = Q(title__istartswith=prefix) | Q(title__icontains=f" {prefix}")
        entries = (
            SearchEntry.objects.filter(visible(visibility))
            .filter(starts)
            .annotate(
                starts=Case(
                    When(title__istartswith=prefix, then=Value(0)), default=Value(1)
                )
            )
            .order_by("starts", Lower("title"), "pk")[:limit]
        )
        type_labels = labels.get("type", {})
        return [
            Suggestion(
                title=e.title,
                url=e.url,
                object_type=e.object_type,
                type_label=type_labels.get(e.object_type, e.object_type),
            )
            for e in entries
        ]

    def object_keys(self) -> set[tuple[str, int]]:
        return set(SearchEntry.objects.values_list("object_type", "object_id"))
