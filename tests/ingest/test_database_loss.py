"""The database going away in the middle of a batch: that article is not written, the command says
so in one line, goes on with the rest on a new connection, and exits with an error."""

import logging
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.utils import OperationalError

from summits import ingest
from summits.models import Article, Statement, StatementSource

from .conftest import ARTICLE, SECOND_ARTICLE, first_extraction

THIRD_ARTICLE = ARTICLE + " The talks went on into the night."
SECOND_STATEMENT = "Our relationship has fully recovered,"  # only in SECOND_ARTICLE


@pytest.fixture
def batch(tmp_path, fixed_extraction):
    fixed_extraction[THIRD_ARTICLE] = first_extraction(THIRD_ARTICLE)
    for name, text in [
        ("a_first.txt", ARTICLE),
        ("b_second.txt", SECOND_ARTICLE),
        ("c_third.txt", THIRD_ARTICLE),
    ]:
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def fail_second_article_once(monkeypatch, fail):
    """Call ``fail()`` while the second article is being written: its Article row is saved, its
    statements are not yet, and the transaction is open."""
    write = ingest._write
    failed = []

    def write_or_fail(result, extraction, **kwargs):
        if result.article.text == SECOND_ARTICLE and not failed:
            failed.append(result.article.pk)
            fail()
        return write(result, extraction, **kwargs)

    monkeypatch.setattr(ingest, "_write", write_or_fail)
    return failed


def run_batch(folder, *options) -> tuple[str, str]:
    stdout, stderr = StringIO(), StringIO()
    with pytest.raises(CommandError) as error:  # the command's exit status is 1
        call_command("import_article", str(folder), *options, stdout=stdout, stderr=stderr)
    return stderr.getvalue(), str(error.value), stdout.getvalue()


def assert_second_article_absent_and_others_imported():
    assert sorted(Article.objects.values_list("text", flat=True)) == sorted([ARTICLE, THIRD_ARTICLE])
    assert not Statement.objects.filter(text=SECOND_STATEMENT).exists()
    # the third article repeats the first's two quotations: it is their further source
    assert StatementSource.objects.filter(article__text=THIRD_ARTICLE).count() == 2


@pytest.mark.django_db
def test_an_operational_error_fails_that_article_alone_in_one_line(batch, monkeypatch, caplog):
    def server_goes_away():
        raise OperationalError("server closed the connection unexpectedly\n\tThis probably means...")

    failed = fail_second_article_once(monkeypatch, server_goes_away)

    stderr, error, stdout = run_batch(batch)

    assert failed  # the Article row had been saved when the error came
    assert_second_article_absent_and_others_imported()
    assert stderr.splitlines() == [
        f"{batch / 'b_second.txt'}: failed (database unavailable: server closed the connection unexpectedly)"
    ]
    assert "Traceback" not in stderr
    assert error == f"1 of 3 not imported: {batch / 'b_second.txt'}"
    assert "Articles: 2 created, 0 updated, 0 unchanged, 0 refused, 1 failed." in stdout
    (record,) = [r for r in caplog.records if getattr(r, "event", "") == "article_failed"]
    assert (record.error, record.database_unavailable) == ("OperationalError", True)
    assert not record.exc_info  # a database that went away is said in one line


@pytest.mark.django_db
def test_traceback_shows_the_traceback_on_request(batch, monkeypatch):
    def server_goes_away():
        raise OperationalError("server closed the connection unexpectedly")

    fail_second_article_once(monkeypatch, server_goes_away)

    stderr, _, _ = run_batch(batch, "--traceback")

    assert "Traceback (most recent call last)" in stderr
    assert stderr.rstrip().endswith(
        "failed (database unavailable: server closed the connection unexpectedly)"
    )


def terminate_this_connection():
    """What a database restart does to the import's connection, from another connection."""
    import psycopg

    pid = connection.connection.info.backend_pid
    params = connection.settings_dict
    with psycopg.connect(
        dbname=params["NAME"],
        user=params["USER"] or None,
        host=params["HOST"] or None,
        port=params["PORT"] or None,
        password=params["PASSWORD"] or None,
        autocommit=True,
    ) as admin:
        # The second argument waits (up to 5 s) until the process is gone.
        assert admin.execute("SELECT pg_terminate_backend(%s, 5000)", [pid]).fetchone() == (True,)


def terminate_before_second_article(monkeypatch):
    """Between two articles: the second one's first query, outside any transaction, finds the
    connection gone (Django closes a connection itself only when a rollback fails)."""
    read_article = ingest.read_article

    def read_or_terminate(path):
        if path.name == "b_second.txt":
            terminate_this_connection()
        return read_article(path)

    monkeypatch.setattr(ingest, "read_article", read_or_terminate)


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="terminates a PostgreSQL server process")
@pytest.mark.parametrize("when", ["while writing", "before the first query"])
def test_a_real_connection_loss_fails_one_article_and_the_next_reconnects(batch, monkeypatch, when):
    if when == "while writing":
        assert fail_second_article_once(monkeypatch, terminate_this_connection) == []  # not yet
    else:
        terminate_before_second_article(monkeypatch)

    stderr, error, _ = run_batch(batch)

    lines = stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(
        f"{batch / 'b_second.txt'}: failed (database unavailable: "
    )
    assert error == f"1 of 3 not imported: {batch / 'b_second.txt'}"
    assert_second_article_absent_and_others_imported()


@pytest.mark.django_db(transaction=True)
def test_without_a_database_every_article_fails_in_one_line_each(batch, monkeypatch, caplog):
    caplog.set_level(logging.CRITICAL, logger="summits")  # only the command's own lines here

    def no_database(*args, **kwargs):
        raise OperationalError('connection to server at "127.0.0.1", port 5432 failed: Connection refused')

    monkeypatch.setattr(ingest.Article.objects, "filter", no_database)  # the first query of each import

    stderr, error, _ = run_batch(batch)

    assert stderr.splitlines() == [
        f"{batch / name}: failed (database unavailable: connection to server at "
        '"127.0.0.1", port 5432 failed: Connection refused)'
        for name in ["a_first.txt", "b_second.txt", "c_third.txt"]
    ]
    assert error.startswith("3 of 3 not imported")
