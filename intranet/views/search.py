"""The search page and the suggestions the search box shows while typing."""

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.http import urlencode

from intranet import search
from intranet.search import no_results, service, text
from intranet.search.facets import FACETS

MAX_QUERY_LENGTH = 200


def search_page(request):
    query = request.GET.get("q", "")[: MAX_QUERY_LENGTH * 2].strip()
    filters = {name: request.GET.getlist(name)[:10] for name, _ in FACETS}
    results = None
    if query:
        results = search.search(
            user=request.user,
            query=query,
            filters=filters,
            page=_page_number(request.GET.get("page")),
        )
        if results.page == 1:
            search.query_log_record(user=request.user, results=results)
    return render(
        request,
        "intranet/search.html",
        {
            "query": text.normalise(query),
            "results": results,
            "page_obj": _page_obj(results),
            "pagination_query": _pagination_query(results),
            "help_forms": no_results.help_forms(service_areas=filters["service_area"])
            if results is not None and not results.total
            else [],
        },
    )


def search_suggest(request):
    suggestions = search.suggest(
        user=request.user, prefix=request.GET.get("q", "")[:MAX_QUERY_LENGTH]
    )
    if request.headers.get("HX-Request"):
        return render(
            request,
            "components/search_suggestions.html",
            {"suggestions": suggestions},
        )
    return JsonResponse(
        {
            "suggestions": [
                {"title": s.title, "url": s.url, "type": s.type_label}
                for s in suggestions
            ]
        }
    )


def _page_number(value) -> int:
    try:
        return max(1, int(value or 1))
    except (TypeError, ValueError):
        return 1


def _page_obj(results):
    if results is None or not results.total:
        return None
    total = min(results.total, results.page_size * service.MAX_PAGE)
    paginator = Paginator(range(total), results.page_size)
    return paginator.get_page(results.page)


def _pagination_query(results) -> str:
    if results is None:
        return ""
    pairs = [("q", results.query)]
    for facet in results.facets:
        pairs += [(facet.name, v.key) for v in facet.values if v.selected]
    return urlencode(pairs)
