"""The Elasticsearch backend, through `elasticsearch.dsl`.

Queries go to an alias that points at one versioned index; a rebuild fills a
new index and swaps the alias in one atomic call, so searching never stops.
"""

import functools
import time
from collections.abc import Callable, Iterable

from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import import_string
from elasticsearch import Elasticsearch, dsl, helpers

from .. import facets, synonyms, text
from ..documents import SCOPE_PUBLIC, PreparedDocument
from ..query import SearchRequest
from ..results import Facet, Hit, SearchResults, Suggestion

FACET_FIELDS = {
    "type": "object_type",
    "service_area": "service_area",
    "topic": "topics",
}
TEXT_FIELDS = ["title^4", "summary^2", "body"]
FACET_SIZE = 30

council_synonyms = dsl.token_filter(
    "council_synonyms", "synonym_graph", synonyms=synonyms.elasticsearch_rules()
)
english_search = dsl.analyzer(
    "council_english_search",
    tokenizer="standard",
    filter=["lowercase", council_synonyms, "stop", "porter_stem"],
)


def _text() -> dsl.Text:
    return dsl.Text(analyzer="english", search_analyzer=english_search)


class EntryDocument(dsl.Document):
    """The index mapping: one document per searchable object."""

    object_type = dsl.Keyword()
    object_id = dsl.Long()
    scope = dsl.Keyword()
    title = dsl.Text(
        analyzer="english",
        search_analyzer=english_search,
        fields={"suggest": dsl.SearchAsYouType()},
    )
    summary = _text()
    body = _text()
    url = dsl.Keyword(index=False)
    service_area = dsl.Keyword()
    service_area_name = dsl.Keyword(index=False)
    topics = dsl.Keyword(multi=True)
    updated_at = dsl.Date()


@functools.cache
def _client(url: str, node_class: str, timeout: float) -> Elasticsearch:
    return Elasticsearch(
        url,
        node_class=import_string(node_class),
        request_timeout=timeout,
        max_retries=0,
        retry_on_timeout=False,
    )


def client(timeout: float | None = None) -> Elasticsearch:
    """Return a client for ELASTICSEARCH_URL with the configured node class."""
    return _client(
        settings.ELASTICSEARCH_URL,
        settings.ELASTICSEARCH_CONNECTION_CLASS,
        timeout or settings.ELASTICSEARCH_TIMEOUT,
    )


def alias_name() -> str:
    return f"{settings.ELASTICSEARCH_INDEX_PREFIX}-search"


def _visibility(visibility: dict[str, list[int]]) -> dsl.Query:
    allowed = [dsl.Q("term", scope=SCOPE_PUBLIC)]
    for object_type, ids in visibility.items():
        allowed.append(
            dsl.Q("term", object_type=object_type) & dsl.Q("terms", object_id=list(ids))
        )
    return dsl.Q("bool", should=allowed, minimum_should_match=1)


def _filter_query(filters: dict[str, list[str]], skip: str | None = None):
    clauses = [
        dsl.Q("terms", **{FACET_FIELDS[name]: values})
        for name, values in filters.items()
        if values and name != skip
    ]
    return dsl.Q("bool", filter=clauses) if clauses else dsl.Q("match_all")


class ElasticsearchBackend:
    name = "elasticsearch"

    def __init__(self, es: Elasticsearch | None = None):
        self.es = es or client()
        self.alias = alias_name()

    def search(self, request: SearchRequest) -> SearchResults:
        started = time.monotonic()
        search = self._search_for(request)
        response = search.execute()
        marks = [w for p in [*request.words, *request.phrases] for w in p.split()]
        return SearchResults(
            query=request.text,
            hits=[self._hit(h, marks, request) for h in response.hits],
            total=response.hits.total.value,
            page=request.page,
            page_size=request.page_size,
            facets=self._facets(response, request),
            backend=self.name,
            took_ms=int((time.monotonic() - started) * 1000),
        )

    def _search_for(self, request: SearchRequest) -> dsl.Search:
        if request.words:
            text_query = dsl.Q(
                "bool",
                should=[
                    dsl.Q("multi_match", query=request.text, fields=TEXT_FIELDS),
                    dsl.Q(
                        "multi_match",
                        query=" ".join(request.words),
                        fields=TEXT_FIELDS,
                        fuzziness="AUTO",
                        prefix_length=1,
                        boost=0.5,
                    ),
                    *(
                        dsl.Q(
                            "multi_match",
                            query=phrase,
                            type="phrase",
                            fields=TEXT_FIELDS,
                            boost=0.8,
                        )
                        for phrase in request.phrases
                    ),
                ],
                minimum_should_match=1,
            )
        else:
            text_query = dsl.Q("match_none")
        search = (
            dsl.Search(using=self.es, index=self.alias)
            .query(
                dsl.Q(
                    "bool", must=[text_query], filter=[_visibility(request.visibility)]
                )
            )
            .post_filter(_filter_query(request.filters))
            .highlight("summary", "body", fragment_size=180, number_of_fragments=1)
            .highlight_options(
                pre_tags=[text.MARK_START],
                post_tags=[text.MARK_END],
                encoder="default",
            )
            .extra(from_=request.offset, size=request.page_size, track_total_hits=True)
        )
        for name, field in FACET_FIELDS.items():
            search.aggs.bucket(
                name, "filter", filter=_filter_query(request.filters, skip=name)
            ).bucket("values", "terms", field=field, size=FACET_SIZE)
        return search

    def _hit(self, hit, marks: list[str], request: SearchRequest) -> Hit:
        highlight = getattr(hit.meta, "highlight", None)
        fragments = []
        if highlight is not None:
            for field in ("summary", "body"):
                fragments.extend(getattr(highlight, field, []) or [])
        snippet = (
            text.marks_to_html(fragments[0])
            if fragments
            else text.snippet([hit.summary or "", hit.body or ""], marks)
        )
        return Hit(
            object_type=hit.object_type,
            type_label=request.labels.get("type", {}).get(
                hit.object_type, hit.object_type
            ),
            title=hit.title,
            url=hit.url,
            snippet=snippet,
            service_area=hit.service_area or "",
            service_area_name=hit.service_area_name or "",
            topics=tuple(hit.topics or ()),
        )

    def _facets(self, response, request: SearchRequest) -> list[Facet]:
        result = []
        for name, label in facets.FACETS:
            buckets = response.aggregations[name]["values"].buckets
            counter = {b.key: b.doc_count for b in buckets}
            result.append(
                facets.build(
                    name, label, counter, request.filters.get(name, []), request.labels
                )
            )
        return result

    def suggest(
        self, *, prefix: str, visibility: dict, labels: dict, limit: int
    ) -> list[Suggestion]:
        """Return titles matching the prefix as typed, via search-as-you-type."""
        prefix = text.normalise(prefix)
        if not prefix:
            return []
        search = (
            dsl.Search(using=self.es, index=self.alias)
            .query(
                dsl.Q(
                    "bool",
                    must=[
                        dsl.Q(
                            "multi_match",
                            query=prefix,
                            type="bool_prefix",
                            fields=[
                                "title.suggest",
                                "title.suggest._2gram",
                                "title.suggest._3gram",
                            ],
                        )
                    ],
                    filter=[_visibility(visibility)],
                )
            )
            .source(["title", "url", "object_type"])
            .extra(size=limit)
        )
        type_labels = labels.get("type", {})
        return [
            Suggestion(
                title=h.title,
                url=h.url,
                object_type=h.object_type,
                type_label=type_labels.get(h.object_type, h.object_type),
            )
            for h in search.execute().hits
        ]

    def index(self, documents: list[PreparedDocument]) -> None:
        """Write documents through the alias, creating the index on first use."""
        self.ensure_index()
        helpers.bulk(
            self.es, (_action(self.alias, d) for d in documents), refresh="wait_for"
        )

    def remove(self, object_type: str, object_ids: list[int]) -> None:
        self.ensure_index()
        helpers.bulk(
            self.es,
            (
                {
                    "_op_type": "delete",
                    "_index": self.alias,
                    "_id": f"{object_type}-{object_id}",
                }
                for object_id in object_ids
            ),
            raise_on_error=False,
            refresh="wait_for",
        )

    def ensure_index(self) -> None:
        """Create a versioned index behind the alias if there is none yet."""
        if not self.es.indices.exists_alias(name=self.alias):
            self.es.indices.create(
                index=self._new_index_name(), body=self._index_body(self.alias)
            )

    def rebuild(
        self,
        documents: Iterable[PreparedDocument],
        *,
        progress: Callable[[int], None] = lambda n: None,
    ) -> str:
        """Fill a new index, point the alias at it and drop the old ones.

        Return the new index's name. Searches keep using the old index until
        the single `_aliases` call that swaps them.
        """
        name = self._new_index_name()
        bulk_client = self.es.options(
            request_timeout=settings.ELASTICSEARCH_BULK_TIMEOUT
        )
        bulk_client.indices.create(index=name, body=self._index_body(None))
        for _result in helpers.streaming_bulk(
            bulk_client, (_action(name, d) for d in documents), raise_on_error=True
        ):
            progress(1)
        bulk_client.indices.refresh(index=name)
        old = self._indices_behind_alias()
        actions = [{"add": {"index": name, "alias": self.alias}}]
        actions += [{"remove": {"index": o, "alias": self.alias}} for o in old]
        bulk_client.indices.update_aliases(actions=actions)
        for index in old:
            bulk_client.indices.delete(index=index)
        return name

    def _indices_behind_alias(self) -> list[str]:
        if not self.es.indices.exists_alias(name=self.alias):
            return []
        return list(self.es.indices.get_alias(name=self.alias).body)

    def _new_index_name(self) -> str:
        return f"{self.alias}-{timezone.now():%Y%m%d%H%M%S%f}"

    def _index_body(self, alias: str | None) -> dict:
        index = dsl.Index("template")
        index.settings(number_of_shards=1)
        index.document(EntryDocument)
        body = index.to_dict()
        if alias:
            body["aliases"] = {alias: {}}
        return body


def _action(index: str, doc: PreparedDocument) -> dict:
    return {
        "_op_type": "index",
        "_index": index,
        "_id": doc.key,
        "_source": {
            "object_type": doc.object_type,
            "object_id": doc.object_id,
            "scope": doc.scope,
            "title": doc.title,
            "summary": doc.summary,
            "body": doc.body,
            "url": doc.url,
            "service_area": doc.service_area,
            "service_area_name": doc.service_area_name,
            "topics": list(doc.topics),
            "updated_at": doc.updated_at.isoformat() if doc.updated_at else None,
        },
    }
