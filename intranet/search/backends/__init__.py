"""The two search backends; `get` returns one by its settings name."""

from django.utils.module_loading import import_string

BACKENDS = {
    "database": "intranet.search.backends.database.DatabaseBackend",
    "elasticsearch": "intranet.search.backends.elasticsearch.ElasticsearchBackend",
}


def get(name: str):
    """Return a backend instance.

    :raises LookupError: if ``name`` is not "database" or "elasticsearch"
    """
    try:
        return import_string(BACKENDS[name])()
    except KeyError:
        raise LookupError(f"Unknown search backend {name!r}.") from None
