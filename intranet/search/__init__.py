"""Site-wide search: one interface over a database and an Elasticsearch backend.

Apps make their models searchable with a `SearchDocument` in `<app>/documents.py`
registered through `registry.register`; `search` and `suggest` answer queries,
and changes reach the indexes through the outbox (see `signals`).
"""

from .documents import PageDocument, PreparedDocument, SearchDocument
from .service import query_log_record, search, suggest

__all__ = [
    "PageDocument",
    "PreparedDocument",
    "SearchDocument",
    "query_log_record",
    "search",
    "suggest",
]
