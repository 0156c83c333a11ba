"""A parsed search request, as every backend receives it."""

from dataclasses import dataclass, field

from . import synonyms, text


@dataclass(frozen=True)
class SearchRequest:
    """What to find, for whom, and which page of it.

    ``visibility`` maps each restricted object type (such as cases) to the ids
    the user may find; restricted types missing from it are never found.
    With ``hits_only`` the caller wants only this page of hits: a backend may
    apply the filters first, count no facets, and find no more than the page.
    """

    text: str
    words: tuple[str, ...]
    phrases: tuple[str, ...]
    filters: dict[str, list[str]] = field(default_factory=dict)
    visibility: dict[str, list[int]] = field(default_factory=dict)
    labels: dict[str, dict[str, str]] = field(default_factory=dict)
    page: int = 1
    page_size: int = 10
    hits_only: bool = False

    @classmethod
    def parse(cls, query: str, **kwargs) -> "SearchRequest":
        normalised = text.normalise(query)
        words = text.terms(normalised)
        return cls(
            text=normalised,
            words=tuple(words),
            phrases=tuple(synonyms.expansions(" ".join(words))),
            **kwargs,
        )

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size
