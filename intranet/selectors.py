"""Reads about people and the organisation."""

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

User = get_user_model()


def people_search(*, query: str = "", team_slug: str = "") -> QuerySet:
    """Return active staff matching every word of ``query`` by name, team or title."""
    people = User.objects.filter(is_active=True).select_related("team", "directorate")
    if team_slug:
        people = people.filter(team__slug=team_slug)
    for word in query.split()[:8]:
        people = people.filter(
            Q(first_name__icontains=word)
            | Q(last_name__icontains=word)
            | Q(job_title__icontains=word)
            | Q(team__name__icontains=word)
            | Q(directorate__name__icontains=word)
            | Q(username__iexact=word)
            | Q(email__iexact=word)
        )
    return people.order_by("last_name", "first_name", "pk")


def person_get(*, username: str):
    """Return an active member of staff with their manager, or raise DoesNotExist."""
    return User.objects.select_related(
        "team", "directorate", "line_manager", "line_manager__team"
    ).get(username=username, is_active=True)


def direct_reports(*, person) -> QuerySet:
    return (
        User.objects.filter(line_manager=person, is_active=True)
        .select_related("team")
        .order_by("last_name", "first_name")
    )
