"""The people finder: search staff, and one profile page per person."""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode

from intranet import selectors
from intranet.models import Team

MAX_QUERY_LENGTH = 100


def _parameter(request, name: str) -> str:
    # PostgreSQL refuses NUL characters in text, so they must never reach a query.
    return request.GET.get(name, "").replace("\x00", "").strip()[:MAX_QUERY_LENGTH]


def people_search(request):
    query = _parameter(request, "q")
    team_slug = _parameter(request, "team")
    team = Team.objects.filter(slug=team_slug).first() if team_slug else None
    searched = bool(query or team_slug)
    people = selectors.people_search(query=query, team_slug=team_slug)
    page_obj = Paginator(people, settings.PEOPLE_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "intranet/people_search.html",
        {
            "query": query,
            "team": team,
            "teams": Team.objects.select_related("directorate"),
            "searched": searched,
            "page_obj": page_obj,
            "pagination_query": urlencode(
                {k: v for k, v in {"q": query, "team": team_slug}.items() if v}
            ),
        },
    )


def person_profile(request, username):
    if "\x00" in username:
        raise Http404("No member of staff has that username.")
    try:
        person = selectors.person_get(username=username)
    except selectors.User.DoesNotExist as exc:
        raise Http404("No member of staff has that username.") from exc
    return render(
        request,
        "intranet/person_profile.html",
        {
            "person": person,
            "reports": selectors.direct_reports(person=person),
            "crumbs": [("Home", "/"), ("People finder", reverse("people:search"))],
        },
    )
