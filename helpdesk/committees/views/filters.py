"""The committee filter every calendar view shares."""

from django.http import Http404
from django.utils.http import urlencode

from helpdesk.committees import selectors
from helpdesk.committees.models import Committee


def committee_filter(request) -> Committee | None:
    """Return the committee in ``?committee=``, None for all of them.

    :raises Http404: for a committee that does not exist
    """
    slug = request.GET.get("committee", "").strip()
    if not slug:
        return None
    try:
        return selectors.committee_get(slug=slug[:100])
    except Committee.DoesNotExist as exc:
        raise Http404("There is no such committee.") from exc


def query(committee: Committee | None, **values) -> str:
    """Return a query string keeping the committee filter."""
    if committee is not None:
        values["committee"] = committee.slug
    return "?" + urlencode(values)


def context(committee: Committee | None) -> dict:
    return {
        "committee": committee,
        "committees": Committee.objects.all(),
    }
