"""Keep both search indexes in step with the objects they describe."""

import logging
from collections.abc import Callable, Iterator

from django.conf import settings

from . import backends, registry
from .documents import PreparedDocument

logger = logging.getLogger(__name__)


def search_index_object(*, object_type: str, object_id: int) -> bool:
    """Index the object if it is searchable now, otherwise remove it.

    Return whether it was indexed. The database index is written first, so a
    failing Elasticsearch raises for the outbox to retry with the database
    already up to date.

    :raises LookupError: if no search document has ``object_type``
    """
    document = registry.get(object_type)
    obj = document.get_object(object_id)
    if obj is None:
        search_remove_object(object_type=object_type, object_id=object_id)
        return False
    prepared = document.prepare(obj)
    for backend in _backends():
        backend.index([prepared])
    return True


def search_remove_object(*, object_type: str, object_id: int) -> None:
    """Remove the object from every search index; a missing entry is fine."""
    for backend in _backends():
        backend.remove(object_type, [object_id])


def search_rebuild_database(*, progress: Callable[[int], None] = lambda n: None) -> int:
    """Re-prepare every searchable object into the database index; drop the rest.

    Return how many documents were indexed.
    """
    database = backends.get("database")
    stale = database.object_keys()
    count = 0
    for prepared in prepared_documents():
        database.index([prepared])
        stale.discard((prepared.object_type, prepared.object_id))
        count += 1
        progress(1)
    for object_type, object_id in stale:
        database.remove(object_type, [object_id])
    database.resync()
    return count


def search_rebuild_elasticsearch(
    *, progress: Callable[[int], None] = lambda n: None
) -> str:
    """Build a new Elasticsearch index from every searchable object; swap the alias.

    Return the new index's name.
    """
    return backends.get("elasticsearch").rebuild(
        prepared_documents(), progress=progress
    )


def searchable_count() -> int:
    return sum(d.get_queryset().count() for d in registry.documents())


def prepared_documents() -> Iterator[PreparedDocument]:
    for document in registry.documents():
        for obj in document.get_queryset().iterator(chunk_size=200):
            yield document.prepare(obj)


def _backends():
    names = ["database"]
    if settings.ELASTICSEARCH_URL:
        names.append("elasticsearch")
    return [backends.get(name) for name in names]
