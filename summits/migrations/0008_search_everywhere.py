"""Search that finds: accents folded, stems, phrases and prefixes on both databases.

- PostgreSQL: the unaccent and pg_trgm extensions; the ``summits_english`` text search
  configuration (unaccent, then English stemming) that every vector and query now uses; a GIN
  index on the articles' weighted vector (an expression: an article's text never changes); the
  vectors rebuilt with the new configuration.
- SQLite: one FTS5 table per kind, filled from what the archive holds.
"""

from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations

CONFIG = "summits_english"

# The expression summits.search.article_vector() compiles to; the planner uses the index only
# for this very expression.
ARTICLE_VECTOR_SQL = (
    f"(setweight(to_tsvector('{CONFIG}'::regconfig, COALESCE(title, '')), 'A')"
    f" || setweight(to_tsvector('{CONFIG}'::regconfig, COALESCE(text, '')), 'B'))"
)


def create_search_structures(apps, schema_editor):
    from summits import search  # the documents are the ones the app writes; see its docstring

    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(
            "DO $$ BEGIN "
            f"CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = english); "
            "EXCEPTION WHEN duplicate_object THEN NULL; "
            "END $$"
        )
        schema_editor.execute(
            f"ALTER TEXT SEARCH CONFIGURATION {CONFIG} "
            "ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem"
        )
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS summits_article_search_gin "
            f"ON summits_article USING GIN ({ARTICLE_VECTOR_SQL})"
        )
        # the models that had a vector then (an article's is stored from migration 0011 on)
        for model in (search.Summit, search.Statement, search.Agreement):
            model.objects.update(search_vector=search.VECTORS[model]())
    elif vendor == "sqlite":
        for table in search.FTS_TABLES.values():
            schema_editor.execute(table.create_sql())
        search.rebuild_search_index()


def drop_search_structures(apps, schema_editor):
    from summits import search

    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS summits_article_search_gin")
        # emptied with the configuration they were built with: rebuild them after going back
        for table in ("summits_summit", "summits_statement", "summits_agreement"):
            schema_editor.execute(f"UPDATE {table} SET search_vector = NULL")
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG}")
    elif vendor == "sqlite":
        for table in search.FTS_TABLES.values():
            schema_editor.execute(f"DROP TABLE IF EXISTS {table.name}")


class Migration(migrations.Migration):
    dependencies = [("summits", "0007_summit_kind_and_venue")]

    operations = [
        UnaccentExtension(),
        TrigramExtension(),
        migrations.RunPython(create_search_structures, drop_search_structures),
    ]
