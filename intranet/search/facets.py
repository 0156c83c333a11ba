"""Facet filtering and counting over matched entries, for the database backend.

Each facet counts the matches that satisfy every *other* selected filter, so
choosing one service area still shows how many results the others hold.
"""

from collections import Counter

from .results import Facet, FacetValue

FACETS = (("type", "Type"), ("service_area", "Service area"), ("topic", "Topic"))


def values_of(row: dict, name: str) -> list[str]:
    if name == "type":
        return [row["object_type"]]
    if name == "service_area":
        return [row["service_area"]] if row["service_area"] else []
    return list(row["topics"] or [])


def _passes(row: dict, filters: dict[str, list[str]], skip: str | None = None) -> bool:
    for name, selected in filters.items():
        if name != skip and selected and not set(values_of(row, name)) & set(selected):
            return False
    return True


def apply(rows: list[dict], filters: dict[str, list[str]]) -> list[dict]:
    """Return the rows that satisfy every selected filter, order kept."""
    return [row for row in rows if _passes(row, filters)]


def count(
    rows: list[dict], filters: dict[str, list[str]], labels: dict[str, dict[str, str]]
) -> list[Facet]:
    """Return each facet's values with counts, most common first."""
    facets = []
    for name, label in FACETS:
        counter: Counter = Counter()
        for row in rows:
            if _passes(row, filters, skip=name):
                counter.update(values_of(row, name))
        facets.append(build(name, label, counter, filters.get(name, []), labels))
    return facets


def build(name, label, counter, selected, labels) -> Facet:
    """Return a facet from value counts; selected values stay even at zero."""
    for key in selected:
        counter.setdefault(key, 0)
    names = labels.get(name, {})
    return Facet(
        name=name,
        label=label,
        values=tuple(
            FacetValue(
                key=key,
                label=names.get(key, key),
                count=n,
                selected=key in selected,
            )
            for key, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
        ),
    )
