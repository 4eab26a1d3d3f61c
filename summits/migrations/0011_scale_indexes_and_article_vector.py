"""Issue 15, an archive of 20,000 summits: an index for every filter and ordering of the public
pages, and an article's search vector stored like the other models' (it was an expression
recomputed over every matching article's text whenever a search ranked them).

- Summits: published ones newest first, all of them or one host's (partial indexes in the order
  of ``Summit.Meta.ordering``, so that a page reads 20 rows of an index instead of sorting all;
  SQL of their own, as SQLite takes no NULLS LAST in an index).
- Attendances by participant and by country; statements and agreements by review status and
  summit (what readers see, counted from the index), statements by speaker.
- Articles: ``search_vector`` filled from the title (A) and the text (B) with a GIN index of its
  own, in place of migration 0008's index on the expression (PostgreSQL; SQLite keeps FTS5).
"""

import django.contrib.postgres.search
from django.db import migrations, models

CONFIG = "summits_english"
ARTICLE_VECTOR_SQL = (
    f"setweight(to_tsvector('{CONFIG}'::regconfig, COALESCE(title, '')), 'A')"
    f" || setweight(to_tsvector('{CONFIG}'::regconfig, COALESCE(text, '')), 'B')"
)


# Summit.Meta.ordering, for published summits: all of them, and one host's.
SUMMIT_ORDER_INDEXES = {
    "summit_published_newest_idx": "",
    "summit_host_newest_idx": "country_id, ",
}


def create_summit_order_indexes(apps, schema_editor):
    # PostgreSQL puts NULLs first in a descending index unless told, and reads a deep page's
    # ids from the index alone if it holds them; SQLite has NULLs last already, takes no NULLS
    # LAST in an index, and every index of it holds the rowid (the id).
    postgresql = schema_editor.connection.vendor == "postgresql"
    nulls_last, include = (" NULLS LAST", " INCLUDE (id)") if postgresql else ("", "")
    for name, leading in SUMMIT_ORDER_INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON summits_summit "
            f"({leading}start_date DESC{nulls_last}, created_at DESC){include} WHERE status = 'published'"
        )


def drop_summit_order_indexes(apps, schema_editor):
    for name in SUMMIT_ORDER_INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


def store_article_vectors(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"UPDATE summits_article SET search_vector = {ARTICLE_VECTOR_SQL}")
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS summits_article_vector_gin ON summits_article USING GIN (search_vector)"
    )
    schema_editor.execute("DROP INDEX IF EXISTS summits_article_search_gin")


def compute_article_vectors(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS summits_article_vector_gin")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS summits_article_search_gin ON summits_article USING GIN (({ARTICLE_VECTOR_SQL}))"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("summits", "0010_import_job"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddIndex(
            model_name="agreement",
            index=models.Index(fields=["review_status", "summit"], name="agreement_review_summit_idx"),
        ),
        migrations.AddIndex(
            model_name="attendance",
            index=models.Index(fields=["participant", "summit"], name="attendance_participant_idx"),
        ),
        migrations.AddIndex(
            model_name="attendance",
            index=models.Index(fields=["country", "summit"], name="attendance_country_idx"),
        ),
        migrations.AddIndex(
            model_name="statement",
            index=models.Index(fields=["review_status", "summit"], name="statement_review_summit_idx"),
        ),
        migrations.AddIndex(
            model_name="statement",
            index=models.Index(fields=["speaker", "review_status"], name="statement_speaker_review_idx"),
        ),
        migrations.RunPython(create_summit_order_indexes, drop_summit_order_indexes),
        migrations.RunPython(store_article_vectors, compute_article_vectors),
    ]
