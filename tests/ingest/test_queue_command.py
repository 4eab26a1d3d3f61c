"""``manage.py import_article --queue``: the files are read and checked here, then queued as one
import job each for the workers; all or nothing."""

import datetime as dt
import getpass
import json
import sys
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django_tasks_db.models import DBTaskResult

from summits import ingest
from summits.models import Article, ImportJob, Summit
from tests.test_settings import run

from .conftest import ARTICLE, row_counts, run_worker

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fixed_extraction", "database_queue")]


@pytest.fixture
def queue(django_capture_on_commit_callbacks):
    """Run the command as a shell would (its transaction committed); (stdout, stderr, error)."""

    def run(*args) -> tuple[str, str, str | None]:
        stdout, stderr = StringIO(), StringIO()
        error = None
        with django_capture_on_commit_callbacks(execute=True):
            try:
                call_command("import_article", "--queue", *map(str, args), stdout=stdout, stderr=stderr)
            except CommandError as exc:  # the command's exit status is 1
                error = str(exc)
        return stdout.getvalue(), stderr.getvalue(), error

    return run


def test_queues_one_job_per_file_of_a_directory_and_says_so(queue, articles):
    stdout, stderr, error = queue(articles, "--publish", "--published", "2017-05-04")

    assert (stderr, error) == ("", None)
    first, second = ImportJob.objects.order_by("pk")
    assert [first.origin, second.origin] == [str(articles / "a_first.txt"), str(articles / "b_second.txt")]
    assert stdout.splitlines() == [
        f"{articles / 'a_first.txt'}: queued as import job {first.pk}",
        f"{articles / 'b_second.txt'}: queued as import job {second.pk}",
        "Queued 2 import jobs. The workers (manage.py db_worker) run them; editors follow them in the admin "
        "under Import jobs.",
    ]
    assert (first.text, first.status, first.publish, first.published) == (
        ARTICLE,
        "queued",
        True,
        dt.date(2017, 5, 4),
    )
    assert sorted(DBTaskResult.objects.values_list("args_kwargs", flat=True), key=str) == sorted(
        [{"args": [first.pk], "kwargs": {}}, {"args": [second.pk], "kwargs": {}}], key=str
    )
    assert set(row_counts().values()) == {0}  # nothing imported until a worker runs the jobs


def test_a_worker_imports_the_queued_files_with_the_commands_provenance(queue, articles):
    queue(articles / "a_first.txt", "--approve", "--title", "Leaders meet")

    assert run_worker() == 1

    job = ImportJob.objects.get()
    article = Article.objects.get()
    assert (job.status, job.article, article.title) == ("done", article, "Leaders meet")
    record = article.history.get()
    assert record.history_user is None
    how = f"import by manage.py import_article --queue ({getpass.getuser()})"
    assert job.how == how
    assert record.history_change_reason == f"{how.capitalize()} (extractor {ingest.extractor_version()})"
    assert Summit.objects.get().statements.filter(review_status="approved").count() == 2


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("missing.txt", "no such file or directory"),
        ("empty", "no articles (*.txt, *.html, *.sgml...) in this directory"),
        ("blank.txt", "empty: there is no text"),
        ("picture.txt", "binary file, not text"),
    ],
)
def test_a_file_that_cannot_be_imported_queues_nothing_and_exits_non_zero(
    queue, articles, tmp_path, name, reason
):
    (tmp_path / "empty").mkdir()
    (tmp_path / "blank.txt").write_text("   \n")
    (tmp_path / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")

    stdout, stderr, error = queue(articles / "a_first.txt", tmp_path / name, articles / "b_second.txt")

    assert stderr.splitlines() == [f"{tmp_path / name}: {reason}"]
    assert error == "1 of 3 cannot be imported; nothing was queued."
    assert stdout == ""
    assert not ImportJob.objects.exists() and not DBTaskResult.objects.exists()


def test_queue_and_dry_run_cannot_be_given_together(queue, articles):
    _, _, error = queue(articles, "--dry-run")

    assert error == "--queue and --dry-run cannot be given together: a dry run queues nothing."
    assert not ImportJob.objects.exists()


def test_json_lists_the_jobs_queued(queue, articles):
    stdout, _, _ = queue(articles / "a_first.txt", "--format", "json")

    job = ImportJob.objects.get()
    assert json.loads(stdout) == {"queued": [{"path": str(articles / "a_first.txt"), "job": job.pk}]}


def test_a_bad_path_makes_the_command_exit_with_status_1(tmp_path):
    database = {"DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    migrate = run(sys.executable, "manage.py", "migrate", "-v0", **database)
    assert migrate.returncode == 0, migrate.stderr

    result = run(
        sys.executable, "manage.py", "import_article", "--queue", str(tmp_path / "nowhere.txt"), **database
    )

    assert result.returncode == 1
    assert f"{tmp_path / 'nowhere.txt'}: no such file or directory" in result.stderr
    assert "1 of 1 cannot be imported; nothing was queued." in result.stderr
