"""The slices of entries a user may find, as the database backend searches them."""

from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.db.models import Q, QuerySet

from ..documents import SCOPE_PUBLIC

# Filters the database can apply itself when no facet needs the other values.
FILTER_FIELDS = {"type": "object_type", "service_area": "service_area"}


@dataclass(frozen=True)
class Part:
    """Entries matching ``where`` whose object is in ``ids`` (None: any object).

    ``ids`` is None for public entries; restricted ones are of ``object_type``.
    A queryset stays a subquery: an agent may see tens of thousands of cases,
    far too many to send as a list.
    """

    where: Q
    ids: QuerySet | list | None = None
    object_type: str | None = None

    @property
    def q(self) -> Q:
        """Return the whole condition, the allowed ids included."""
        if self.ids is None:
            return self.where
        return self.where & Q(object_id__in=self.ids)


def parts(visibility: dict, filters: dict | None = None) -> list[Part]:
    """Return the slices of entries a user may find: public ones, permitted others.

    The slices never overlap, so each can be searched with its own indexes.
    ``filters`` narrow every slice and drop those no selected type is in.
    """
    narrow = Q()
    for name, values in (filters or {}).items():
        if name in FILTER_FIELDS and values:
            narrow &= Q(**{f"{FILTER_FIELDS[name]}__in": values})
    types = (filters or {}).get("type") or None
    found = [Part(Q(scope=SCOPE_PUBLIC) & narrow)]
    for object_type, ids in visibility.items():
        if types is not None and object_type not in types:
            continue
        if not isinstance(ids, QuerySet):
            ids = list(ids)
            if not ids:
                continue
        found.append(
            Part(
                Q(object_type=object_type) & ~Q(scope=SCOPE_PUBLIC) & narrow,
                ids,
                object_type,
            )
        )
    return found


def visible(found: list[Part]) -> Q:
    """Return the entries of any of the parts, as one condition."""
    return reduce(or_, (part.q for part in found), Q(pk__in=[]))
