"""The table of the database cache, which holds the API throttle's counts shared by every worker.

Made whatever cache is configured, so that a site moving from Redis back to the database cache
finds it; ``createcachetable`` skips a table that exists.
"""

from django.core.management import call_command
from django.db import migrations

CACHE_TABLE = "summits_cache"  # settings.CACHE_TABLE


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", CACHE_TABLE, database=schema_editor.connection.alias, verbosity=0)


def drop_cache_table(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(CACHE_TABLE)}")


class Migration(migrations.Migration):
    dependencies = [("summits", "0008_search_everywhere")]

    operations = [migrations.RunPython(create_cache_table, drop_cache_table)]
