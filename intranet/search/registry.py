"""Which models are searchable: each app registers its documents here."""

from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import autodiscover_modules

from .documents import SearchDocument

_documents: dict[str, SearchDocument] = {}
_discovered = False


def register(document_class: type[SearchDocument]) -> type[SearchDocument]:
    """Make the decorated document's model searchable.

    :raises ImproperlyConfigured: if another document already uses its type
    """
    current = _documents.get(document_class.object_type)
    if (
        current is not None
        and type(current).__qualname__ != document_class.__qualname__
    ):
        raise ImproperlyConfigured(
            f"Search type {document_class.object_type!r} is already registered."
        )
    _documents[document_class.object_type] = document_class()
    return document_class


def discover() -> None:
    """Import every installed app's `documents` module, once."""
    global _discovered
    if not _discovered:
        _discovered = True
        autodiscover_modules("documents")


def documents() -> list[SearchDocument]:
    discover()
    return list(_documents.values())


def get(object_type: str) -> SearchDocument:
    """Return the document for a type.

    :raises LookupError: if no app registers that type
    """
    discover()
    try:
        return _documents[object_type]
    except KeyError:
        raise LookupError(f"No search document has type {object_type!r}.") from None


def for_model(model) -> SearchDocument | None:
    """Return the document for exactly this model class, if it is searchable."""
    discover()
    return next((d for d in _documents.values() if d.model is model), None)


def labels() -> dict[str, str]:
    return {d.object_type: d.label for d in documents()}
