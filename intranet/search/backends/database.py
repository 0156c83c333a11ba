"""The database backend: searches `SearchEntry` rows with the database's full text."""

import time

from django.db import transaction

from intranet.models import SearchEntry

from .. import facets, text
from ..documents import PreparedDocument
from ..query import SearchRequest
from ..results import Hit, SearchResults, Suggestion
from . import fulltext
from .visibility import parts

CANDIDATES = 500


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
        rows, corrections = (
            fulltext.engine().candidates(
                request,
                parts=parts(
                    request.visibility, request.filters if request.hits_only else None
                ),
                limit=request.offset + request.page_size
                if request.hits_only
                else CANDIDATES,
            )
            if request.words
            else ([], {})
        )
        matched = facets.apply(rows, request.filters)
        page_pks = [r["pk"] for r in matched[request.offset :][: request.page_size]]
        entries = SearchEntry.objects.defer("search_vector").in_bulk(page_pks)
        marks = [*request.words, *corrections.values(), *request.phrases]
        return SearchResults(
            query=request.text,
            hits=[
                self._hit(entries[pk], marks, request)
                for pk in page_pks
                if pk in entries
            ],
            total=len(matched),
            page=request.page,
            page_size=request.page_size,
            facets=[]
            if request.hits_only
            else facets.count(rows, request.filters, request.labels),
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
        """Return entries whose title has a word starting with the prefix.

        Titles starting with it come first, then the rest, alphabetically.
        """
        prefix = text.normalise(prefix)
        if not prefix:
            return []
        rows = fulltext.engine().suggest(
            prefix=prefix, parts=parts(visibility), limit=limit
        )
        type_labels = labels.get("type", {})
        return [
            Suggestion(
                title=row["title"],
                url=row["url"],
                object_type=row["object_type"],
                type_label=type_labels.get(row["object_type"], row["object_type"]),
            )
            for row in rows
        ]

    def resync(self) -> None:
        """Bring the full-text engine's own tables in line with every entry."""
        fulltext.engine().resync()

    def object_keys(self) -> set[tuple[str, int]]:
        return set(SearchEntry.objects.values_list("object_type", "object_id"))
