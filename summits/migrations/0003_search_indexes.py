"""GIN indexes on the full-text search vectors; PostgreSQL only (SQLite searches with LIKE)."""

from django.db import migrations

TABLES = ("summits_summit", "summits_statement", "summits_agreement")


def create_gin_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {table}_search_gin ON {table} USING GIN (search_vector)"
        )


def drop_gin_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {table}_search_gin")


class Migration(migrations.Migration):
    dependencies = [("summits", "0002_seed_countries")]

    operations = [migrations.RunPython(create_gin_indexes, drop_gin_indexes)]
