"""Rebuild the search indexes from every searchable object, showing progress."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from elasticsearch import ApiError, TransportError
from tqdm import tqdm

from intranet.search import indexing


class Command(BaseCommand):
    help = (
        "Rebuild the database search index and, when ELASTICSEARCH_URL is set, a "
        "new Elasticsearch index that replaces the live one without downtime."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--backend",
            choices=["all", "database", "elasticsearch"],
            default="all",
            help="Which index to rebuild (default: every configured one).",
        )

    def handle(self, *args, backend, **options):
        self.verbosity = options["verbosity"]
        total = indexing.searchable_count()
        if backend in ("all", "database"):
            with self._bar(total, "Database") as bar:
                count = indexing.search_rebuild_database(progress=bar.update)
            self.stdout.write(f"Database index: {count} documents.")
        if backend == "elasticsearch" or (
            backend == "all" and settings.ELASTICSEARCH_URL
        ):
            if not settings.ELASTICSEARCH_URL:
                raise CommandError("ELASTICSEARCH_URL is not set.")
            try:
                with self._bar(total, "Elasticsearch") as bar:
                    name = indexing.search_rebuild_elasticsearch(progress=bar.update)
            except (TransportError, ApiError) as exc:
                raise CommandError(f"Elasticsearch did not answer: {exc}") from exc
            self.stdout.write(f"Elasticsearch: the alias now points at {name}.")

    def _bar(self, total: int, label: str) -> tqdm:
        return tqdm(
            total=total,
            desc=label,
            unit="doc",
            file=self.stderr._out,
            disable=self.verbosity == 0,
        )
