"""Backups: a populated archive, its edit history included, survives a backup and a restore, and a
dumpdata/loaddata round trip, with nothing lost."""

import datetime as dt
import importlib
import time
from io import StringIO
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.db import connection

from summits import backup, search, services
from summits.models import Agreement, Country, Participant, ReviewStatus, Statement, Summit
from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)

on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_dump/pg_restore: PostgreSQL")
on_sqlite = pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite online backup API")
# Each test must finish well within this (the brief: bounded in time).
TIME_LIMIT_SECONDS = 20


@pytest.fixture(autouse=True)
def seeded_countries(django_db_blocker):
    """Transactional tests end with a flush that empties the country table the migrations seeded;
    each test here and those that run later expect it."""
    migration = importlib.import_module("summits.migrations.0002_seed_countries")
    with django_db_blocker.unblock():
        migration.seed_countries(apps, SimpleNamespace(connection=connection))
    yield
    with django_db_blocker.unblock():
        migration.seed_countries(apps, SimpleNamespace(connection=connection))


@pytest.fixture
def timed():
    started = time.monotonic()
    yield
    assert time.monotonic() - started < TIME_LIMIT_SECONDS


def build_archive() -> None:
    """A published summit whose items were reviewed and whose speakers were merged: history rows
    of every kind (created, changed, deleted; with m2m history of topics and parties)."""
    editor = factories.EditorFactory()
    summit = factories.SummitFactory(status=Summit.Status.DRAFT)
    summit.topics.add(factories.TopicFactory(name="trade"), factories.TopicFactory(name="security"))
    kept_speaker = factories.ParticipantFactory(name="Vladimir Putin", slug="vladimir-putin")
    factories.AttendanceFactory(summit=summit, participant=kept_speaker)
    said = factories.StatementFactory(summit=summit, speaker=kept_speaker, review_status=ReviewStatus.PENDING)
    not_said = factories.StatementFactory(summit=summit, speaker=kept_speaker, review_status="pending")
    factories.AgreementFactory(summit=summit, review_status=ReviewStatus.PENDING, parties=["RU", "TR"])
    duplicate = factories.ParticipantFactory(name="V. Putin", slug="v-putin", title="Head of State")
    factories.AttendanceFactory(summit=summit, participant=duplicate)
    factories.StatementFactory(summit=summit, speaker=duplicate)
    factories.AliasFactory(participant=duplicate, name="Putin")

    services.reject_items(items=Statement.objects.filter(pk=not_said.pk), why="not said", by=editor)
    services.publish_summits(summits=Summit.objects.filter(pk=summit.pk), approve_pending=True, by=editor)
    services.set_kind(statement=said, kind=Statement.Kind.INDIRECT, by=editor)
    services.merge_participants(keep=kept_speaker, merge=duplicate, by=editor)
    agreement = Agreement.objects.get()
    agreement.countries.remove(Country.objects.get(code="TR"))

    # The archive really holds history of each kind, m2m history included.
    assert Summit.history.filter(history_change_reason="Published").exists()
    assert Participant.history.filter(history_type="-").exists()
    assert apps.get_model("summits", "HistoricalSummit_topics").objects.exists()
    assert apps.get_model("summits", "HistoricalAgreement_countries").objects.exists()


def table_rows(table: str, *, columns: str = "*") -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns} FROM {connection.ops.quote_name(table)}")
        return sorted(cursor.fetchall(), key=repr)


def every_table() -> dict[str, list[tuple]]:
    """Every row of every table of the database, as the database holds it."""
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
    return {table: table_rows(table) for table in tables}


def alter_everything() -> None:
    """What a bad day does to an archive: rows deleted, changed and added, history included."""
    Summit.objects.all().delete()
    Participant.objects.update(name="Someone Else")
    factories.SummitFactory(title="A summit that never was")
    Summit.history.filter(history_type="+").delete()


def assert_unchanged(before: dict[str, list[tuple]], after: dict[str, list[tuple]]) -> None:
    assert sorted(after) == sorted(before)
    differing = {table: (before[table], after[table]) for table in before if after[table] != before[table]}
    assert differing == {}


@on_postgresql
def test_pg_dump_and_pg_restore_bring_back_every_row(tmp_path, timed):
    build_archive()
    before = every_table()
    assert before["summits_historicalsummit_topics"] and before["summits_historicalparticipant"]

    written = backup.backup(tmp_path / "archive.dump")
    assert written.path.read_bytes().startswith(b"PGDMP") and written.size > 0
    alter_everything()
    assert every_table() != before
    backup.restore(written.path)

    assert_unchanged(before, every_table())
    # The restored database takes new rows: its sequences came back too.
    factories.SummitFactory()


@on_sqlite
def test_the_sqlite_backup_api_brings_back_every_row(tmp_path, timed):
    build_archive()
    before = every_table()
    assert any(table.endswith("_fts") for table in before), "the FTS5 index is part of the backup"

    written = backup.backup(tmp_path / "archive.sqlite3")
    assert written.path.read_bytes().startswith(b"SQLite format 3\x00")
    alter_everything()
    assert every_table() != before
    backup.restore(written.path)

    assert_unchanged(before, every_table())


def test_the_commands_write_a_backup_where_asked_and_restore_it(tmp_path, monkeypatch, timed):
    build_archive()
    monkeypatch.setattr(backup, "BACKUP_DIR", tmp_path / "backups")
    out = StringIO()

    call_command("backup", stdout=out)

    [written] = (tmp_path / "backups").iterdir()
    extension = {"postgresql": "dump", "sqlite": "sqlite3"}[connection.vendor]
    assert written.name.startswith("summit-archive-") and written.suffix == f".{extension}"
    assert f"Backup written to {written} (" in out.getvalue()

    Summit.objects.all().delete()
    call_command("restore", written, interactive=False, stdout=StringIO())
    assert Summit.objects.count() == 1
    assert Summit.history.filter(history_change_reason="Published").exists()


def test_a_restore_asks_first_and_does_nothing_unless_told_yes(tmp_path, monkeypatch, timed):
    build_archive()
    written = backup.backup(tmp_path / f"archive.{backup.EXTENSIONS[connection.vendor]}").path
    Summit.objects.all().delete()
    monkeypatch.setattr("builtins.input", lambda prompt: "no")

    with pytest.raises(CommandError, match="cancelled"):
        call_command("restore", written, stdout=StringIO())

    assert not Summit.objects.exists()


@pytest.mark.parametrize(
    "content",
    [b"not a backup at all", b"PGDMP but broken", b"SQLite format 3\x00" + b"\x00" * 200],
    ids=["text", "broken-dump", "broken-sqlite"],
)
def test_a_restore_refuses_a_file_that_is_not_a_backup(tmp_path, content, timed):
    build_archive()
    before = every_table()
    bogus = tmp_path / "bogus.dump"
    bogus.write_bytes(content)

    with pytest.raises(CommandError):
        call_command("restore", bogus, interactive=False, stdout=StringIO())

    assert_unchanged(before, every_table())


def test_a_restore_refuses_a_database_that_is_not_an_archive(tmp_path, timed):
    import sqlite3

    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE notes (text)")

    with pytest.raises(CommandError, match="not"):
        call_command("restore", other, interactive=False, stdout=StringIO())


def test_a_restore_of_a_missing_file_says_so(tmp_path):
    with pytest.raises(CommandError, match="No backup file"):
        call_command("restore", tmp_path / "nowhere.dump", interactive=False, stdout=StringIO())


# --- dumpdata/loaddata: the portable path ---------------------------------------------------------

PORTABLE_DUMP = ["--natural-foreign", "-e", "contenttypes", "-e", "auth.permission"]


def model_tables() -> dict[str, list[tuple]]:
    """Every row of every model's table; an auto-created m2m table's rows without their own id
    (the loader links the two sides anew), content types by natural key (the loader's database
    numbers them itself), and on SQLite what the FTS5 index holds about them."""
    snapshot = {}
    for model in apps.get_models(include_auto_created=True):
        table = model._meta.db_table
        if model is ContentType:
            snapshot[table] = sorted(ContentType.objects.values_list("app_label", "model"))
        elif model._meta.auto_created:
            columns = ", ".join(
                connection.ops.quote_name(field.column)
                for field in model._meta.local_fields
                if not field.primary_key
            )
            snapshot[table] = table_rows(table, columns=columns)
        elif model._meta.label_lower not in {"auth.permission", "sessions.session"}:
            snapshot[table] = table_rows(table)
    if connection.vendor == "sqlite":
        # Rows of deleted items linger in the index until it is rebuilt (summits/search.py).
        for model, fts in search.FTS_TABLES.items():
            existing = set(model.objects.values_list("pk", flat=True))
            snapshot[fts.name] = [
                row for row in table_rows(fts.name, columns="rowid, *") if row[0] in existing
            ]
    return snapshot


def test_dumpdata_and_loaddata_bring_back_the_archive_and_its_history(tmp_path, timed):
    build_archive()
    before = model_tables()
    dump = tmp_path / "archive.json"

    call_command("dumpdata", *PORTABLE_DUMP, output=str(dump), stdout=StringIO())
    # A new database: empty tables, content types and permissions made afresh.
    call_command("flush", interactive=False)
    assert not Summit.history.exists()
    call_command("loaddata", str(dump), stdout=StringIO())

    assert_unchanged(before, model_tables())


def test_loading_rows_with_many_to_many_fields_adds_no_history(tmp_path):
    agreement = factories.AgreementFactory(parties=["RU", "TR"])
    factories.SummitFactory().topics.add(factories.TopicFactory())
    dump = tmp_path / "archive.json"
    call_command("dumpdata", "summits", output=str(dump), stdout=StringIO())
    history_rows = Agreement.history.count(), Summit.history.count()
    Agreement.objects.all().delete()
    Summit.objects.all().delete()
    Agreement.history.all().delete()
    Summit.history.all().delete()

    call_command("loaddata", str(dump), stdout=StringIO())

    assert (Agreement.history.count(), Summit.history.count()) == history_rows
    parties = Agreement.objects.get(pk=agreement.pk).countries.values_list("code", flat=True)
    assert set(parties) == {"RU", "TR"}


def test_dumpdata_keeps_times_to_the_microsecond(tmp_path):
    recorded = dt.datetime(2026, 11, 28, 8, 15, 30, 123456, tzinfo=dt.UTC)
    factories.SummitFactory().history.update(history_date=recorded)
    dump = tmp_path / "archive.json"
    call_command("dumpdata", "summits.historicalsummit", output=str(dump), stdout=StringIO())
    Summit.history.all().delete()

    call_command("loaddata", str(dump), stdout=StringIO())

    assert Summit.history.get().history_date == recorded
