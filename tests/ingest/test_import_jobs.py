"""Imports in the background (summits/tasks.py): a queued job imports its article through the
import service, the database queue holds it until a worker runs it, and a failed attempt is
tried again when the database was to blame, never when the article was."""

import logging
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import connection
from django.db.utils import OperationalError
from django_tasks_db.models import DBTaskResult

from summits import ingest, services, tasks
from summits.models import Article, ImportJob, Statement, Summit

from .conftest import ARTICLE, REFUSAL, batch_worker, row_counts, run_worker
from .test_database_loss import terminate_this_connection

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fixed_extraction")]

FILES = Path(__file__).parent / "files"
NO_MEETING = "Torres gave a speech to the nation in Lima."
DATABASE_GONE = "server closed the connection unexpectedly\n\tThis probably means the server terminated"


@pytest.fixture
def queue(django_capture_on_commit_callbacks):
    """Queue an article as the admin does, and commit: the job is handed to the queue."""

    def queue_article(text: str = ARTICLE, **options) -> ImportJob:
        options.setdefault("origin", "admin upload")
        options.setdefault("how", "import in the admin")
        with django_capture_on_commit_callbacks(execute=True):
            job = services.queue_import(source=ingest.read_pasted(text), **options)
        job.refresh_from_db()
        return job

    return queue_article


def database_fails(monkeypatch, times: int) -> list:
    """The database goes away while the article is being written (its Article row saved, the
    transaction open), ``times`` times; then it is back."""
    write = ingest._write
    failures = []

    def write_or_fail(result, extraction, **kwargs):
        if len(failures) < times:
            failures.append(result.article.pk)
            raise OperationalError(DATABASE_GONE)
        return write(result, extraction, **kwargs)

    monkeypatch.setattr(ingest, "_write", write_or_fail)
    return failures


def test_a_job_imports_its_article_through_the_import_service_with_its_provenance(queue, editor):
    job = queue(by=editor, title="Sochi talks", approve=True, url="https://news.example.org/1")

    assert (job.status, job.attempts, job.outcome, job.error) == ("done", 1, "created", "")
    article, summit = Article.objects.get(), Summit.objects.get()
    assert (job.article, job.summit, job.summit_created) == (article, summit, True)
    assert job.counts == {
        "added": 3,
        "refreshed": 0,
        "kept": 0,
        "skipped": 0,
        "removed": 0,
        "merged": 0,
        "duplicates_proposed": 0,
        "participants_created": 2,
        "participants_proposed": 0,
    }
    assert job.started_at <= job.finished_at
    assert (article.title, article.url, summit.status) == (
        "Sochi talks",
        "https://news.example.org/1",
        "draft",
    )
    assert set(Statement.objects.values_list("review_status", flat=True)) == {"approved"}
    # who imported and with which extractor, as an import in the admin has always recorded it
    records = [*article.history.all(), *summit.history.all(), *Statement.history.all()]
    assert {record.history_user for record in records} == {editor}
    assert {record.history_change_reason for record in records if record.history_type == "+"} == {
        f"Import in the admin (extractor {ingest.extractor_version()})"
    }


def test_a_job_is_handed_to_the_queue_only_once_its_transaction_commits(
    database_queue, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        job = services.queue_import(source=ingest.read_pasted(ARTICLE), origin="admin upload", how="import")
    assert not DBTaskResult.objects.exists()  # a rolled-back job would never reach a worker

    (send,) = callbacks
    send()

    (task,) = DBTaskResult.objects.all()
    job.refresh_from_db()
    assert (job.status, job.task_id, task.args_kwargs) == (
        "queued",
        str(task.id),
        {"args": [job.pk], "kwargs": {}},
    )


def test_the_database_queue_holds_a_job_until_a_worker_runs_it(queue, database_queue):
    job = queue()

    assert job.status == "queued" and set(row_counts().values()) == {0}
    assert run_worker() == 1

    job.refresh_from_db()
    task = DBTaskResult.objects.get()
    assert (job.status, job.attempts, job.task_id) == ("done", 1, str(task.id))
    assert (task.status, task.return_value) == (
        "SUCCESSFUL",
        {"job": job.pk, "status": "done", "attempts": 1},
    )
    assert Article.objects.count() == 1


def test_a_job_the_database_failed_is_tried_again_until_it_succeeds(queue, database_queue, monkeypatch):
    failures = database_fails(monkeypatch, times=2)
    job = queue()

    assert run_worker() == 3

    job.refresh_from_db()
    assert len(failures) == 2
    assert (job.status, job.attempts, job.error) == ("done", 3, "")
    assert Article.objects.count() == 1 and Statement.objects.count() == 2
    assert list(DBTaskResult.objects.values_list("status", flat=True)) == ["SUCCESSFUL"] * 3


def test_a_job_the_database_always_fails_is_tried_again_n_times_then_failed_with_its_error(
    queue, database_queue, settings, monkeypatch
):
    settings.SUMMITS_IMPORT_RETRIES = 2
    database_fails(monkeypatch, times=100)
    job = queue()

    assert run_worker() == 3  # the first attempt and two more

    job.refresh_from_db()
    assert (job.status, job.failure, job.attempts) == ("failed", "database", 3)
    assert job.error == "database unavailable: server closed the connection unexpectedly"
    last = DBTaskResult.objects.order_by("enqueued_at").last()
    assert (last.status, last.exception_class_path) == ("FAILED", "django.db.utils.OperationalError")
    assert job.task_id == str(last.id)
    assert set(row_counts().values()) == {0}  # every attempt was rolled back whole


def test_each_retry_waits_twice_as_long_as_the_one_before(queue, database_queue, settings, monkeypatch):
    settings.SUMMITS_IMPORT_RETRY_DELAY = 30
    database_fails(monkeypatch, times=100)
    job = queue()

    for attempt, delay in [(1, 30), (2, 60)]:
        assert run_worker() == 1  # the retry is not due yet: the worker leaves it
        job.refresh_from_db()
        assert (job.status, job.attempts) == ("queued", attempt)
        assert job.error.startswith("database unavailable")
        retry = DBTaskResult.objects.get(status="READY")
        waits = retry.run_after - retry.enqueued_at
        assert timedelta(seconds=delay - 5) < waits <= timedelta(seconds=delay)
        DBTaskResult.objects.filter(pk=retry.pk).update(run_after=retry.enqueued_at)  # time passes


def test_an_article_that_reports_no_meeting_fails_at_once_with_the_reason(queue, database_queue):
    job = queue(NO_MEETING)

    assert run_worker() == 1  # no second attempt

    job.refresh_from_db()
    assert (job.status, job.failure, job.attempts, job.error) == ("failed", "refused", 1, REFUSAL)
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"  # the job said why; not a crash
    assert set(row_counts().values()) == {0}


def test_an_article_the_archive_rejects_fails_at_once_with_the_reason(queue, database_queue, settings):
    job = queue()
    settings.SUMMITS_MAX_ARTICLE_BYTES = 100  # lowered while the job waited

    assert run_worker() == 1

    job.refresh_from_db()
    assert (job.status, job.failure, job.attempts) == ("failed", "rejected", 1)
    assert job.error == f"too large: {len(ARTICLE.encode())} bytes, an article may have at most 100"
    assert set(row_counts().values()) == {0}


def test_an_unexpected_error_fails_at_once_and_is_logged_with_its_traceback(
    queue, database_queue, monkeypatch, caplog
):
    def broken(*args, **kwargs):
        raise RuntimeError("the parser ran out of memory")

    monkeypatch.setattr("summits.ingest.run_extraction", broken)
    job = queue()

    assert run_worker() == 1

    job.refresh_from_db()
    assert (job.status, job.failure, job.attempts) == ("failed", "error", 1)
    assert job.error == "RuntimeError: the parser ran out of memory"
    task = DBTaskResult.objects.get()
    assert (task.status, task.exception_class_path) == ("FAILED", "builtins.RuntimeError")
    (record,) = [r for r in caplog.records if getattr(r, "event", "") == "article_failed"]
    assert record.levelno == logging.ERROR and record.exc_info


def test_a_task_delivered_twice_runs_its_job_once(queue, database_queue):
    job = queue()
    tasks.run_import_job.enqueue(job.pk)  # a queue may deliver a task again

    assert run_worker() == 2

    job.refresh_from_db()
    assert (job.status, job.attempts) == ("done", 1)
    assert Article.objects.count() == 1
    second = DBTaskResult.objects.order_by("enqueued_at").last()
    assert second.return_value == {"job": job.pk, "status": "done"}


def test_a_job_the_queue_does_not_take_is_failed_not_left_queued(queue, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["elsewhere"]}}

    job = queue()

    assert (job.status, job.failure) == ("failed", "error")
    assert job.error == "could not be queued: Queue 'default' is not valid for backend."
    assert not DBTaskResult.objects.exists()


def test_import_anyway_queues_a_refused_article_again_allowing_no_meeting(
    queue, editor, django_capture_on_commit_callbacks
):
    refused = queue(NO_MEETING, published=None, title="A speech")

    with django_capture_on_commit_callbacks(execute=True):
        again = services.import_anyway(job=refused, by=editor)

    again.refresh_from_db()
    assert (again.status, again.allow_no_meeting, again.requested_by) == ("done", True, editor)
    assert (again.text, again.title, again.label) == (refused.text, "A speech", refused.label)
    assert Article.objects.get().title == "A speech"
    with pytest.raises(ValueError, match="not refused"):
        services.import_anyway(job=again, by=editor)


@pytest.mark.parametrize("name", ["crlf.txt", "cp1252_curly_quotes.txt", "html_entities.txt"])
def test_a_queued_file_is_imported_as_the_command_imports_it(name, django_capture_on_commit_callbacks):
    source = ingest.read_article(FILES / name)

    with django_capture_on_commit_callbacks(execute=True):
        services.queue_import(source=source, origin=name, how="import", allow_no_meeting=True)

    article = Article.objects.get()
    assert (article.text, article.source_format) == (source.text, source.format)
    assert article.original == (source.original if source.original != source.text else "")


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="terminates a PostgreSQL server process")
def test_a_real_connection_loss_is_retried_by_the_worker_on_a_new_connection(database_queue, monkeypatch):
    """The worker loop itself (db_worker --batch, without its signal handlers), committing as it
    goes: the server drops the import's connection while the article is being written."""
    lost = database_fails_once_for_real(monkeypatch)
    job = services.queue_import(source=ingest.read_pasted(ARTICLE), origin="admin upload", how="import")

    batch_worker("pytest").run()

    job.refresh_from_db()
    assert lost == [True]
    assert (job.status, job.attempts) == ("done", 2)
    assert Article.objects.count() == 1 and Statement.objects.count() == 2
    assert list(DBTaskResult.objects.values_list("status", flat=True)) == ["SUCCESSFUL"] * 2


def database_fails_once_for_real(monkeypatch) -> list:
    write = ingest._write
    lost = []

    def write_or_lose_connection(result, extraction, **kwargs):
        if not lost:
            lost.append(True)
            terminate_this_connection()
        return write(result, extraction, **kwargs)

    monkeypatch.setattr(ingest, "_write", write_or_lose_connection)
    return lost
