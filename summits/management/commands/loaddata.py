"""Django's ``loaddata``, followed by a rebuild of the search index.

The loader saves rows raw, so the after-commit indexing (summits/signals.py) does not see them:
without the rebuild, loaded summits, statements and articles could not be found by search.
"""

from django.core.management.commands import loaddata
from django.db import transaction

from summits.search import rebuild_search_index


class Command(loaddata.Command):
    help = loaddata.Command.help + " Then rebuild the search index."

    def handle(self, *fixture_labels, **options):
        super().handle(*fixture_labels, **options)
        if self.loaded_object_count:
            with transaction.atomic(using=self.using):
                rebuild_search_index()
