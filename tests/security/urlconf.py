"""Every URL pattern of the site, each turned into a concrete address to request."""

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404

ROUTE_PARAMETER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")
# A named group whose body may hold one level of nested groups, e.g. (?:a|b).
NAMED_GROUP = re.compile(r"\(\?P<(?P<name>\w+)>(?:[^()]|\([^()]*\))*\)")
# Unnamed regex pieces seen in Wagtail's patterns, and text that matches each.
UNNAMED_PIECES = {
    r"((?:[\w\-]+/)*)": "",
    r"(\d+)": "1",
    r"(.*)": "sample.txt",
    r".*": "anything",
}
LEFTOVER_REGEX = re.compile(r"[\\()\[\]*+?|{}]")


@dataclass(frozen=True)
class Endpoint:
    route: str
    name: str
    callback: Callable
    path: str | None

    def __str__(self) -> str:
        return f"/{self.route} ({self.name or 'unnamed'})"


def _join(route: str, more: str) -> str:
    # The same joining Django applies, so routes compare equal to ResolverMatch.route.
    return more if not route else route + more.removeprefix("^")


def _walk(patterns, route="", namespace="") -> Iterator[tuple[str, str, Callable]]:
    for pattern in patterns:
        joined = _join(route, str(pattern.pattern))
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = (
                    f"{namespace}:{pattern.namespace}"
                    if namespace
                    else pattern.namespace
                )
            yield from _walk(pattern.url_patterns, joined, inner)
        elif isinstance(pattern, URLPattern):
            name = pattern.name or ""
            if name and namespace:
                name = f"{namespace}:{name}"
            yield joined, name, pattern.callback


def _concrete(route: str, sample: Callable[[str, str, str], str]) -> str:
    def route_value(match):
        return sample(route, match["name"], match["converter"] or "str")

    def group_value(match):
        return sample(route, match["name"], "regex")

    # Regex groups first: "(?P<name>...)" would otherwise look like "<name>".
    text = NAMED_GROUP.sub(group_value, route)
    text = ROUTE_PARAMETER.sub(route_value, text)
    for piece, value in UNNAMED_PIECES.items():
        text = text.replace(piece, value)
    text = text.removeprefix("^").removesuffix("$")
    return text.replace(r"\.", ".").replace(r"\-", "-")


def endpoints(sample: Callable[[str, str, str], str]) -> list[Endpoint]:
    """Return every pattern, with a path built from sample(route, name, converter).

    The path is None when it cannot be built or does not resolve back to the same
    pattern, so that a new kind of pattern fails the sweep instead of escaping it.
    """
    found = []
    for route, name, callback in _walk(get_resolver().url_patterns):
        path = "/" + _concrete(route, sample)
        try:
            matches = not LEFTOVER_REGEX.search(path) and resolve(path).route == route
        except Resolver404:
            matches = False
        found.append(Endpoint(route, name, callback, path if matches else None))
    return found
