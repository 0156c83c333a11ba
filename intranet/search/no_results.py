"""Where to turn when a search finds nothing: the service areas' request forms."""

from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.db.models import Q
from wagtail.models import Page

from intranet.models import ServiceAreaPage


@dataclass(frozen=True)
class AreaForms:
    """One service area page and the live request forms under it."""

    area: ServiceAreaPage
    forms: tuple[Page, ...]


def help_forms(*, service_areas: list[str] | tuple[str, ...] = ()) -> list[AreaForms]:
    """Return each service area's live request forms, areas in their usual order.

    A searcher who filtered by service area gets only those areas' forms, unless
    none of them has one. Areas without a live form are left out, so every link
    leads to a form.
    """
    areas = list(
        ServiceAreaPage.objects.live()
        .public()
        .select_related("service_area")
        .order_by("service_area__position", "title")
    )
    if not areas:
        return []
    children = (
        Page.objects.live()
        .public()
        .filter(reduce(or_, (_children_of(area) for area in areas)))
        .order_by("title")
        .specific()
    )
    forms_by_parent: dict[str, list[Page]] = {}
    for page in children:
        # Request forms live in a higher app; they announce themselves the same
        # way the service area page's own listing recognises them.
        if getattr(page, "service_area_listing", None) == "form":
            forms_by_parent.setdefault(page.path[: -Page.steplen], []).append(page)
    found = [
        AreaForms(area=area, forms=tuple(forms_by_parent[area.path]))
        for area in areas
        if area.path in forms_by_parent
    ]
    chosen = [entry for entry in found if entry.area.service_area.slug in service_areas]
    return chosen or found


def _children_of(area: ServiceAreaPage) -> Q:
    return Q(path__startswith=area.path, depth=area.depth + 1)
