"""Rebuild the full-text index: the search vectors on PostgreSQL, the FTS5 tables on SQLite."""

from django.core.management.base import BaseCommand
from django.db import transaction

from summits.search import rebuild_search_index


class Command(BaseCommand):
    help = "Reindex every summit, statement, agreement and article for search (after bulk changes)."

    def handle(self, *args, **options):
        with transaction.atomic():
            rebuild_search_index()
        self.stdout.write(self.style.SUCCESS("Search index rebuilt."))
