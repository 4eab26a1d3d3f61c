"""The admin's "Import article" page: paste or upload, checked at once, imported in the
background; the job's page shows its progress, then what was imported or why not."""

import datetime as dt

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.utils import OperationalError
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from summits import ingest
from summits.models import Article, ImportJob, Statement, Summit
from tests import factories

from .conftest import ARTICLE, REFUSAL, first_extraction, row_counts, run_worker

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fixed_extraction")]

URL = reverse("admin:summits_article_import")
NO_MEETING = "Torres gave a speech to the nation in Lima."


@pytest.fixture
def submit(django_capture_on_commit_callbacks):
    """POST the import form as the browser does; the job is queued once the request's
    transaction commits (in the test settings a queued job runs at once, unless the test asks
    for the database queue)."""

    def post(client, **data):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(URL, {"published": "", "url": "", "title": "", "_import": "Import", **data})

    return post


def job_url(job: ImportJob) -> str:
    return reverse("admin:summits_importjob_change", args=[job.pk])


def job_page(client, job: ImportJob) -> str:
    response = client.get(job_url(job))
    assert response.status_code == 200
    return response.content.decode()


def test_the_article_list_links_to_the_import_page(editor_client):
    response = editor_client.get(reverse("admin:summits_article_changelist"))
    assert f'href="{URL}"' in response.content.decode()


def test_the_form_uses_the_admin_layout(editor_client):
    response = editor_client.get(URL)

    assert response.status_code == 200
    assert response.templates[0].name == "admin/summits/article/import_form.html"
    page = response.content.decode()
    assert "Summit Archive — editors" in page  # the admin's header, from each_context
    assert 'name="csrfmiddlewaretoken"' in page and 'enctype="multipart/form-data"' in page
    assert 'value="Import"' in page
    assert f'href="{reverse("admin:summits_article_changelist")}"' in page  # cancel


def test_the_import_returns_at_once_with_a_queued_job_and_extracts_nothing(
    editor_client, editor, submit, database_queue, monkeypatch
):
    extracted = []
    monkeypatch.setattr("summits.ingest.run_extraction", lambda text, **kwargs: extracted.append(text))

    response = submit(editor_client, text=ARTICLE.replace("\n", "\r\n"), url="https://news.example.org/1")

    job = ImportJob.objects.get()
    assert response.status_code == 302 and response.url == job_url(job)
    assert (job.status, job.attempts, job.requested_by, job.origin) == ("queued", 0, editor, "admin upload")
    assert job.text == ARTICLE and job.url == "https://news.example.org/1"
    (task,) = DBTaskResult.objects.all()
    assert (task.status, task.args_kwargs["args"], job.task_id) == ("READY", [job.pk], str(task.id))
    assert extracted == []  # the extraction waits for a worker
    assert set(row_counts().values()) == {0}
    page = job_page(editor_client, job)
    assert "Waiting for an import worker" in page and "is queued for import" in page
    assert '<meta http-equiv="refresh" content="3">' in page


def test_a_worker_completes_the_job_and_its_page_shows_what_was_found(editor_client, submit, database_queue):
    submit(editor_client, text=ARTICLE, published="2017-05-03", title="Sochi talks")

    assert run_worker() == 1

    job = ImportJob.objects.get()
    summit, article = Summit.objects.get(), Article.objects.get()
    assert (job.status, job.outcome, job.article, job.summit) == ("done", "created", article, summit)
    assert summit.status == Summit.Status.DRAFT
    assert article.title == "Sochi talks" and Statement.objects.count() == 2
    page = job_page(editor_client, job)
    assert "Imported “Sochi talks”: 3 statements and agreements in a new summit" in page
    assert f'href="{reverse("admin:summits_summit_change", args=[summit.pk])}"' in page
    assert f'href="{reverse("admin:summits_article_change", args=[article.pk])}"' in page
    assert f'href="{reverse("admin:summits_article_review", args=[article.pk])}"' in page
    for found in [
        "Sochi",
        "Recep Tayyip Erdogan",
        "We agreed to intensify the fight against terrorism",
        "Ankara and Moscow agreed to lift all trade restrictions",
    ]:
        assert found in page
    assert 'http-equiv="refresh"' not in page  # nothing left to wait for


def test_the_job_page_shows_a_ranges_first_and_last_day(editor_client, submit, fixed_extraction):
    found = fixed_extraction[ARTICLE].summit
    found.date, found.end_date, found.date_text = (
        dt.date(2016, 10, 25),
        dt.date(2016, 10, 27),
        "25 to 27 October 2016",
    )

    submit(editor_client, text=ARTICLE)

    page = job_page(editor_client, ImportJob.objects.get())
    assert "25–27 October 2016" in page and "25 to 27 October 2016" in page


def test_importing_again_changes_nothing_and_says_so(editor_client, submit):
    submit(editor_client, text=ARTICLE)
    before = row_counts()

    response = submit(editor_client, text=ARTICLE, publish="True")

    assert "already in the archive; nothing was changed" in editor_client.get(response.url).content.decode()
    assert row_counts() == before


def test_an_uploaded_file_is_queued_like_pasted_text(editor_client, submit):
    upload = SimpleUploadedFile("article.txt", ARTICLE.encode("utf-8"), content_type="text/plain")

    response = submit(editor_client, file=upload)

    job = ImportJob.objects.get()
    assert response.url == job_url(job)
    assert (job.text, job.encoding, job.status) == (ARTICLE, "utf-8", "done")


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (b"", "The submitted file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file"),
        (b"x" * 600, "too large"),
    ],
)
def test_bad_files_are_form_errors(editor_client, submit, settings, content, error):
    settings.SUMMITS_MAX_ARTICLE_BYTES = 500
    upload = SimpleUploadedFile("article.txt", content, content_type="text/plain")

    response = submit(editor_client, file=upload)

    assert response.status_code == 200
    assert error in " ".join(response.context["form"].errors["file"])
    assert not ImportJob.objects.exists() and set(row_counts().values()) == {0}


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"text": "   "}, "Paste the article"),
        (
            {"text": ARTICLE, "file": SimpleUploadedFile("a.txt", ARTICLE.encode())},
            "not both",
        ),
    ],
)
def test_bad_text_is_a_form_error(editor_client, submit, data, error):
    response = submit(editor_client, **data)

    assert error in str(response.context["form"].errors)
    assert not ImportJob.objects.exists() and set(row_counts().values()) == {0}


def test_an_article_that_reports_no_meeting_is_refused_with_the_reason_and_can_be_imported_anyway(
    editor_client, submit
):
    response = submit(editor_client, text=NO_MEETING)

    job = ImportJob.objects.get()
    assert (job.status, job.failure, job.attempts) == ("failed", "refused", 1)
    page = editor_client.get(response.url).content.decode()
    assert f"This article was refused: {REFUSAL}." in page
    assert 'value="Import anyway"' in page
    assert reverse("admin:summits_importjob_import_anyway", args=[job.pk]) in page
    assert set(row_counts().values()) == {0}


def test_import_anyway_imports_an_article_that_reports_no_meeting(
    editor_client, editor, submit, django_capture_on_commit_callbacks
):
    submit(editor_client, text=NO_MEETING)
    refused = ImportJob.objects.get()

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(reverse("admin:summits_importjob_import_anyway", args=[refused.pk]))

    again = ImportJob.objects.exclude(pk=refused.pk).get()
    assert response.status_code == 302 and response.url == job_url(again)
    assert (again.allow_no_meeting, again.requested_by, again.status) == (True, editor, "done")
    assert Article.objects.get().text == NO_MEETING
    assert again.article == Article.objects.get()


def test_import_anyway_is_a_post_for_refused_jobs_only(editor_client):
    done = factories.ImportJobFactory()
    url = reverse("admin:summits_importjob_import_anyway", args=[done.pk])

    assert editor_client.get(url).status_code == 405
    assert editor_client.post(url).status_code == 404
    assert ImportJob.objects.count() == 1


def test_a_cp1252_upload_is_read_as_a_person_would(editor_client, submit, fixed_extraction):
    text = ARTICLE + " Erdogan’s aides said the café talks had gone well."
    fixed_extraction[text] = first_extraction(text)
    upload = SimpleUploadedFile("article.txt", text.encode("cp1252"), content_type="text/plain")

    submit(editor_client, file=upload)

    job = ImportJob.objects.get()
    assert job.text == text and job.encoding not in {"utf-8", "ascii"}
    assert Article.objects.get().text == text


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://example.org/a.txt"])
def test_a_source_url_that_is_not_http_is_a_form_error(editor_client, submit, url):
    response = submit(editor_client, text=ARTICLE, url=url)

    assert response.context["form"].errors["url"]
    assert not ImportJob.objects.exists() and set(row_counts().values()) == {0}


def test_an_unexpected_error_in_the_extraction_fails_the_job_with_a_message(
    editor_client, submit, monkeypatch
):
    def broken(*args, **kwargs):
        raise RuntimeError("the parser ran out of memory")

    monkeypatch.setattr("summits.ingest.run_extraction", broken)

    response = submit(editor_client, text=ARTICLE)

    assert response.status_code == 302
    page = editor_client.get(response.url).content.decode()
    assert (
        "The import failed unexpectedly (RuntimeError: the parser ran out of memory); nothing was written."
        in page
    )
    assert ImportJob.objects.get().attempts == 1  # a bug is not retried
    assert set(row_counts().values()) == {0}


def test_an_unexpected_error_in_the_import_fails_the_job_with_a_message(editor_client, submit, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr("summits.ingest._write", broken)

    response = submit(editor_client, text=ARTICLE)

    page = editor_client.get(response.url).content.decode()
    assert (
        "The import failed unexpectedly (RuntimeError: the database went away); nothing was written." in page
    )
    assert set(row_counts().values()) == {0}


def test_a_job_the_database_failed_every_time_says_so(editor_client, submit, settings, monkeypatch):
    settings.SUMMITS_IMPORT_RETRIES = 2

    def unavailable(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr("summits.ingest._write", unavailable)

    response = submit(editor_client, text=ARTICLE)

    page = editor_client.get(response.url).content.decode()
    assert (
        "The database was unavailable on each of 3 attempts (database unavailable: server closed the "
        "connection unexpectedly); nothing was written." in page
    )
    assert set(row_counts().values()) == {0}


def test_a_running_job_says_which_attempt_and_reloads(editor_client):
    job = factories.ImportJobFactory(
        status="running", attempts=2, outcome="", article=None, summit=None, summit_created=False, counts={}
    )

    page = job_page(editor_client, job)

    assert "attempt 2 of 4" in page and '<meta http-equiv="refresh" content="3">' in page


def test_the_job_list_shows_every_job_and_is_read_only(editor_client):
    done = factories.ImportJobFactory()
    failed = factories.ImportJobFactory(
        status="failed", failure="rejected", error="too large", outcome="", article=None, summit=None
    )

    response = editor_client.get(reverse("admin:summits_importjob_changelist"))

    page = response.content.decode()
    assert str(done) in page and str(failed) in page and "too large" in page
    assert f'href="{reverse("admin:summits_summit_change", args=[done.summit.pk])}"' in page
    assert reverse("admin:summits_importjob_add") not in page
    job = job_page(editor_client, done)
    assert 'name="_save"' not in job  # nothing to change


def test_the_admin_index_links_to_the_import_jobs_beside_the_import(editor_client):
    page = editor_client.get(reverse("admin:index")).content.decode()
    tools = page.split('id="what-needs-doing"')[1].split("</ul>")[0]
    assert f'href="{URL}"' in tools
    assert f'href="{reverse("admin:summits_importjob_changelist")}"' in tools


def test_the_page_and_the_jobs_need_the_add_article_permission(client, submit):
    job = factories.ImportJobFactory()
    staff = factories.UserFactory(is_staff=True)
    client.force_login(staff)
    assert client.get(URL).status_code == 403
    assert submit(client, text=ARTICLE).status_code == 403
    assert client.get(job_url(job)).status_code == 403
    assert Article.objects.count() == 1 and ImportJob.objects.count() == 1

    staff.user_permissions.add(Permission.objects.get(codename="add_article"))
    assert client.get(URL).status_code == 200
    assert client.get(job_url(job)).status_code == 200
    assert client.get(reverse("admin:summits_importjob_changelist")).status_code == 200


def test_anonymous_visitors_are_sent_to_the_login(client):
    response = client.get(URL)
    assert response.status_code == 302 and reverse("admin:login") in response.url


def test_the_admin_import_is_logged_as_an_admin_upload(editor_client, submit, caplog):
    caplog.set_level("INFO", logger="summits")

    submit(editor_client, text=ARTICLE)

    (record,) = [r for r in caplog.records if getattr(r, "event", "") == "article_imported"]
    assert (record.file, record.status, record.extractor_version) == (
        "admin upload",
        "created",
        ingest.extractor_version(),
    )
