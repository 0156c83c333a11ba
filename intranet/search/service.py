"""The one search interface: `search` and `suggest`, whichever backend answers."""

import logging
from dataclasses import replace

from django.conf import settings
from django.utils import timezone
from elasticsearch import ApiError, TransportError

from intranet.models import SearchQueryLog, ServiceArea

from . import backends, registry, text
from .facets import FACETS
from .query import SearchRequest
from .results import SearchResults, Suggestion

logger = logging.getLogger(__name__)

MAX_PAGE = 100
MAX_PAGE_SIZE = 50
MAX_FILTER_VALUES = 10
MAX_SUGGESTIONS = 10
# Errors that mean "Elasticsearch cannot answer now": unreachable, timed out,
# or answering with an error such as a missing index.
UNAVAILABLE = (TransportError, ApiError)


def search(
    *,
    user,
    query: str,
    filters: dict[str, list[str]] | None = None,
    page: int = 1,
    page_size: int | None = None,
    hits_only: bool = False,
) -> SearchResults:
    """Return the page of results the user may see for ``query``.

    Unknown facet names and values are dropped, and a page past the end is
    answered with the last page, so any input gets a sensible answer. When
    Elasticsearch cannot answer, the database does, and the result says so.
    Callers showing only this page of hits pass ``hits_only``: they get no
    facets, and ``total`` counts no further than the page, so the filters can
    narrow the search itself and no more is ranked than the page needs.
    """
    page_size = max(
        1, min(page_size or settings.SEARCH_RESULTS_PER_PAGE, MAX_PAGE_SIZE)
    )
    labels = _labels()
    filters = _clean_filters(filters or {}, labels)
    request = SearchRequest.parse(
        query,
        filters=filters,
        visibility=_visibility(user, types=filters.get("type") if hits_only else None),
        labels=labels,
        page=max(1, min(page, MAX_PAGE)),
        page_size=page_size,
        hits_only=hits_only,
    )
    results = _answer(request)
    last_page = min(results.num_pages, MAX_PAGE)
    if not results.hits and request.page > last_page:
        results = _answer(_with_page(request, last_page))
    return results


def suggest(*, user, prefix: str, limit: int = 6) -> list[Suggestion]:
    """Return titles the user may open that match what they have typed so far."""
    prefix = text.normalise(prefix)[:100]
    if len(prefix) < 2:
        return []
    kwargs = {
        "prefix": prefix,
        "visibility": _visibility(user),
        "labels": {"type": registry.labels()},
        "limit": max(1, min(limit, MAX_SUGGESTIONS)),
    }
    backend = backends.get(settings.SEARCH_BACKEND)
    try:
        return backend.suggest(**kwargs)
    except UNAVAILABLE as exc:
        _warn_fallback(backend.name, exc)
        return backends.get("database").suggest(**kwargs)


def query_log_record(*, user, results: SearchResults) -> SearchQueryLog | None:
    """Record a search that found nothing, for the content reports."""
    if results.total or not results.query:
        return None
    return SearchQueryLog.objects.create(
        query=results.query.lower()[:200],
        results_count=0,
        user=user if getattr(user, "is_authenticated", False) else None,
        backend=results.backend,
        created_at=timezone.now(),
    )


def _answer(request: SearchRequest) -> SearchResults:
    backend = backends.get(settings.SEARCH_BACKEND)
    try:
        return backend.search(request)
    except UNAVAILABLE as exc:
        if backend.name == "database":
            raise
        _warn_fallback(backend.name, exc)
        results = backends.get("database").search(request)
        results.fell_back = True
        return results


def _warn_fallback(name: str, exc: Exception) -> None:
    logger.warning(
        "search: %s did not answer (%s); answering from the database",
        name,
        type(exc).__name__,
    )


def _with_page(request: SearchRequest, page: int) -> SearchRequest:
    return replace(request, page=page)


def _labels() -> dict[str, dict[str, str]]:
    return {
        "type": registry.labels(),
        "service_area": dict(ServiceArea.objects.values_list("slug", "name")),
    }


def _clean_filters(filters: dict, labels: dict) -> dict[str, list[str]]:
    cleaned = {}
    for name, _label in FACETS:
        values = [str(v)[:100] for v in filters.get(name, []) if v][:MAX_FILTER_VALUES]
        known = labels.get(name)
        if known is not None:
            values = [v for v in values if v in known]
        if values:
            cleaned[name] = list(dict.fromkeys(values))
    return cleaned


def _visibility(user, types: list[str] | None = None) -> dict[str, list[int]]:
    """Return the ids of each restricted type the user may find.

    With ``types``, only those types are looked at; the others are never found.
    """
    visibility = {}
    for document in registry.documents():
        if document.scope != "public" and (
            types is None or document.object_type in types
        ):
            ids = document.visible_ids(user)
            visibility[document.object_type] = [] if ids is None else ids
    return visibility
