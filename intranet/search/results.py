"""What a search returns, whichever backend answered."""

from dataclasses import dataclass, field

from django.utils.safestring import SafeString


@dataclass(frozen=True)
class Hit:
    object_type: str
    type_label: str
    title: str
    url: str
    snippet: SafeString
    service_area: str = ""
    service_area_name: str = ""
    topics: tuple[str, ...] = ()


@dataclass(frozen=True)
class FacetValue:
    key: str
    label: str
    count: int
    selected: bool = False


@dataclass(frozen=True)
class Facet:
    name: str
    label: str
    values: tuple[FacetValue, ...]


@dataclass
class SearchResults:
    query: str
    hits: list[Hit]
    total: int
    page: int
    page_size: int
    facets: list[Facet] = field(default_factory=list)
    backend: str = ""
    took_ms: int = 0
    fell_back: bool = False
    corrections: dict[str, str] = field(default_factory=dict)

    @property
    def num_pages(self) -> int:
        return max(1, -(-self.total // self.page_size))


@dataclass(frozen=True)
class Suggestion:
    title: str
    url: str
    object_type: str
    type_label: str
